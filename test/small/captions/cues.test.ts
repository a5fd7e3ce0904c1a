import { describe, expect, it } from 'vitest';
import { buildCaptionCues, DEFAULT_CUE_OPTIONS, wrapWords } from '../../../src/domain/captions/index.js';
import type { CaptionCue, TimedWord } from '../../../src/domain/content.js';

/** Words back to back from `startMs`, each `ms` long with `gapMs` between them. */
function spoken(text: string, ms = 300, gapMs = 50, startMs = 0): TimedWord[] {
  let at = startMs;
  return text.split(' ').map((word) => {
    const w = { text: word, startMs: at, endMs: at + ms };
    at += ms + gapMs;
    return w;
  });
}

function expectWellFormed(words: TimedWord[], cues: CaptionCue[]): void {
  expect(cues.flatMap((c) => c.words)).toEqual(words);
  for (const [i, cue] of cues.entries()) {
    expect(cue.startMs).toBe(cue.words[0]?.startMs);
    expect(cue.endMs).toBeGreaterThanOrEqual(cue.startMs);
    const next = cues[i + 1];
    if (next) expect(cue.endMs).toBeLessThanOrEqual(next.startMs);
  }
}

describe('buildCaptionCues', () => {
  const opts = { maxCharsPerLine: 18, maxLines: 2, maxCueMs: 3000 };

  it.each([
    ['a plain run of words', spoken('one two three four five six seven eight nine ten eleven twelve')],
    ['sentences', spoken('Hook them fast. Keep it short! Does it work? Yes.')],
    ['a long word', spoken('supercalifragilisticexpialidocious is long', 600)],
    ['one word', spoken('Hello')],
    ['punctuation and quotes', spoken('He said "stop." Then left.')],
  ])('puts every word of %s in exactly one cue, in order, without overlaps', (_name, words) => {
    expectWellFormed(words, buildCaptionCues(words, opts));
  });

  it('returns no cues for no words', () => {
    expect(buildCaptionCues([], opts)).toEqual([]);
  });

  it('keeps word timings exactly and ends a cue with its last word', () => {
    const words = spoken('Make videos people finish', 310, 40, 1234);
    const [cue] = buildCaptionCues(words, opts);
    expect(cue).toEqual({ startMs: 1234, endMs: words[3]?.endMs, words });
  });

  it.each([
    ['a full stop', 'Hook them fast. Keep it short', ['Hook them fast.', 'Keep it short']],
    ['a question mark', 'Ready? Go now', ['Ready?', 'Go now']],
    ['an exclamation inside quotes', 'She said "go!" then ran', ['She said "go!"', 'then ran']],
  ])('breaks after %s', (_name, text, expected) => {
    const cues = buildCaptionCues(spoken(text), opts);
    expect(cues.map((c) => c.words.map((w) => w.text).join(' '))).toEqual(expected);
  });

  it('breaks at a pause of at least minPauseMs, not at a shorter one', () => {
    const words = [
      { text: 'before', startMs: 0, endMs: 300 },
      { text: 'short', startMs: 600, endMs: 900 },
      { text: 'after', startMs: 1300, endMs: 1600 },
    ];
    const cues = buildCaptionCues(words, { ...opts, minPauseMs: 400 });
    expect(cues.map((c) => c.words.map((w) => w.text))).toEqual([['before', 'short'], ['after']]);
  });

  it.each([
    [18, 2],
    [12, 2],
    [24, 1],
    [8, 3],
  ])('keeps cues within %i characters × %i lines', (maxCharsPerLine, maxLines) => {
    const words = spoken(
      'the quick brown fox jumps over the lazy dog while the cat sleeps on a warm mat',
      200,
      20,
    );
    const cues = buildCaptionCues(words, { maxCharsPerLine, maxLines, maxCueMs: 60_000 });
    expectWellFormed(words, cues);
    for (const cue of cues) {
      const lines = wrapWords(cue.words, maxCharsPerLine);
      expect(lines.length).toBeLessThanOrEqual(maxLines);
      for (const line of lines) {
        if (line.length > 1)
          expect(line.map((w) => w.text).join(' ').length).toBeLessThanOrEqual(maxCharsPerLine);
      }
    }
  });

  it('closes a cue before it would last longer than maxCueMs', () => {
    const words = spoken('a b c d e f g h i j k l', 400, 100);
    const cues = buildCaptionCues(words, { maxCharsPerLine: 40, maxLines: 2, maxCueMs: 1500 });
    expectWellFormed(words, cues);
    for (const cue of cues) expect(cue.endMs - cue.startMs).toBeLessThanOrEqual(1500);
  });

  it('gives a word longer than a line a line of its own and never splits it', () => {
    const words = spoken('tiny incomprehensibilities ok');
    const cues = buildCaptionCues(words, { maxCharsPerLine: 10, maxLines: 2, maxCueMs: 10_000 });
    expectWellFormed(words, cues);
    expect(cues.flatMap((c) => wrapWords(c.words, 10)).map((l) => l.map((w) => w.text))).toContainEqual([
      'incomprehensibilities',
    ]);
  });

  it('ends a cue where the next begins when an engine overlaps words', () => {
    const words = [
      { text: 'First.', startMs: 0, endMs: 700 },
      { text: 'Second', startMs: 650, endMs: 1000 },
    ];
    const cues = buildCaptionCues(words, opts);
    expect(cues.map((c) => [c.startMs, c.endMs])).toEqual([
      [0, 650],
      [650, 1000],
    ]);
  });

  it('has defaults suited to big captions on a phone', () => {
    expect(DEFAULT_CUE_OPTIONS).toMatchObject({ maxCharsPerLine: 18, maxLines: 2, maxCueMs: 3000 });
  });
});

describe('wrapWords', () => {
  it.each([
    ['one two three', 6, [['one'], ['two'], ['three']]],
    ['one two three', 7, [['one', 'two'], ['three']]],
    ['one two three', 8, [['one', 'two'], ['three']]],
    ['one two three', 13, [['one', 'two', 'three']]],
    ['ünïcödé wörds', 7, [['ünïcödé'], ['wörds']]],
  ])('wraps "%s" at %i characters', (text, max, expected) => {
    const lines = wrapWords(
      text.split(' ').map((t) => ({ text: t })),
      max,
    );
    expect(lines.map((l) => l.map((w) => w.text))).toEqual(expected);
  });
});

describe('cutting a long sentence into cues', () => {
  const texts = (cues: CaptionCue[]) => cues.map((cue) => cue.words.map((w) => w.text).join(' '));

  it('never leaves a lone last word: the cues of one sentence are evenly filled', () => {
    const words = spoken('Simple usually beats complicated. The basics matter more than the extras.');
    const cues = buildCaptionCues(words, DEFAULT_CUE_OPTIONS);
    expectWellFormed(words, cues);
    expect(texts(cues)).toEqual([
      'Simple usually beats complicated.',
      'The basics matter',
      'more than the extras.',
    ]);
  });

  it('prefers to cut after a comma when that is as even', () => {
    const words = spoken('Grind the beans coarse, then steep them overnight.');
    const cues = buildCaptionCues(words, DEFAULT_CUE_OPTIONS);
    expectWellFormed(words, cues);
    expect(texts(cues)).toEqual(['Grind the beans coarse,', 'then steep them overnight.']);
  });

  it('uses as few cues as the limits allow', () => {
    const words = spoken('one two three four five six seven eight nine ten eleven twelve thirteen fourteen');
    const cues = buildCaptionCues(words, { ...DEFAULT_CUE_OPTIONS, maxCueMs: 60_000 });
    expectWellFormed(words, cues);
    // 84 characters, 36 to a cue (two lines of 18): three cues, each within two lines.
    expect(cues).toHaveLength(3);
    for (const cue of cues) expect(wrapWords(cue.words, 18).length).toBeLessThanOrEqual(2);
  });
});
