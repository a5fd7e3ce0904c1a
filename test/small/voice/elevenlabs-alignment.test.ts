import { describe, expect, it } from 'vitest';
import {
  readAlignment,
  spansFromAlignment,
  type ElevenLabsAlignment,
} from '../../../src/adapters/ai/voice/elevenlabs/elevenlabs-alignment.js';
import { spokenWords } from '../../../src/domain/speech/words.js';

/** An alignment where character k lasts from k/10 s to (k+1)/10 s. */
function alignmentOf(spoken: string): ElevenLabsAlignment {
  const characters = [...spoken];
  return {
    characters,
    character_start_times_seconds: characters.map((_, k) => k / 10),
    character_end_times_seconds: characters.map((_, k) => (k + 1) / 10),
  };
}

describe('spansFromAlignment', () => {
  it('groups characters into words; trailing punctuation adds no time', () => {
    const text = 'Hi, you!';
    expect(spansFromAlignment(spokenWords(text), alignmentOf(text))).toEqual([
      { startMs: 0, endMs: 200 },
      { startMs: 400, endMs: 700 },
    ]);
  });

  it('counts characters as ElevenLabs lists them (code points), emoji included', () => {
    const text = '😀 ok';
    expect(spansFromAlignment(spokenWords(text), alignmentOf(text))).toEqual([{ startMs: 200, endMs: 400 }]);
  });

  it('finds words in order when the spoken text differs, leaving missing words null', () => {
    const words = spokenWords('one two three');
    expect(spansFromAlignment(words, alignmentOf('one three'))).toEqual([
      { startMs: 0, endMs: 300 },
      null,
      { startMs: 400, endMs: 900 },
    ]);
  });
});

describe('readAlignment', () => {
  it('accepts the documented shape', () => {
    expect(readAlignment(alignmentOf('ab'))).toEqual(alignmentOf('ab'));
  });

  it.each([
    ['null', null],
    ['missing arrays', { characters: ['a'] }],
    [
      'lengths differ',
      { characters: ['a'], character_start_times_seconds: [0, 1], character_end_times_seconds: [1] },
    ],
    [
      'non-numbers',
      { characters: ['a'], character_start_times_seconds: ['0'], character_end_times_seconds: [1] },
    ],
    [
      'NaN',
      { characters: ['a'], character_start_times_seconds: [Number.NaN], character_end_times_seconds: [1] },
    ],
    [
      'non-strings',
      { characters: [1], character_start_times_seconds: [0], character_end_times_seconds: [1] },
    ],
  ])('refuses %s', (_name, value) => {
    expect(readAlignment(value)).toBeNull();
  });
});
