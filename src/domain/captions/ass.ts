import type { CaptionCue, CaptionStyle } from '../content.js';
import { assColor, assTagColor, parseHexColor, type Rgb } from '../render/colors.js';
import { DEFAULT_CUE_OPTIONS, wrapWords } from './cues.js';
import { DEFAULT_SAFE_ZONE, safeZoneMargins, type SafeZone } from './safe-zone.js';

/** Large on-screen words shown for a time span (kinetic text), placed above the captions. */
export interface OverlayText {
  startMs: number;
  endMs: number;
  text: string;
}

export interface AssOptions {
  /** Family name inside the font file (libass finds the file by this name in the renderer's fonts folder). */
  fontName: string;
  /** Use the bold face of the family (true unless the file is already a bold-only family). */
  bold?: boolean;
  palette: readonly string[];
  safeZone?: SafeZone;
  width: number;
  height: number;
  maxCharsPerLine?: number;
  overlays?: readonly OverlayText[];
}

const WHITE: Rgb = { r: 255, g: 255, b: 255 };
const WARM_YELLOW: Rgb = { r: 0xff, g: 0xd4, b: 0x00 };
const HIGHLIGHTS: readonly Rgb[] = [
  WARM_YELLOW,
  { r: 0xa3, g: 0xe6, b: 0x35 },
  { r: 0xff, g: 0x4f, b: 0xa3 },
  { r: 0xff, g: 0x9f, b: 0x1c },
];
const OVERLAY_CHARS_PER_LINE = 14;
// Pop: a word fades in over 80 ms in the accent colour, then turns white.
const POP_FADE_MS = 80;
const POP_ACCENT_FROM_MS = 220;
const POP_ACCENT_TO_MS = 380;

/** The ASS subtitle file for captions (karaoke, pop or clean) and overlay text, sized for the frame. */
export function buildAss(cues: readonly CaptionCue[], style: CaptionStyle, options: AssOptions): string {
  const accent = highlightColor(options.palette);
  const margins = safeZoneMargins(options.safeZone ?? DEFAULT_SAFE_ZONE, options.width, options.height);
  const maxChars = options.maxCharsPerLine ?? DEFAULT_CUE_OPTIONS.maxCharsPerLine;
  const captionLines = cues.map((cue) => {
    const lines = wrapWords(cue.words, maxChars);
    const text =
      style === 'karaoke'
        ? karaokeText(cue, lines)
        : style === 'pop'
          ? popText(cue, lines, accent)
          : cleanText(lines);
    return dialogue(0, cue.startMs, cue.endMs, 'Caption', text);
  });
  const overlayLines = (options.overlays ?? [])
    .filter((o) => o.text.trim() !== '' && o.endMs > o.startMs)
    .map((o) => dialogue(1, o.startMs, o.endMs, 'Overlay', overlayText(o.text)));
  return [
    '[Script Info]',
    'ScriptType: v4.00+',
    `PlayResX: ${options.width}`,
    `PlayResY: ${options.height}`,
    'WrapStyle: 0',
    'ScaledBorderAndShadow: yes',
    '',
    '[V4+ Styles]',
    'Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, ' +
      'Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, ' +
      'MarginR, MarginV, Encoding',
    captionStyleLine(style, options, margins, accent),
    styleLine('Overlay', options, {
      size: 112,
      primary: WHITE,
      secondary: WHITE,
      outline: assColor({ r: 0, g: 0, b: 0 }, 0x20),
      borderStyle: 1,
      outlineWidth: 6,
      alignment: 8,
      margins: { left: margins.left, right: margins.right, vertical: margins.overlayTop },
    }),
    '',
    '[Events]',
    'Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text',
    ...captionLines,
    ...overlayLines,
    '',
  ].join('\n');
}

/** Makes text safe inside an ASS event: no newlines, braces escaped, backslashes unable to start a tag. */
export function escapeAssText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/\\/g, '\\\u200B')
    .replace(/\{/g, '\\{')
    .replace(/\}/g, '\\}');
}

/** ASS time (h:mm:ss.cc) from centiseconds. */
export function assTime(cs: number): string {
  const h = Math.floor(cs / 360_000);
  const m = Math.floor(cs / 6000) % 60;
  const s = Math.floor(cs / 100) % 60;
  return `${h}:${pad2(m)}:${pad2(s)}.${pad2(cs % 100)}`;
}

/**
 * Milliseconds to whole centiseconds, the unit of ASS times and \k tags. Rounding down keeps every event start at or
 * before its first word (so per-word times inside it stay exact) and never lets one cue overlap the next.
 */
export function toCs(ms: number): number {
  return Math.floor(ms / 10);
}

// Karaoke: every word is a \k syllable; silences between words are empty syllables, so the \k values add up
// to the cue's length and each word lights up exactly at its (centisecond-rounded) start.
function karaokeText(cue: CaptionCue, lines: CaptionCue['words'][]): string {
  let cursor = toCs(cue.startMs);
  return lines
    .map((line) =>
      line
        .map((word, i) => {
          const gap = toCs(word.startMs) - cursor;
          const gapTag = gap > 0 ? `{\\k${gap}}` : '';
          cursor += Math.max(0, gap);
          const duration = Math.max(0, toCs(word.endMs) - cursor);
          cursor += duration;
          return `${gapTag}{\\k${duration}}${escapeAssText(word.text.trim())}${i < line.length - 1 ? ' ' : ''}`;
        })
        .join(''),
    )
    .join('\\N');
}

// Pop: each word is invisible (but keeps its place, so the line never moves) until its own start.
function popText(cue: CaptionCue, lines: CaptionCue['words'][], accent: Rgb): string {
  const lineStartMs = toCs(cue.startMs) * 10;
  const white = assTagColor(WHITE);
  return lines
    .map((line) =>
      line
        .map((word) => {
          const at = Math.max(0, word.startMs - lineStartMs);
          const tags =
            `\\alpha&HFF&\\1c${assTagColor(accent)}\\t(${at},${at + POP_FADE_MS},\\alpha&H00&)` +
            `\\t(${at + POP_ACCENT_FROM_MS},${at + POP_ACCENT_TO_MS},\\1c${white})`;
          return `{${tags}}${escapeAssText(word.text.trim())}`;
        })
        .join(' '),
    )
    .join('\\N');
}

function cleanText(lines: CaptionCue['words'][]): string {
  return lines.map((line) => line.map((w) => escapeAssText(w.text.trim())).join(' ')).join('\\N');
}

function overlayText(text: string): string {
  const words = text
    .trim()
    .split(/\s+/)
    .map((t) => ({ text: t }));
  const body = wrapWords(words, OVERLAY_CHARS_PER_LINE)
    .map((line) => line.map((w) => escapeAssText(w.text)).join(' '))
    .join('\\N');
  return `{\\fad(150,200)\\fscx70\\fscy70\\t(0,220,\\fscx100\\fscy100)}${body}`;
}

function dialogue(layer: number, startMs: number, endMs: number, style: string, text: string): string {
  const start = toCs(startMs);
  const end = Math.max(start + 1, toCs(endMs));
  return `Dialogue: ${layer},${assTime(start)},${assTime(end)},${style},,0,0,0,,${text}`;
}

function captionStyleLine(
  style: CaptionStyle,
  options: AssOptions,
  margins: ReturnType<typeof safeZoneMargins>,
  accent: Rgb,
): string {
  const place = { left: margins.left, right: margins.right, vertical: margins.captionBottom };
  const black = { r: 0, g: 0, b: 0 };
  if (style === 'clean') {
    // An opaque box (border style 3, drawn in the outline colour) keeps plain subtitles legible on any picture.
    return styleLine('Caption', options, {
      size: 64,
      primary: WHITE,
      secondary: WHITE,
      outline: assColor(black, 0x60),
      borderStyle: 3,
      outlineWidth: 14,
      alignment: 2,
      margins: place,
    });
  }
  // Karaoke: \k turns a word from the secondary (white) to the primary colour (the accent) at its start.
  return styleLine('Caption', options, {
    size: 80,
    primary: style === 'karaoke' ? accent : WHITE,
    secondary: WHITE,
    outline: assColor(black),
    borderStyle: 1,
    outlineWidth: 7,
    alignment: 2,
    margins: place,
  });
}

interface StyleSpec {
  size: number;
  primary: Rgb;
  secondary: Rgb;
  outline: string;
  borderStyle: 1 | 3;
  outlineWidth: number;
  alignment: number;
  margins: { left: number; right: number; vertical: number };
}

// No shadows: blending is the cost of burning in text, and a shadow layer adds a third; a thick outline reads as well.
function styleLine(name: string, options: AssOptions, s: StyleSpec): string {
  const font = options.fontName.replace(/,/g, ' ');
  const bold = options.bold === false ? 0 : -1;
  return (
    `Style: ${name},${font},${s.size},${assColor(s.primary)},${assColor(s.secondary)},${s.outline},` +
    `&H80000000,${bold},0,0,0,100,100,0,0,${s.borderStyle},${s.outlineWidth},0,${s.alignment},` +
    `${s.margins.left},${s.margins.right},${s.margins.vertical},1`
  );
}

/**
 * The highlight for karaoke and pop: the palette holds the background colours, so the highlight is the bright colour
 * (yellow, lime, pink or orange) farthest from all of them, and always reads over the black outline.
 */
export function highlightColor(palette: readonly string[]): Rgb {
  const backgrounds = palette.map(parseHexColor).filter((c): c is Rgb => c !== null);
  const distance = (c: Rgb): number =>
    Math.min(...backgrounds.map((b) => Math.hypot(c.r - b.r, c.g - b.g, c.b - b.b)), Infinity);
  return [...HIGHLIGHTS].sort((a, b) => distance(b) - distance(a))[0] ?? WARM_YELLOW;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
