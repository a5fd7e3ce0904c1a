import { STYLE_PRESET_CATALOG } from './style-preset-catalog.js';
import type { Brief, CaptionStyle, StylePresetId, VisualSource } from './content.js';
import { STYLE_PRESETS } from './content.js';
import { UserError } from './errors.js';
import { FONT_NAMES } from './render/fonts.js';

export type VisualPattern = Extract<VisualSource, { kind: 'generated' }>['pattern'];
export type VisualMotion = Extract<VisualSource, { kind: 'generated' }>['motion'];

/** Fonts the renderer ships (its list, in render/fonts.ts); a brief may only name one of these. */
export const KNOWN_FONTS: readonly string[] = FONT_NAMES;

/** A look for the whole video: the UI shows name and description, the generator uses the rest. */
export interface StylePreset {
  id: StylePresetId;
  name: string;
  description: string;
  /** Background colours, each dark enough for white captions (contrast ≥ 4.5:1). */
  palette: string[];
  captionStyle: CaptionStyle;
  /** Background patterns in order of preference, used when the words suggest none. */
  patterns: VisualPattern[];
  motions: VisualMotion[];
  font: string;
  /** Whether big key words of each beat float over the picture. */
  kineticText: boolean;
}

// Names, descriptions and palettes are shared with the web app's swatches, so both show the same colours.
function catalog(id: StylePresetId): Pick<StylePreset, 'name' | 'description' | 'palette'> {
  const entry = STYLE_PRESET_CATALOG.find((e) => e.id === id);
  if (!entry) throw new Error(`No catalog entry for style preset ${id}`);
  return { name: entry.name, description: entry.description, palette: [...entry.palette] };
}

export const STYLE_PRESET_DEFINITIONS: Record<StylePresetId, StylePreset> = {
  clean: {
    id: 'clean',
    ...catalog('clean'),
    captionStyle: 'clean',
    patterns: ['gradient', 'waves'],
    motions: ['zoom-in', 'pan-right'],
    font: 'Inter',
    kineticText: false,
  },
  'bold-pop': {
    id: 'bold-pop',
    ...catalog('bold-pop'),
    captionStyle: 'pop',
    patterns: ['dots', 'gradient'],
    motions: ['pan-left', 'pan-right', 'zoom-in'],
    font: 'Inter',
    kineticText: true,
  },
  'calm-gradient': {
    id: 'calm-gradient',
    ...catalog('calm-gradient'),
    captionStyle: 'clean',
    patterns: ['gradient', 'waves'],
    motions: ['zoom-in', 'zoom-out'],
    font: 'Inter',
    kineticText: false,
  },
  'tech-grid': {
    id: 'tech-grid',
    ...catalog('tech-grid'),
    captionStyle: 'karaoke',
    patterns: ['grid', 'dots'],
    motions: ['pan-left', 'pan-right', 'zoom-in'],
    font: 'Inter',
    kineticText: true,
  },
};

/** The style a video is made with: the preset, with the brief's own palette, font and caption style on top. */
export interface ResolvedStyle {
  preset: StylePresetId;
  palette: string[];
  fontName: string;
  captionStyle: CaptionStyle;
  patterns: VisualPattern[];
  motions: VisualMotion[];
  kineticText: boolean;
}

const MAX_PALETTE_COLOURS = 6;
const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** Merges the brief's palette and font over its preset; throws a UserError for unknown names or bad colours. */
export function resolveStyle(
  brief: Pick<Brief, 'stylePreset' | 'palette' | 'font' | 'captionStyle'>,
): ResolvedStyle {
  const preset = presetById(brief.stylePreset);
  return {
    preset: preset.id,
    palette: brief.palette.length > 0 ? normalizePalette(brief.palette) : [...preset.palette],
    fontName: brief.font.trim() === '' ? preset.font : knownFont(brief.font),
    captionStyle: brief.captionStyle,
    patterns: [...preset.patterns],
    motions: [...preset.motions],
    kineticText: preset.kineticText,
  };
}

/** The preset with this id, or a UserError 'unknown_style'. */
export function presetById(id: string): StylePreset {
  const known = (STYLE_PRESETS as readonly string[]).includes(id);
  if (!known) {
    throw new UserError(
      'validation',
      'unknown_style',
      `There is no style called "${id}". Pick one of: ${STYLE_PRESETS.join(', ')}.`,
    );
  }
  return STYLE_PRESET_DEFINITIONS[id as StylePresetId];
}

/** The canonical spelling of a known font (case-insensitive), or a UserError 'unknown_font'. */
export function knownFont(name: string): string {
  const wanted = name.trim().toLowerCase();
  const found = KNOWN_FONTS.find((f) => f.toLowerCase() === wanted);
  if (!found) {
    throw new UserError(
      'validation',
      'unknown_font',
      `The font "${name}" is not available. Pick one of: ${KNOWN_FONTS.join(', ')}.`,
    );
  }
  return found;
}

/** Lowercase #rrggbb colours, or a UserError 'invalid_palette' naming the first bad one. */
export function normalizePalette(colours: string[]): string[] {
  if (colours.length > MAX_PALETTE_COLOURS) {
    throw new UserError(
      'validation',
      'invalid_palette',
      `A palette has at most ${MAX_PALETTE_COLOURS} colours; this one has ${colours.length}.`,
    );
  }
  return colours.map((colour) => {
    const c = colour.trim();
    if (!HEX_COLOUR.test(c)) {
      throw new UserError(
        'validation',
        'invalid_palette',
        `"${colour}" is not a colour. Write colours as hex codes, like #1f2937.`,
      );
    }
    const hex = c.slice(1).toLowerCase();
    return hex.length === 3 ? `#${[...hex].map((d) => d + d).join('')}` : `#${hex}`;
  });
}

/** WCAG contrast ratio between white and a #rrggbb colour (1 to 21); white captions want ≥ 4.5. */
export function contrastWithWhite(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const linear = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const [r = 0, g = 0, b = 0] = linear;
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (luminance + 0.05);
}
