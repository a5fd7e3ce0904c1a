import type { EspeakEvent, EspeakVoiceEntry } from '@echogarden/espeak-ng-emscripten';
import { describe, expect, it } from 'vitest';
import { espeakChunks, spansFromEvents } from '../../../src/adapters/ai/voice/espeak/espeak-chunks.js';
import {
  espeakVoiceByName,
  espeakVoiceForLanguage,
  espeakVoiceInfos,
} from '../../../src/adapters/ai/voice/espeak/espeak-voices.js';
import { spokenWords } from '../../../src/domain/speech/words.js';

describe('espeakChunks', () => {
  it('cuts sentences, escapes markup and records code-point ranges', () => {
    const text = 'Salt & <pepper>! 😀 Café — ok.';
    const chunks = espeakChunks(text, spokenWords(text));
    expect(chunks.map((c) => c.ssml)).toEqual(['Salt &amp; &lt;pepper&gt;!', 'Café — ok.']);
    expect(chunks.map((c) => c.firstWord)).toEqual([0, 3]);
    for (const chunk of chunks) {
      const points = [...chunk.ssml];
      expect(chunk.ranges.map((r) => points.slice(r.start, r.end).join(''))).toEqual(
        chunk === chunks[0] ? ['Salt', '&amp;', '&lt;pepper&gt;!'] : ['Café', 'ok.'],
      );
    }
  });

  it('counts in code points, as eSpeak does', () => {
    const text = '𝒜 word';
    const [chunk] = espeakChunks(text, spokenWords(text));
    expect(chunk?.ranges).toEqual([
      { start: 0, end: 1 },
      { start: 2, end: 6 },
    ]);
  });
});

const ev = (type: EspeakEvent['type'], audio: number, text = 0, id?: string | number): EspeakEvent => ({
  type,
  audio_position: audio,
  text_position: text,
  word_length: 0,
  ...(id === undefined ? {} : { id }),
});

describe('spansFromEvents', () => {
  const text = 'Hello world. 1,000 cats';
  const chunk = {
    ssml: text,
    firstWord: 0,
    ranges: spokenWords(text).map((w) => ({ start: w.start, end: w.end })),
  };

  it('starts words at word events and ends them at the next pause, word or clause end', () => {
    const spans = spansFromEvents(
      chunk,
      [
        ev('sentence', 0),
        ev('word', 0, 1, 1),
        ev('phoneme', 11, 1, 'h'),
        ev('word', 296, 7, 2),
        ev('phoneme', 305, 7, 'w'),
        ev('phoneme', 750, 7, ''),
        ev('phoneme', 1051, 7, ''),
        ev('end', 1051),
        // "1,000" is read as two words with a short pause in between: one span.
        ev('word', 1100, 14, 3),
        ev('phoneme', 1110, 14, 'w'),
        ev('phoneme', 1300, 14, ''),
        ev('phoneme', 1320, 14, 'θ'),
        ev('word', 1350, 16, 4),
        ev('phoneme', 1360, 16, 'θ'),
        ev('word', 1700, 20, 5),
        ev('phoneme', 1710, 20, 'k'),
      ],
      2000,
    );
    expect(spans).toEqual([
      { startMs: 0, endMs: 296 },
      { startMs: 296, endMs: 750 },
      { startMs: 1100, endMs: 1700 },
      { startMs: 1700, endMs: 2000 },
    ]);
  });

  it('leaves words without a word event null and ignores events outside words', () => {
    const spans = spansFromEvents(
      chunk,
      [ev('word', 0, 1, 1), ev('word', 300, 13, 2), ev('phoneme', 310, 13, 'x')],
      500,
    );
    expect(spans).toEqual([{ startMs: 0, endMs: 300 }, null, null, null]);
  });
});

// Entries as espeak-ng lists them: a voice and its language tags with priorities (lower is preferred).
const voice = (name: string, identifier: string, ...languages: [string, number][]): EspeakVoiceEntry => ({
  name,
  identifier,
  languages: languages.map(([tag, priority]) => ({ priority, name: tag })),
});

const voices: EspeakVoiceEntry[] = [
  voice('English (Great Britain)', 'gmw/en', ['en-gb', 2], ['en', 2]),
  voice('English (America)', 'gmw/en-US', ['en-us', 2], ['en', 3]),
  voice('French (Belgium)', 'roa/fr-BE', ['fr-be', 5], ['fr', 8]),
  voice('French (France)', 'roa/fr', ['fr-fr', 5], ['fr', 5]),
  voice('Portuguese (Portugal)', 'roa/pt', ['pt', 5], ['pt-pt', 5]),
  voice('Portuguese (Brazil)', 'roa/pt-BR', ['pt-br', 5], ['pt', 6]),
  voice('Chinese (Mandarin)', 'sit/cmn', ['cmn', 5], ['zh', 5]),
  voice('Chinese (Cantonese)', 'sit/yue', ['yue', 5], ['zh', 8]),
];

describe('espeak voice choice', () => {
  it.each([
    ['en', 'gmw/en-US'],
    ['en-US', 'gmw/en-US'],
    ['en-GB', 'gmw/en'],
    ['en-AU', 'gmw/en-US'],
    ['fr', 'roa/fr'],
    ['fr-BE', 'roa/fr-BE'],
    ['fr-CA', 'roa/fr'],
    ['pt', 'roa/pt'],
    ['pt-BR', 'roa/pt-BR'],
    ['pt_br', 'roa/pt-BR'],
    ['zh-Hant-TW', 'sit/cmn'],
    ['yue', 'sit/yue'],
    ['xx', null],
    ['', null],
  ])('%s → %s', (language, identifier) => {
    expect(espeakVoiceForLanguage(voices, language)?.identifier ?? null).toBe(identifier);
  });

  it('finds a voice by identifier or language tag, case-insensitively', () => {
    expect(espeakVoiceByName(voices, 'ROA/PT-br')?.identifier).toBe('roa/pt-BR');
    expect(espeakVoiceByName(voices, 'pt-br')?.identifier).toBe('roa/pt-BR');
    expect(espeakVoiceByName(voices, 'alloy')).toBeNull();
  });

  it('lists voices for the UI', () => {
    expect(espeakVoiceInfos(voices.slice(1, 2))).toEqual([
      { id: 'gmw/en-US', name: 'English (America)', languages: ['en-us', 'en'] },
    ]);
  });
});
