import { describe, expect, it } from 'vitest';
import {
  buildSrt,
  captionEditsFromSrt,
  cueText,
  parseSrt,
  srtTime,
} from '../../../src/domain/captions/index.js';
import type { CaptionCue } from '../../../src/domain/content.js';
import { UserError } from '../../../src/domain/errors.js';

function cue(startMs: number, endMs: number, text: string): CaptionCue {
  const words = text.split(' ');
  const step = (endMs - startMs) / words.length;
  return {
    startMs,
    endMs,
    words: words.map((w, i) => ({ text: w, startMs: startMs + i * step, endMs: startMs + (i + 1) * step })),
  };
}

const CUES = [
  cue(0, 1234.4, 'Cold brew is easy.'),
  cue(1300, 2999.6, 'Grind the beans coarse and steep them'),
];

/** The message of the UserError `run` throws (fails the test when it throws nothing or something else). */
function problem(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('srtTime', () => {
  it.each([
    [0, '00:00:00,000'],
    [1, '00:00:00,001'],
    [999.4, '00:00:00,999'],
    [999.5, '00:00:01,000'],
    [61_001, '00:01:01,001'],
    [3_600_000 + 59 * 60_000 + 59_999, '01:59:59,999'],
    [100 * 3_600_000, '100:00:00,000'],
    [-20, '00:00:00,000'],
  ])('writes %s ms as %s', (ms, text) => {
    expect(srtTime(ms)).toBe(text);
  });
});

describe('buildSrt', () => {
  it('numbers the cues, writes their times rounded to the millisecond and wraps the words as on screen', () => {
    expect(buildSrt(CUES)).toBe(
      [
        '1',
        '00:00:00,000 --> 00:00:01,234',
        'Cold brew is easy.',
        '',
        '2',
        '00:00:01,300 --> 00:00:03,000',
        'Grind the beans',
        'coarse and steep',
        'them',
        '',
      ].join('\n'),
    );
  });

  it('writes nothing for no cues', () => {
    expect(buildSrt([])).toBe('');
  });

  it('reads back as the same numbers, times and texts', () => {
    expect(parseSrt(buildSrt(CUES))).toEqual([
      { number: 1, line: 1, startMs: 0, endMs: 1234, text: 'Cold brew is easy.' },
      { number: 2, line: 5, startMs: 1300, endMs: 3000, text: 'Grind the beans coarse and steep them' },
    ]);
  });
});

describe('parseSrt', () => {
  it.each([
    ['LF line ends', '1\n00:00:01,000 --> 00:00:02,500\nHello\n'],
    ['CRLF line ends', '1\r\n00:00:01,000 --> 00:00:02,500\r\nHello\r\n'],
    ['a byte order mark', '\uFEFF1\n00:00:01,000 --> 00:00:02,500\nHello'],
    ['blank lines around and spaces', '\n\n  1 \n00:00:01,000-->00:00:02,500  \n  Hello  \n\n\n'],
    ['a dot before the milliseconds', '1\n00:00:01.000 --> 00:00:02.500\nHello\n'],
    ['position coordinates after the times', '1\n00:00:01,000 --> 00:00:02,500 X1:10 X2:20\nHello\n'],
  ])('reads a file with %s', (_name, text) => {
    expect(parseSrt(text).map(({ line: _line, ...rest }) => rest)).toEqual([
      { number: 1, startMs: 1000, endMs: 2500, text: 'Hello' },
    ]);
  });

  it('joins the lines of a multi-line caption with single spaces', () => {
    const text =
      '1\n00:00:00,000 --> 00:00:01,000\nfirst  line\n  second line\n\n2\n00:00:01,000 --> 00:00:02,000\nnext\n';
    expect(parseSrt(text).map((c) => [c.number, c.line, c.text])).toEqual([
      [1, 1, 'first line second line'],
      [2, 6, 'next'],
    ]);
  });

  it('reads an empty file as no captions', () => {
    expect(parseSrt('')).toEqual([]);
    expect(parseSrt('\uFEFF\r\n\r\n')).toEqual([]);
  });

  it.each([
    ['a missing number', '00:00:01,000 --> 00:00:02,000\nHello\n', 'line 1: expected the caption number 1'],
    [
      'numbers out of order',
      `${buildSrt(CUES).replace('\n2\n', '\n3\n')}`,
      'line 5: expected the caption number 2, found 3',
    ],
    ['a missing timing line', '1\n', 'line 2: caption 1 has no timing line'],
    [
      'a bad timing line',
      '1\n00:00:01 --> 00:00:02\nHello\n',
      'line 2: "00:00:01 --> 00:00:02" is not a timing line',
    ],
    ['minutes past 59', '1\n00:61:00,000 --> 00:62:00,000\nHello\n', 'line 2:'],
    [
      'an empty caption',
      '1\n00:00:00,000 --> 00:00:01,000\n\n2\n00:00:01,000 --> 00:00:02,000\nHi\n',
      'line 1: caption 1 is empty',
    ],
    [
      'an empty caption at the end (CRLF)',
      '1\r\n00:00:00,000 --> 00:00:01,000\r\nHi\r\n\r\n2\r\n00:00:01,000 --> 00:00:02,000\r\n   \r\n',
      'line 5: caption 2 is empty',
    ],
    [
      'a missing blank line between captions',
      '1\n00:00:00,000 --> 00:00:01,000\nHi\n2\n00:00:01,000 --> 00:00:02,000\nthere\n',
      'line 5: a timing line inside caption 1',
    ],
    [
      'text that is not SubRip',
      'Just some notes\nabout the video\n',
      'line 1: expected the caption number 1, found "Just some notes"',
    ],
  ])('refuses %s, naming the line', (_name, text, message) => {
    const { code, message: actual } = problem(() => parseSrt(text));
    expect(code).toBe('srt_invalid');
    expect(actual).toContain(message);
  });
});

describe('captionEditsFromSrt', () => {
  const file = (texts: string[]) =>
    parseSrt(texts.map((t, i) => `${i + 1}\n00:00:00,000 --> 00:00:01,000\n${t}\n`).join('\n'));

  it('returns only the changed texts, by cue index, whatever the wrapping', () => {
    expect(
      captionEditsFromSrt(CUES, file(['Cold brew is easy.', 'Grind the beans\ncoarse and steep them'])),
    ).toEqual({});
    expect(
      captionEditsFromSrt(CUES, file(['Cold brew is simple.', 'Grind the beans coarse and steep them'])),
    ).toEqual({
      0: 'Cold brew is simple.',
    });
  });

  it('ignores the times in the file', () => {
    const shifted = parseSrt(buildSrt(CUES).replaceAll('00:00:0', '00:09:0'));
    expect(captionEditsFromSrt(CUES, shifted)).toEqual({});
  });

  it.each([
    [['one'], 'line 1: the file stops at caption 1, but the video has 2 captions'],
    [['one', 'two', 'three'], 'line 9: caption 3 is one too many: the video has 2'],
    [[], 'line 1: the file has no captions, but the video has 2'],
  ])('refuses a file with another number of captions (%j)', (texts, message) => {
    const { code, message: actual } = problem(() => captionEditsFromSrt(CUES, file(texts)));
    expect(code).toBe('srt_caption_count');
    expect(actual).toContain(message);
  });

  it('compares with the words of each cue', () => {
    expect(cueText(cue(0, 100, 'a  b'))).toBe('a b');
  });
});
