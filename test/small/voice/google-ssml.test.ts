import { describe, expect, it } from 'vitest';
import {
  escapeXml,
  googleLanguageCode,
  markedSsmlParts,
  spansFromTimepoints,
} from '../../../src/adapters/ai/voice/google/google-ssml.js';
import { spokenWords } from '../../../src/domain/speech/words.js';

describe('markedSsmlParts', () => {
  it('puts a mark before each word and after each sentence end, escaping the text', () => {
    const text = 'Salt & "pepper" <now>. Then — go';
    expect(markedSsmlParts(text, spokenWords(text))).toEqual([
      '<speak><mark name="w0"/>Salt <mark name="w1"/>&amp; <mark name="w2"/>&quot;pepper&quot; ' +
        '<mark name="w3"/>&lt;now&gt;.<mark name="e3"/> <mark name="w4"/>Then — <mark name="w5"/>go<mark name="e5"/></speak>',
    ]);
  });

  it('keeps text around the words', () => {
    expect(markedSsmlParts('  — hi —  ', spokenWords('  — hi —  '))).toEqual([
      '<speak>  — <mark name="w0"/>hi<mark name="e0"/> —  </speak>',
    ]);
  });

  it('cuts a long text into documents under the byte limit, between sentences when it can', () => {
    const text = 'One two three. Four five six. Seven eight nine ten eleven twelve thirteen fourteen.';
    const words = spokenWords(text);
    const parts = markedSsmlParts(text, words, 160);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) {
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(160);
      expect(part).toMatch(/^<speak>.*<mark name="e\d+"\/><\/speak>$/);
    }
    expect(parts[0]).toBe(
      '<speak><mark name="w0"/>One <mark name="w1"/>two <mark name="w2"/>three.<mark name="e2"/></speak>',
    );
    const marks = parts.join('').match(/name="w\d+"/g);
    expect(marks).toEqual(words.map((_, i) => `name="w${i}"`));
  });

  it('escapes every XML special character', () => {
    expect(escapeXml(`<a href='x'>&"`)).toBe('&lt;a href=&apos;x&apos;&gt;&amp;&quot;');
  });
});

describe('spansFromTimepoints', () => {
  it('starts words at their marks, ends them at the next start or their end mark', () => {
    const points = [
      { markName: 'w0', timeSeconds: 0.1 },
      { markName: 'w1', timeSeconds: 0.5 },
      { markName: 'e1', timeSeconds: 0.9 },
      { markName: 'w2', timeSeconds: 1.2 },
      { markName: 'e2', timeSeconds: 1.6 },
    ];
    expect(spansFromTimepoints(3, points, 2000)).toEqual([
      { startMs: 100, endMs: 500 },
      { startMs: 500, endMs: 900 },
      { startMs: 1200, endMs: 1600 },
    ]);
  });

  it('ignores unknown marks, and a missing start leaves the word null', () => {
    const points = [
      { markName: 'w0', timeSeconds: 0 },
      { markName: 'w9', timeSeconds: 0.2 },
      { markName: 'other', timeSeconds: 0.3 },
      { markName: 'w2', timeSeconds: 0.4 },
    ];
    expect(spansFromTimepoints(3, points, 1000)).toEqual([
      { startMs: 0, endMs: 400 },
      null,
      { startMs: 400, endMs: 1000 },
    ]);
  });
});

describe('googleLanguageCode', () => {
  it.each([
    ['en', 'en'],
    ['pt-BR', 'pt-BR'],
    ['zh-Hant-TW', 'zh-TW'],
    ['sr_Latn', 'sr'],
  ])('%s → %s', (tag, code) => {
    expect(googleLanguageCode(tag)).toBe(code);
  });
});
