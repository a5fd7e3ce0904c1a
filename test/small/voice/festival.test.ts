import { describe, expect, it } from 'vitest';
import {
  festivalScript,
  festivalSpans,
  festivalText,
  isFestivalVoiceName,
  parseFestivalOutput,
} from '../../../src/adapters/ai/voice/festival/festival-script.js';
import { spokenWords } from '../../../src/domain/speech/words.js';

describe('festivalText', () => {
  it('makes the words plain ASCII, one token each', () => {
    expect(festivalText(spokenWords('Café “déjà vu” — it’s naïve… 日本'))).toBe(
      `Cafe "deja vu" it's naive... `,
    );
  });
});

describe('festivalScript', () => {
  it('selects the voice, quotes the text and path for Scheme, and prints tokens and word times', () => {
    const script = festivalScript({
      text: 'say "hi" \\o/',
      voice: 'cmu_us_slt_arctic_hts',
      wavPath: '/tmp/a "b"/v.wav',
    });
    const lines = script.split('\n');
    expect(lines[0]).toBe('(voice_cmu_us_slt_arctic_hts)');
    expect(lines[1]).toBe('(set! af_utt (Utterance Text "say \\"hi\\" \\\\o/"))');
    expect(script).toContain(`(utt.save.wave af_utt "/tmp/a \\"b\\"/v.wav" 'riff)`);
    expect(script).toContain('"@@T\\t%s\\n"');
    expect(script).toContain('word_end');
  });

  it('refuses a voice name that is not a plain identifier', () => {
    expect(isFestivalVoiceName('kal_diphone')).toBe(true);
    expect(isFestivalVoiceName('x) (system "rm')).toBe(false);
    expect(() => festivalScript({ text: 'x', voice: 'a)(b', wavPath: '/tmp/x.wav' })).toThrow();
  });
});

const output = [
  'festival chatter',
  '@@T\tHello',
  '@@W\t0.16500001\t0.40000001',
  '@@T\tworld',
  '@@W\t0.40000001\t0.86500001',
  '@@W\t0\t0',
  '@@T\t1,000',
  '@@W\t1.825\t2.0450001',
  '@@W\t2.0450001\t2.5350001',
  '@@T\t-',
  '@@W\t0\t0',
  '',
].join('\n');

describe('parseFestivalOutput', () => {
  it('reads tokens and their sounding words, skipping punctuation words and other lines', () => {
    expect(parseFestivalOutput(output)).toEqual([
      { name: 'Hello', words: [{ startS: 0.16500001, endS: 0.40000001 }] },
      { name: 'world', words: [{ startS: 0.40000001, endS: 0.86500001 }] },
      {
        name: '1,000',
        words: [
          { startS: 1.825, endS: 2.0450001 },
          { startS: 2.0450001, endS: 2.5350001 },
        ],
      },
      { name: '-', words: [] },
    ]);
  });
});

describe('festivalSpans', () => {
  it('maps token i to word i when the counts agree', () => {
    const tokens = parseFestivalOutput(output).slice(0, 3);
    const spans = festivalSpans(spokenWords('Hello world. 1,000'), tokens);
    expect(spans.map((s) => s && [Math.round(s.startMs), Math.round(s.endMs)])).toEqual([
      [165, 400],
      [400, 865],
      [1825, 2535],
    ]);
  });

  it('aligns by letters when Festival split the text differently', () => {
    const tokens = parseFestivalOutput(output);
    const spans = festivalSpans(spokenWords('Hello, world! 1,000 extra'), tokens);
    expect(spans.map((s) => s && Math.round(s.startMs))).toEqual([165, 400, 1825, null]);
  });
});
