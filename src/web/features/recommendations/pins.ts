import { SETTABLE_FACTORS } from '../../../domain/analytics/brief-factors.js';

/** Pinned levels by factor: the next briefs keep these instead of letting the model choose. */
export type Pins = Record<string, string>;

/** Where a workspace's pins are kept in the browser's localStorage. */
export const pinsKey = (workspaceId: string) => `aif:recommendation-pins:${workspaceId}`;

const settable = new Set<string>(SETTABLE_FACTORS);

/** Pins from their stored text; anything unreadable, or a factor no brief can set, is dropped. */
export function parsePins(text: string | null): Pins {
  try {
    const parsed: unknown = JSON.parse(text ?? '{}');
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (entry): entry is [string, string] => settable.has(entry[0]) && typeof entry[1] === 'string',
      ),
    );
  } catch {
    return {};
  }
}

/** Pins with `factor` pinned at `level`, or unpinned when it already was. */
export function togglePin(pins: Pins, factor: string, level: string): Pins {
  const { [factor]: current, ...rest } = pins;
  return current === level ? rest : { ...rest, [factor]: level };
}

/** Pins without `factor`. */
export function unpin(pins: Pins, factor: string): Pins {
  return Object.fromEntries(Object.entries(pins).filter(([name]) => name !== factor));
}

/** Whether a factor can be pinned: only what a brief or its schedule can set. */
export const canPin = (factor: string): boolean => settable.has(factor);
