import { describe, expect, it } from 'vitest';
import { STYLE_PRESETS, type Brief } from '../../../src/domain/content.js';
import { UserError } from '../../../src/domain/errors.js';
import {
  KNOWN_FONTS,
  STYLE_PRESET_DEFINITIONS,
  contrastWithWhite,
  resolveStyle,
} from '../../../src/domain/style-presets.js';

type StyleBrief = Pick<Brief, 'stylePreset' | 'palette' | 'font' | 'captionStyle'>;
const brief = (over: Partial<StyleBrief> = {}): StyleBrief => ({
  stylePreset: 'clean',
  palette: [],
  font: '',
  captionStyle: 'karaoke',
  ...over,
});

function userErrorOf(work: () => unknown): UserError {
  try {
    work();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('style presets', () => {
  it.each(STYLE_PRESETS)('%s has a name, a description and a usable look', (id) => {
    const preset = STYLE_PRESET_DEFINITIONS[id];
    expect(preset.id).toBe(id);
    expect(preset.name.length).toBeGreaterThan(2);
    expect(preset.description.length).toBeGreaterThan(20);
    expect(preset.palette.length).toBeGreaterThanOrEqual(3);
    expect(preset.palette.length).toBeLessThanOrEqual(4);
    expect(preset.patterns.length).toBeGreaterThan(0);
    expect(preset.motions.length).toBeGreaterThan(0);
    expect(KNOWN_FONTS).toContain(preset.font);
  });

  it.each(STYLE_PRESETS.flatMap((id) => STYLE_PRESET_DEFINITIONS[id].palette.map((c) => [id, c] as const)))(
    '%s colour %s is a hex colour dark enough for white captions (WCAG AA, 4.5:1)',
    (_id, colour) => {
      expect(colour).toMatch(/^#[0-9a-f]{6}$/);
      expect(contrastWithWhite(colour)).toBeGreaterThanOrEqual(4.5);
    },
  );

  it.each([
    ['#000000', 21],
    ['#ffffff', 1],
    ['#777777', 4.48],
  ])('contrast of white on %s is %d', (colour, ratio) => {
    expect(contrastWithWhite(colour)).toBeCloseTo(ratio, 1);
  });
});

describe('resolveStyle', () => {
  it('uses the preset when the brief leaves palette and font empty', () => {
    expect(resolveStyle(brief({ stylePreset: 'tech-grid' }))).toEqual({
      preset: 'tech-grid',
      palette: STYLE_PRESET_DEFINITIONS['tech-grid'].palette,
      fontName: 'Inter',
      captionStyle: 'karaoke',
      patterns: ['grid', 'dots'],
      motions: ['pan-left', 'pan-right', 'zoom-in'],
      kineticText: true,
    });
  });

  it('puts the brief palette and font over the preset, normalizing their spelling', () => {
    const style = resolveStyle(
      brief({ palette: ['#ABC', ' #112233 '], font: 'dejavu sans', captionStyle: 'pop' }),
    );
    expect(style).toMatchObject({
      palette: ['#aabbcc', '#112233'],
      fontName: 'DejaVu Sans',
      captionStyle: 'pop',
    });
  });

  it.each([
    [{ stylePreset: 'neon' as Brief['stylePreset'] }, 'unknown_style', 'There is no style called "neon"'],
    [{ font: 'Comic Sans' }, 'unknown_font', 'The font "Comic Sans" is not available'],
    [{ palette: ['#12345g'] }, 'invalid_palette', '"#12345g" is not a colour'],
    [{ palette: ['red'] }, 'invalid_palette', 'Write colours as hex codes'],
    [{ palette: Array.from({ length: 7 }, () => '#000000') }, 'invalid_palette', 'at most 6 colours'],
  ])('refuses %o with %s', (over, code, words) => {
    const error = userErrorOf(() => resolveStyle(brief(over)));
    expect(error).toMatchObject({ kind: 'validation', code });
    expect(error.message).toContain(words);
  });
});
