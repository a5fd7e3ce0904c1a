import { describe, expect, it } from 'vitest';
import {
  assTime,
  buildAss,
  buildCaptionCues,
  escapeAssText,
  highlightColor,
  toCs,
  type AssOptions,
} from '../../../src/domain/captions/index.js';
import type { CaptionCue, CaptionStyle, TimedWord } from '../../../src/domain/content.js';

const OPTIONS: AssOptions = {
  fontName: 'Inter ExtraBold',
  palette: ['#1e1b4b', '#6d28d9', '#f4725b'],
  width: 1080,
  height: 1920,
};

// Uneven, millisecond-precise timings with gaps, as a real voice engine gives them.
const WORDS: TimedWord[] = [
  { text: 'Make', startMs: 1234, endMs: 1501 },
  { text: 'videos', startMs: 1507, endMs: 1899 },
  { text: 'people', startMs: 2113, endMs: 2406 },
  { text: 'finish.', startMs: 2411, endMs: 2987 },
  { text: 'Start', startMs: 3456, endMs: 3702 },
  { text: 'with', startMs: 3705, endMs: 3841 },
  { text: 'a', startMs: 3846, endMs: 3890 },
  { text: 'hook', startMs: 3899, endMs: 4255 },
];
const CUES = buildCaptionCues(WORDS, { maxCharsPerLine: 18, maxLines: 2, maxCueMs: 3000 });

function dialogues(ass: string, style: string): { start: string; end: string; text: string }[] {
  return ass
    .split('\n')
    .filter((l) => l.startsWith('Dialogue:') && l.split(',')[3] === style)
    .map((l) => {
      const parts = l.split(',');
      return { start: parts[1] ?? '', end: parts[2] ?? '', text: parts.slice(9).join(',') };
    });
}

function parseAssTime(t: string): number {
  const [h, m, s] = t.split(':').map(Number) as [number, number, number];
  return Math.round((h * 3600 + m * 60 + s) * 100);
}

describe('buildAss karaoke', () => {
  const ass = buildAss(CUES, 'karaoke', OPTIONS);
  const lines = dialogues(ass, 'Caption');

  it('writes one event per cue at the cue times (in centiseconds)', () => {
    expect(lines).toHaveLength(CUES.length);
    lines.forEach((line, i) => {
      expect(parseAssTime(line.start)).toBe(toCs(CUES[i]?.startMs ?? -1));
      expect(parseAssTime(line.end)).toBe(toCs(CUES[i]?.endMs ?? -1));
    });
  });

  it('lights each word at its own start and its \\k values add up to the cue', () => {
    lines.forEach((line, i) => {
      const cue = CUES[i] as CaptionCue;
      const syllables = [...line.text.matchAll(/\{\\k(\d+)\}([^{]*)/g)].map((m) => ({
        cs: Number(m[1]),
        text: (m[2] ?? '').replace('\\N', '').trim(),
      }));
      let cursor = toCs(cue.startMs);
      for (const syllable of syllables) {
        if (syllable.text !== '') {
          const word = cue.words.find((w) => w.text === syllable.text) as TimedWord;
          expect(cursor).toBe(toCs(word.startMs));
          expect(cursor + syllable.cs).toBe(toCs(word.endMs));
        }
        cursor += syllable.cs;
      }
      expect(cursor).toBe(toCs(cue.words[cue.words.length - 1]?.endMs ?? 0));
      expect(syllables.filter((s) => s.text !== '').map((s) => s.text)).toEqual(cue.words.map((w) => w.text));
    });
  });

  it('turns words from white (secondary) to a bright highlight away from the palette (primary)', () => {
    const style = ass.split('\n').find((l) => l.startsWith('Style: Caption,')) ?? '';
    const [, , , primary, secondary] = style.split(',');
    expect(secondary).toBe('&H00FFFFFF');
    expect(primary).toBe('&H0035E6A3');
  });
});

describe('buildAss pop', () => {
  it('reveals each word exactly at its start, in ms after the event start', () => {
    const ass = buildAss(CUES, 'pop', OPTIONS);
    dialogues(ass, 'Caption').forEach((line, i) => {
      const cue = CUES[i] as CaptionCue;
      const reveals = [
        ...line.text.matchAll(/\\alpha&HFF&\\1c&H[0-9A-F]{6}&\\t\((\d+),(\d+),\\alpha&H00&\)/g),
      ];
      expect(reveals.map((m) => Number(m[1]) + parseAssTime(line.start) * 10)).toEqual(
        cue.words.map((w) => w.startMs),
      );
    });
  });
});

describe('buildAss clean', () => {
  it('writes plain text with a line break and no per-word tags', () => {
    const cue: CaptionCue = {
      startMs: 0,
      endMs: 2000,
      words: 'Most people watch without sound'.split(' ').map((text, i) => ({
        text,
        startMs: i * 400,
        endMs: i * 400 + 350,
      })),
    };
    const [line] = dialogues(buildAss([cue], 'clean', OPTIONS), 'Caption');
    expect(line?.text).toBe('Most people watch\\Nwithout sound');
  });
});

describe('buildAss layout', () => {
  it.each<CaptionStyle>(['karaoke', 'pop', 'clean'])('keeps %s captions in the safe zone', (style) => {
    const ass = buildAss(CUES, style, OPTIONS);
    expect(ass).toContain('PlayResX: 1080\nPlayResY: 1920');
    const fields = (ass.split('\n').find((l) => l.startsWith('Style: Caption,')) ?? '').split(',');
    // Fontname, Alignment (2 = bottom centre), MarginL 8 %, MarginR 12 %, MarginV: bottom edge at 75 % of 1920.
    expect(fields[1]).toBe('Inter ExtraBold');
    expect(fields.slice(18, 22)).toEqual(['2', '86', '130', '480']);
  });

  it('places overlay text top-centre under the apps’ headers, as its own layer', () => {
    const ass = buildAss([], 'karaoke', {
      ...OPTIONS,
      overlays: [{ startMs: 0, endMs: 5000, text: 'Make videos people finish' }],
    });
    const fields = (ass.split('\n').find((l) => l.startsWith('Style: Overlay,')) ?? '').split(',');
    expect(fields.slice(18, 22)).toEqual(['8', '86', '130', '346']);
    const [overlay] = dialogues(ass, 'Overlay');
    expect(overlay).toMatchObject({ start: '0:00:00.00', end: '0:00:05.00' });
    expect(overlay?.text).toMatch(/^\{\\fad\(150,200\).*\}Make videos\\Npeople finish$/);
  });

  it('drops empty overlays and keeps even a sub-centisecond cue visible', () => {
    const ass = buildAss(
      [{ startMs: 1000, endMs: 1003, words: [{ text: 'x', startMs: 1000, endMs: 1003 }] }],
      'clean',
      {
        ...OPTIONS,
        overlays: [{ startMs: 0, endMs: 100, text: '  ' }],
      },
    );
    expect(dialogues(ass, 'Overlay')).toEqual([]);
    expect(dialogues(ass, 'Caption')[0]).toMatchObject({ start: '0:00:01.00', end: '0:00:01.01' });
  });

  it('keeps commas out of the font name (ASS fields are comma-separated)', () => {
    const ass = buildAss([], 'clean', { ...OPTIONS, fontName: 'Odd, Font' });
    expect(ass).toContain('Style: Caption,Odd  Font,');
  });
});

describe('escapeAssText', () => {
  it.each([
    ['plain words', 'plain words'],
    ['{\\b1}bold?', '\\{\\\u200Bb1\\}bold?'],
    ['a\\Nb', 'a\\\u200BNb'],
    ['line\nbreak\r\nhere', 'line break here'],
    ['50% off, {really}', '50% off, \\{really\\}'],
  ])('escapes %j', (input, expected) => {
    expect(escapeAssText(input)).toBe(expected);
  });
});

describe('assTime', () => {
  it.each([
    [0, '0:00:00.00'],
    [123, '0:00:01.23'],
    [6000, '0:01:00.00'],
    [360_000 + 61 * 100 + 5, '1:01:01.05'],
  ])('writes %i cs as %s', (cs, text) => {
    expect(assTime(cs)).toBe(text);
  });
});

describe('highlightColor', () => {
  const YELLOW = { r: 0xff, g: 0xd4, b: 0x00 };
  const LIME = { r: 0xa3, g: 0xe6, b: 0x35 };
  const PINK = { r: 0xff, g: 0x4f, b: 0xa3 };
  it.each([
    [['#1e1b4b', '#6d28d9', '#0f766e'], YELLOW],
    [['#facc15', '#1e1b4b'], PINK],
    [['#ff4fa3', '#ffd400'], LIME],
    [['not a colour'], YELLOW],
    [[], YELLOW],
  ])('picks a bright highlight far from the background colours %j', (palette, expected) => {
    expect(highlightColor(palette)).toEqual(expected);
  });
});
