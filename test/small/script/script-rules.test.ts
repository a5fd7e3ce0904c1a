import { describe, expect, it } from 'vitest';
import type { Script } from '../../../src/domain/content.js';
import { UserError } from '../../../src/domain/errors.js';
import {
  countWords,
  estimatedSpeechMs,
  MAX_SPOKEN_WORDS,
  scriptProblems,
  spokenText,
  suggestedBeatCount,
  targetWordCount,
  validateScript,
  lengthFits,
  refitWordCount,
} from '../../../src/domain/script-rules.js';

function script(overrides: Partial<Script> = {}): Script {
  return {
    language: 'en',
    hook: 'Ever wondered why cold brew tastes smoother?',
    beats: [
      { text: 'Use coarse ground coffee.', visualCue: 'close-up of ground coffee' },
      { text: 'Steep it in the fridge overnight.', visualCue: 'jar in a fridge' },
      { text: 'Dilute the concentrate before serving.', visualCue: 'pouring into a glass' },
    ],
    callToAction: 'Follow for more coffee tips.',
    writer: 'test',
    ...overrides,
  };
}

function words(count: number): string {
  return Array.from({ length: count }, () => 'word').join(' ');
}

describe('spokenText', () => {
  it('voices hook, beats in order, then the call to action, skipping empty parts', () => {
    expect(spokenText(script())).toBe(
      'Ever wondered why cold brew tastes smoother? Use coarse ground coffee. Steep it in the fridge overnight. ' +
        'Dilute the concentrate before serving. Follow for more coffee tips.',
    );
    expect(spokenText(script({ hook: '  ', callToAction: 'Go.' }))).toMatch(/^Use coarse/);
  });
});

describe('countWords', () => {
  it.each([
    ['Hello world', 2],
    ['  spaced   out  ', 2],
    ["Don't stop, it's fine.", 4],
    ['Café crème brûlée', 3],
    ['', 0],
    ['— !!! …', 0],
    ['Follow 4 tips 🙂', 3],
  ])('%j has %i words', (text, expected) => {
    expect(countWords(text)).toBe(expected);
  });

  it('counts words in languages written without spaces', () => {
    expect(countWords('今日はいい天気ですね')).toBeGreaterThan(2);
  });
});

describe('estimatedSpeechMs', () => {
  it('divides the spoken words by the pace', () => {
    const s = script({
      hook: words(10),
      beats: [1, 2, 3].map(() => ({ text: words(10), visualCue: 'x' })),
      callToAction: words(4),
    });
    expect(estimatedSpeechMs(s, 2)).toBe(22_000);
    expect(estimatedSpeechMs(s)).toBe(Math.round((44 / 2.4) * 1000));
  });

  it('refuses a pace that is not positive', () => {
    expect(() => estimatedSpeechMs(script(), 0)).toThrow(RangeError);
  });
});

describe('beat count and word target from the duration', () => {
  it.each([
    [10, 3, 24],
    [15, 3, 36],
    [30, 4, 72],
    [45, 5, 108],
    [60, 6, 144],
    [75, 7, 180],
    [90, 7, 216],
    [5, 3, 24],
    [200, 7, 216],
  ])('%i s → %i beats, %i words', (seconds, beats, target) => {
    expect(suggestedBeatCount(seconds)).toBe(beats);
    expect(targetWordCount(seconds)).toBe(target);
  });

  it('asks for more words from a brisk voice, never more than a script may hold', () => {
    expect(targetWordCount(30, 3)).toBe(90);
    expect(targetWordCount(90, 4)).toBe(MAX_SPOKEN_WORDS);
  });
});

describe('validateScript', () => {
  const beat = { text: 'Say this.', visualCue: 'a picture' };
  it.each<[string, Partial<Script>, string, RegExp]>([
    ['empty hook', { hook: ' ' }, 'script_empty', /hook/i],
    ['two beats', { beats: [beat, beat] }, 'script_empty', /3 to 7 beats; it has 2/],
    ['eight beats', { beats: Array.from({ length: 8 }, () => beat) }, 'script_too_long', /it has 8/],
    [
      'empty beat text',
      { beats: [beat, { text: '', visualCue: 'x' }, beat] },
      'script_empty',
      /Beat 2 has nothing/,
    ],
    [
      'empty visual cue',
      { beats: [beat, beat, { text: 'x', visualCue: ' ' }] },
      'script_empty',
      /Beat 3 has no picture/,
    ],
    ['empty call to action', { callToAction: '' }, 'script_empty', /call to action/i],
    [
      'too many words',
      { beats: [1, 2, 3].map(() => ({ text: words(100), visualCue: 'x' })) },
      'script_too_long',
      new RegExp(`90 seconds hold about ${MAX_SPOKEN_WORDS}`),
    ],
  ])('%s → %s', (_name, overrides, code, message) => {
    let caught: unknown;
    try {
      validateScript(script(overrides));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UserError);
    expect(caught).toMatchObject({ kind: 'validation', code });
    expect((caught as UserError).message).toMatch(message);
  });

  it('accepts a well-formed script, and lists every problem of a broken one', () => {
    expect(() => validateScript(script())).not.toThrow();
    expect(scriptProblems(script({ hook: '', callToAction: '', beats: [beat] }))).toHaveLength(3);
  });

  it('accepts exactly the word limit', () => {
    const perPart = MAX_SPOKEN_WORDS / 6;
    const s = script({
      hook: words(perPart),
      callToAction: words(perPart),
      beats: [1, 2, 3, 4].map(() => ({ text: words(perPart), visualCue: 'x' })),
    });
    expect(countWords(spokenText(s))).toBe(MAX_SPOKEN_WORDS);
    expect(() => validateScript(s)).not.toThrow();
  });
});

describe('fitting the voiced length to the brief', () => {
  it.each([
    [30_000, 30, true],
    [27_000, 30, true],
    [33_000, 30, true],
    [26_900, 30, false],
    [33_100, 30, false],
    [21_500, 30, false],
    [10_500, 10, true],
  ])('%i ms for a %i s brief fits: %s', (voiceMs, seconds, fits) => {
    expect(lengthFits(voiceMs, seconds)).toBe(fits);
  });

  it('scales the ask by how far the voice came out from the target', () => {
    // 72 words asked, voiced in 21.5 s for a 30 s brief: ask for 30/21.5 as many.
    expect(refitWordCount(72, 21_500, 30)).toBe(100);
    expect(refitWordCount(72, 40_000, 30)).toBe(54);
    expect(refitWordCount(72, 30_000, 30)).toBe(72);
  });

  it('keeps the ask within what a script may hold', () => {
    expect(refitWordCount(200, 45_000, 90)).toBe(MAX_SPOKEN_WORDS);
    expect(refitWordCount(24, 60_000, 10)).toBe(12);
    expect(refitWordCount(24, 0, 10)).toBe(MAX_SPOKEN_WORDS);
  });
});
