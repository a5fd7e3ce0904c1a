import { describe, expect, it } from 'vitest';
import { readingPaceTimings } from '../../../src/domain/speech/reading-pace.js';

describe('readingPaceTimings', () => {
  const text =
    'Most people think productivity is about doing more. It is not. It is about doing the right things first, then protecting your focus.';

  it('reads at the asked pace on average, pauses between sentences and after commas', () => {
    const { words, durationMs } = readingPaceTimings(text, 2.6);
    expect(words).toHaveLength(23);
    const speaking = words.reduce((sum, w) => sum + (w.endMs - w.startMs), 0);
    expect(speaking / words.length).toBeCloseTo(1000 / 2.6, -1);
    const gapAfter = (word: string) => {
      const i = words.findIndex((w) => w.text === word);
      return (words[i + 1]?.startMs ?? 0) - (words[i]?.endMs ?? 0);
    };
    expect(gapAfter('more.')).toBeGreaterThanOrEqual(400);
    expect(gapAfter('first,')).toBeGreaterThanOrEqual(150);
    expect(gapAfter('first,')).toBeLessThan(gapAfter('more.'));
    expect(gapAfter('people')).toBeLessThanOrEqual(1);
    expect(durationMs).toBeGreaterThan(words.at(-1)?.endMs ?? Infinity);
  });

  it('gives long words more time than short ones', () => {
    const { words } = readingPaceTimings('a productivity', 2);
    const [short, long] = words.map((w) => w.endMs - w.startMs);
    expect(long).toBeGreaterThan(short ?? Infinity);
  });

  it('keeps timings monotonic and inside the duration', () => {
    const { words, durationMs } = readingPaceTimings(text, 4);
    let previous = 0;
    for (const w of words) {
      expect(w.startMs).toBeGreaterThanOrEqual(previous);
      expect(w.endMs).toBeGreaterThan(w.startMs);
      previous = w.endMs;
    }
    expect(previous).toBeLessThanOrEqual(durationMs);
  });

  it('scales with the pace', () => {
    expect(readingPaceTimings(text, 2).durationMs).toBeGreaterThan(readingPaceTimings(text, 3).durationMs);
  });

  it('is empty for a text without words and refuses a pace that is not positive', () => {
    expect(readingPaceTimings(' — ', 2.6)).toEqual({ words: [], durationMs: 0 });
    expect(() => readingPaceTimings(text, 0)).toThrow(RangeError);
  });
});
