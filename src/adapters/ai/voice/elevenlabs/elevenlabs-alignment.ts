import type { TimeSpan } from '../timings.js';
import type { SpokenWord } from '../../../../domain/speech/words.js';

/** ElevenLabs' character alignment: one start and end time (s) per character of the text it spoke. */
export interface ElevenLabsAlignment {
  characters: string[];
  character_start_times_seconds: number[];
  character_end_times_seconds: number[];
}

/** The alignment when it has the documented shape (parallel arrays of strings and finite numbers), else null. */
export function readAlignment(value: unknown): ElevenLabsAlignment | null {
  if (typeof value !== 'object' || value === null) return null;
  const a = value as Record<string, unknown>;
  const chars = a.characters;
  const starts = a.character_start_times_seconds;
  const ends = a.character_end_times_seconds;
  if (!isStrings(chars) || !isTimes(starts) || !isTimes(ends)) return null;
  if (chars.length !== starts.length || chars.length !== ends.length) return null;
  return { characters: chars, character_start_times_seconds: starts, character_end_times_seconds: ends };
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((c) => typeof c === 'string');
}

function isTimes(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((t) => typeof t === 'number' && Number.isFinite(t));
}

const SOUNDING = /[\p{L}\p{N}]/u;

/**
 * Each word's span from the character alignment: the alignment's characters are joined and each word is found in
 * order; it starts with its first character and ends with its last letter or digit (trailing punctuation carries
 * no sound). Null for a word the alignment does not contain.
 */
export function spansFromAlignment(words: SpokenWord[], alignment: ElevenLabsAlignment): (TimeSpan | null)[] {
  // Per UTF-16 unit of the joined characters: which character it belongs to.
  const owner: number[] = [];
  alignment.characters.forEach((c, k) => {
    for (let u = 0; u < c.length; u++) owner.push(k);
  });
  const spoken = alignment.characters.join('');
  let cursor = 0;
  return words.map((word) => {
    const at = spoken.indexOf(word.text, cursor);
    if (at < 0) return null;
    cursor = at + word.text.length;
    const first = owner[at] ?? 0;
    let last = owner[cursor - 1] ?? first;
    while (last > first && !SOUNDING.test(alignment.characters[last] ?? '')) last--;
    const startMs = (alignment.character_start_times_seconds[first] ?? 0) * 1000;
    const endMs = (alignment.character_end_times_seconds[last] ?? 0) * 1000;
    return { startMs, endMs: Math.max(startMs, endMs) };
  });
}
