import type { CaptionCueView as CaptionCue } from '../../../api/version-outputs.js';

export interface CaptionPosition {
  /** The cue on screen at that moment, or -1 between cues. */
  cue: number;
  /** The word being spoken within that cue, or -1 in a pause inside it. */
  word: number;
}

export const NOTHING_ON_SCREEN: CaptionPosition = { cue: -1, word: -1 };

/** Which caption, and which word of it, is on screen at `timeMs` (cue end is exclusive, as in the render). */
export function captionAt(cues: readonly CaptionCue[], timeMs: number): CaptionPosition {
  const cue = cues.findIndex((c) => timeMs >= c.startMs && timeMs < c.endMs);
  if (cue === -1) return NOTHING_ON_SCREEN;
  const word = cues[cue]!.words.findIndex((w) => timeMs >= w.startMs && timeMs < w.endMs);
  return { cue, word };
}

export function samePosition(a: CaptionPosition, b: CaptionPosition): boolean {
  return a.cue === b.cue && a.word === b.word;
}
