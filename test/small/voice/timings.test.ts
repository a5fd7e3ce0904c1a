import { describe, expect, it } from 'vitest';
import { completeTimings, estimateTimings, spansFromStarts } from '../../../src/adapters/ai/voice/timings.js';
import { spokenWords } from '../../../src/domain/speech/words.js';
import type { TimedWord } from '../../../src/domain/content.js';

/** The invariants every engine's timings keep. */
function expectWellFormed(words: TimedWord[], durationMs: number): void {
  let previousEnd = 0;
  for (const w of words) {
    expect(Number.isInteger(w.startMs) && Number.isInteger(w.endMs)).toBe(true);
    expect(w.startMs).toBeGreaterThanOrEqual(previousEnd);
    expect(w.endMs).toBeGreaterThanOrEqual(w.startMs);
    expect(w.endMs).toBeLessThanOrEqual(durationMs);
    previousEnd = w.endMs;
  }
}

const span = (startMs: number, endMs: number) => ({ startMs, endMs });

describe('completeTimings', () => {
  const words = spokenWords('one two three four');

  it('keeps known spans, rounded', () => {
    const timed = completeTimings(
      words,
      [span(0, 99.6), span(100, 200), span(250, 300.4), span(300.4, 400)],
      500,
    );
    expect(timed).toEqual([
      { text: 'one', startMs: 0, endMs: 100 },
      { text: 'two', startMs: 100, endMs: 200 },
      { text: 'three', startMs: 250, endMs: 300 },
      { text: 'four', startMs: 300, endMs: 400 },
    ]);
  });

  it('clamps into the audio and makes overlapping spans monotonic', () => {
    const timed = completeTimings(
      words,
      [span(-50, 120), span(100, 90), span(400, 700), span(650, 900)],
      600,
    );
    expectWellFormed(timed, 600);
    expect(timed.map((w) => [w.startMs, w.endMs])).toEqual([
      [0, 120],
      [120, 120],
      [400, 600],
      [600, 600],
    ]);
  });

  it('places unreported words in the gap around them, by syllables', () => {
    const timed = completeTimings(spokenWords('go banana go'), [span(0, 100), null, span(400, 500)], 500);
    expect(timed[1]).toEqual({ text: 'banana', startMs: 100, endMs: 400 });
    const both = completeTimings(spokenWords('a banana a'), [span(0, 100), null, null], 700);
    expect(both.slice(1).map((w) => [w.startMs, w.endMs])).toEqual([
      [100, 550],
      [550, 700],
    ]);
  });

  it('shares a neighbour’s span when the gap is too small', () => {
    const timed = completeTimings(spokenWords('hello world'), [span(0, 400), null], 400);
    expectWellFormed(timed, 400);
    expect(timed[0]?.endMs).toBeLessThan(400);
    expect(timed[1]?.endMs).toBe(400);
    const first = completeTimings(spokenWords('hello world'), [null, span(0, 400)], 400);
    expectWellFormed(first, 400);
    expect(first[0]?.endMs).toBeGreaterThan(0);
  });

  it('spreads everything over the audio when nothing was reported', () => {
    const timed = completeTimings(words, [], 1000);
    expectWellFormed(timed, 1000);
    expect(timed[0]?.startMs).toBe(0);
    expect(timed[3]?.endMs).toBe(1000);
  });
});

describe('estimateTimings', () => {
  it('shares the span by syllables with pauses after sentences and commas', () => {
    const timed = estimateTimings(spokenWords('Cat, banana. Dog'), { startMs: 100, endMs: 1100 });
    // Weights: cat 1, banana 3, dog 1; pauses: comma 0.6, sentence 1.5 → 7.1 units over 1000 ms.
    const unit = 1000 / 7.1;
    expect(timed.map((w) => w.startMs)).toEqual([
      100,
      Math.round(100 + 1.6 * unit),
      Math.round(100 + 6.1 * unit),
    ]);
    expect(timed[2]?.endMs).toBe(1100);
    expectWellFormed(timed, 1100);
  });

  it('gives zero-length words to an empty span', () => {
    expect(estimateTimings(spokenWords('a b'), { startMs: 50, endMs: 50 })).toEqual([
      { text: 'a', startMs: 50, endMs: 50 },
      { text: 'b', startMs: 50, endMs: 50 },
    ]);
  });
});

describe('spansFromStarts', () => {
  it('ends each word at the next known start and the last at the given end', () => {
    expect(spansFromStarts([0, null, 300, 450], 600)).toEqual([
      span(0, 300),
      null,
      span(300, 450),
      span(450, 600),
    ]);
  });
});
