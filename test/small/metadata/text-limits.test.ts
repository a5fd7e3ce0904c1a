import { describe, expect, it } from 'vitest';
import {
  fitText,
  truncateUtf16,
  truncateUtf8,
  utf16Length,
  utf8Bytes,
  withoutAngleBrackets,
} from '../../../src/domain/metadata/index.js';

const FAMILY = '👨‍👩‍👧‍👦'; // four people joined by zero-width joiners: 11 UTF-16 units, 25 bytes
const FLAG = '🇫🇷'; // two regional indicators: 4 units, 8 bytes

describe('measuring', () => {
  it.each([
    ['plain ASCII', 'hello', 5, 5],
    ['accents', 'café', 4, 5],
    ['decomposed accent', 'cafe\u0301', 5, 6],
    ['CJK', '東京', 2, 6],
    ['emoji (surrogate pair)', '😀', 2, 4],
    ['family emoji (ZWJ)', FAMILY, 11, 25],
    ['flag', FLAG, 4, 8],
    ['lone surrogate', '\ud83d', 1, 3],
    ['empty', '', 0, 0],
  ])('%s: %i UTF-16 units, %i UTF-8 bytes', (_name, text, units, bytes) => {
    expect(utf16Length(text)).toBe(units);
    expect(utf8Bytes(text)).toBe(bytes);
    expect(utf8Bytes(text)).toBe(new TextEncoder().encode(text).length);
  });
});

describe('truncateUtf16', () => {
  it.each([
    ['fits: unchanged', 'hello', 5, '', 'hello'],
    ['plain cut', 'hello world', 5, '', 'hello'],
    ['never splits a surrogate pair', 'ab😀cd', 3, '', 'ab'],
    ['keeps a whole pair that fits', 'ab😀cd', 4, '', 'ab😀'],
    ['never splits a ZWJ family', `a${FAMILY}b`, 10, '', 'a'],
    ['never splits a flag', `x${FLAG}`, 4, '', 'x'],
    ['never splits a combining accent', 'cafe\u0301s', 4, '', 'caf'],
    ['ellipsis counts toward the limit', 'hello world', 6, '…', 'hello…'],
    ['no room at all', 'hello', 0, '', ''],
  ])('%s', (_name, text, max, ellipsis, expected) => {
    const result = truncateUtf16(text, max, ellipsis);
    expect(result).toBe(expected);
    expect(utf16Length(result)).toBeLessThanOrEqual(max);
    expect(result).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });
});

describe('truncateUtf8', () => {
  it.each([
    ['ASCII', 'hello world', 5, 'hello'],
    ['two-byte letters', 'éééé', 5, 'éé'],
    ['three-byte CJK', '東京都', 7, '東京'],
    ['four-byte emoji', '😀😀', 7, '😀'],
    ['ZWJ family is all or nothing', `${FAMILY}x`, 24, ''],
  ])('%s', (_name, text, max, expected) => {
    const result = truncateUtf8(text, max);
    expect(result).toBe(expected);
    expect(utf8Bytes(result)).toBeLessThanOrEqual(max);
  });
});

describe('fitText', () => {
  it('stops at a word boundary and ends with an ellipsis', () => {
    expect(fitText('The quick brown fox jumps', 16, utf16Length)).toBe('The quick brown…');
    expect(fitText('Short', 16, utf16Length)).toBe('Short');
  });

  it('cuts inside a word when the last space is too far back', () => {
    expect(fitText('a verylongwordthatgoesonandon', 12, utf16Length)).toBe('a verylongw…');
  });

  it('fits byte limits with multi-byte text', () => {
    const text = 'été '.repeat(20);
    const fitted = fitText(text, 20, utf8Bytes);
    expect(utf8Bytes(fitted)).toBeLessThanOrEqual(20);
    expect(fitted.endsWith('…')).toBe(true);
  });

  it('does not split emoji', () => {
    const fitted = fitText('😀'.repeat(10), 7, utf16Length);
    expect(fitted).toBe('😀😀😀…');
  });
});

describe('withoutAngleBrackets', () => {
  it('removes < and > only', () => {
    expect(withoutAngleBrackets('a <b> c > d')).toBe('a b c  d');
  });
});
