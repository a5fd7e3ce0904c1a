import { describe, expect, it } from 'vitest';
import { timeScriptParts } from '../../../src/domain/beat-timing.js';
import { briefsFromCsv, parseCsv } from '../../../src/domain/briefs-csv.js';
import type { Script, TimedWord } from '../../../src/domain/content.js';
import { canonicalJson, stageKey } from '../../../src/services/generation/canonical-hash.js';
import { applyCaptionEdits } from '../../../src/domain/captions/index.js';

const script: Script = {
  language: 'en',
  hook: 'Coffee wakes you up',
  beats: [
    { text: 'Grind fresh beans', visualCue: 'beans' },
    { text: 'Use water just off the boil', visualCue: 'kettle' },
    { text: 'Wait four minutes', visualCue: 'timer' },
  ],
  callToAction: 'Follow for more',
  writer: 'test',
};

function wordsOf(text: string, msPerWord = 400): TimedWord[] {
  return text
    .split(' ')
    .map((w, i) => ({ text: w, startMs: i * msPerWord, endMs: i * msPerWord + msPerWord - 50 }));
}

describe('timing the script parts on the voice-over', () => {
  it('gives each part the span of its own words, back to back from 0 to the end', () => {
    const all = [script.hook, ...script.beats.map((b) => b.text), script.callToAction].join(' ');
    const words = wordsOf(all);
    const total = words.at(-1)!.endMs + 300;
    const parts = timeScriptParts(script, words, total);
    expect(parts.map((p) => p.kind)).toEqual(['hook', 'beat', 'beat', 'beat', 'cta']);
    expect(parts[0]!.startMs).toBe(0);
    expect(parts.at(-1)!.endMs).toBe(total);
    for (let i = 1; i < parts.length; i++) expect(parts[i]!.startMs).toBe(parts[i - 1]!.endMs);
    // The hook has 4 words: it ends where the 4th word ends.
    expect(parts[0]!.endMs).toBe(words[3]!.endMs);
  });

  it('still covers the whole timeline when the engine spoke a different number of words', () => {
    const parts = timeScriptParts(script, wordsOf('one two three'), 3000);
    expect(parts.at(-1)!.endMs).toBe(3000);
    expect(parts.every((p) => p.endMs > p.startMs)).toBe(true);
  });
});

describe('briefs from CSV', () => {
  it('parses quotes, doubled quotes, CRLF and list fields', () => {
    expect(parseCsv('a,"b, c","say ""hi"""\r\n1,2,3')).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['1', '2', '3'],
    ]);
    const briefs = briefsFromCsv(
      'topic,keyPoints,durationSeconds,platforms\n"Cold brew, explained",Steep long|Filter well,45,tiktok|youtube\nTea,,,\n',
    );
    expect(briefs).toEqual([
      {
        topic: 'Cold brew, explained',
        keyPoints: ['Steep long', 'Filter well'],
        durationSeconds: 45,
        platforms: ['tiktok', 'youtube'],
      },
      { topic: 'Tea' },
    ]);
  });

  it.each([
    ['', 'csv_empty'],
    ['title\nx', 'csv_no_topic'],
    ['topic\n', 'csv_empty'],
    ['topic\n"unclosed', 'csv_invalid'],
  ])('refuses %j with %s', (csv, code) => {
    expect(() => briefsFromCsv(csv)).toThrow(expect.objectContaining({ code }) as Error);
  });
});

describe('content addresses', () => {
  it('ignore key order and undefined fields, and change with any input', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: undefined }] })).toBe('{"a":[1,{"d":2}],"b":1}');
    expect(stageKey('voice', 'e', { a: 1, b: 2 })).toBe(stageKey('voice', 'e', { b: 2, a: 1 }));
    expect(stageKey('voice', 'e', { a: 1 })).not.toBe(stageKey('voice', 'e2', { a: 1 }));
    expect(stageKey('voice', 'e', { a: 1 })).not.toBe(stageKey('render', 'e', { a: 1 }));
  });
});

describe('caption edits', () => {
  it('replace a cue’s words and keep its timing', () => {
    const cues = [{ startMs: 1000, endMs: 2000, words: wordsOf('teh cat') }];
    const [edited] = applyCaptionEdits(cues, { 0: 'the black cat' });
    expect(edited!.startMs).toBe(1000);
    expect(edited!.endMs).toBe(2000);
    expect(edited!.words.map((w) => w.text)).toEqual(['the', 'black', 'cat']);
    expect(edited!.words[0]!.startMs).toBe(1000);
    expect(edited!.words.at(-1)!.endMs).toBe(2000);
    expect(applyCaptionEdits(cues, {})).toEqual(cues);
  });
});
