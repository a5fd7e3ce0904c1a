import { describe, expect, it } from 'vitest';
import type { VisualSegment } from '../../../src/domain/content.js';
import {
  assFamilyForFile,
  escapeFilterValue,
  fontFaceByName,
  FONT_NAMES,
  frameCount,
  frameSegments,
} from '../../../src/domain/render/index.js';
import { assColor, assTagColor, parseHexColor, paletteColors } from '../../../src/domain/render/colors.js';
import { dirnameOf } from '../../../src/domain/render/filter-escape.js';

const seg = (startMs: number, endMs: number): VisualSegment => ({
  startMs,
  endMs,
  source: { kind: 'generated', pattern: 'gradient', colors: [], motion: 'zoom-in' },
  overlayText: null,
});

describe('frameSegments', () => {
  it.each([
    ['even thirds', [seg(0, 1000), seg(1000, 2000), seg(2000, 3000)], 3000, [30, 30, 30]],
    ['uneven ms', [seg(0, 1234), seg(1234, 2987)], 2987, [37, 53]],
    ['a gap and an early end', [seg(0, 900), seg(1100, 2000)], 3000, [33, 57]],
    ['an empty segment', [seg(0, 0), seg(0, 1000)], 1000, [30]],
    ['a segment past the end', [seg(0, 1000), seg(5000, 6000)], 1000, [30]],
  ])('places %s on whole frames that add up to the duration', (_name, segments, durationMs, frames) => {
    const framed = frameSegments(segments, durationMs);
    expect(framed.map((f) => f.frames)).toEqual(frames);
    expect(framed.reduce((sum, f) => sum + f.frames, 0)).toBe(frameCount(durationMs));
    framed.forEach((f, i) => expect(f.firstFrame).toBe(framed.slice(0, i).reduce((s, g) => s + g.frames, 0)));
  });

  it.each([
    [3000, 90],
    [2990, 90],
    [16, 1],
    [0, 1],
  ])('counts %i ms as %i frames', (ms, frames) => {
    expect(frameCount(ms)).toBe(frames);
  });
});

describe('colours', () => {
  it.each([
    ['#1e1b4b', { r: 0x1e, g: 0x1b, b: 0x4b }],
    ['F4725B', { r: 0xf4, g: 0x72, b: 0x5b }],
    ['#abc', { r: 0xaa, g: 0xbb, b: 0xcc }],
    ['red', null],
    ['#12345', null],
  ])('parses %s', (text, rgb) => {
    expect(parseHexColor(text)).toEqual(rgb);
  });

  it('writes ASS colours as blue-green-red with alpha first (style) or without alpha (tag)', () => {
    expect(assColor({ r: 0x11, g: 0x22, b: 0x33 }, 0x80)).toBe('&H80332211');
    expect(assTagColor({ r: 0x11, g: 0x22, b: 0x33 })).toBe('&H332211&');
  });

  it('falls back to the default palette when no colour is valid', () => {
    expect(paletteColors(['nope'])).toHaveLength(4);
    expect(paletteColors(['#000', 'x'])).toEqual([{ r: 0, g: 0, b: 0 }]);
  });
});

describe('escapeFilterValue', () => {
  it.each([
    ['/plain/path.ass', '/plain/path.ass'],
    ['C:\\subs.ass', 'C\\\\:\\\\\\\\subs.ass'],
    ["it's", "it\\\\\\'s"],
    ['a,b;c[d]', 'a\\,b\\;c\\[d\\]'],
  ])('escapes %s for option and graph parsing', (value, escaped) => {
    expect(escapeFilterValue(value)).toBe(escaped);
  });

  it.each([
    ['/a/b/c.ttf', '/a/b'],
    ['/c.ttf', '/'],
    ['c.ttf', '.'],
    ['C:\\fonts\\c.ttf', 'C:\\fonts'],
  ])('finds the folder of %s', (path, dir) => {
    expect(dirnameOf(path)).toBe(dir);
  });
});

describe('fonts', () => {
  it('offers Inter (the default) and DejaVu Sans', () => {
    expect(FONT_NAMES).toEqual(['Inter', 'DejaVu Sans']);
    expect(fontFaceByName('dejavu sans').file).toBe('ttf/DejaVuSans-Bold.ttf');
    expect(fontFaceByName('Comic Sans').name).toBe('Inter');
  });

  it.each([
    ['/nm/@expo-google-fonts/inter/800ExtraBold/Inter_800ExtraBold.ttf', 'Inter ExtraBold'],
    ['/nm/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf', 'DejaVu Sans'],
    ['/own/Brand Font.otf', 'Brand Font'],
  ])('names the ASS family of %s', (file, family) => {
    expect(assFamilyForFile(file)).toBe(family);
  });
});
