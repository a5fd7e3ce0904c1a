import { describe, expect, it } from 'vitest';
import { captionAt, samePosition } from '../../../src/web/features/item/activeCue.js';
import type { CaptionCueView as CaptionCue } from '../../../src/api/version-outputs.js';

const cues: CaptionCue[] = [
  {
    startMs: 0,
    endMs: 900,
    words: [
      { text: 'Cold', startMs: 0, endMs: 300 },
      { text: 'brew', startMs: 400, endMs: 900 },
    ],
  },
  { startMs: 1200, endMs: 2000, words: [{ text: 'tonight', startMs: 1200, endMs: 2000 }] },
];

describe('captionAt', () => {
  it.each([
    [0, 0, 0],
    [299, 0, 0],
    [350, 0, -1], // the pause between two words of one cue
    [400, 0, 1],
    [899, 0, 1],
    [900, -1, -1], // a cue's end is exclusive
    [1000, -1, -1],
    [1200, 1, 0],
    [1999, 1, 0],
    [2000, -1, -1],
    [-5, -1, -1],
  ])('at %i ms shows cue %i, word %i', (timeMs, cue, word) => {
    expect(captionAt(cues, timeMs)).toEqual({ cue, word });
  });

  it('shows nothing when there are no captions', () => {
    expect(captionAt([], 500)).toEqual({ cue: -1, word: -1 });
  });
});

describe('samePosition', () => {
  it('compares cue and word', () => {
    expect(samePosition({ cue: 1, word: 0 }, { cue: 1, word: 0 })).toBe(true);
    expect(samePosition({ cue: 1, word: 0 }, { cue: 1, word: 1 })).toBe(false);
    expect(samePosition({ cue: 0, word: 0 }, { cue: 1, word: 0 })).toBe(false);
  });
});
