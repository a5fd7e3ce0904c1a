import type { CaptionCue } from '../content.js';
import { DEFAULT_CUE_OPTIONS, wrapWords } from '../captions/cues.js';
import { DEFAULT_SAFE_ZONE, safeZoneMargins } from '../captions/safe-zone.js';
import { escapeFilterValue } from './filter-escape.js';
import { HEIGHT, WIDTH } from './visuals.js';

/** A line of text drawn for a time span, for builds without libass (plain captions, no word highlighting). */
interface TextLine {
  text: string;
  startMs: number;
  endMs: number;
  size: number;
  /** Top edge in pixels. */
  y: number;
}

const CAPTION_SIZE = 64;
const OVERLAY_SIZE = 104;
const LINE_GAP = 1.3;

/**
 * drawtext filters (joined with commas) that burn captions as plain two-line subtitles and the overlay text,
 * inside the same safe zone as the ASS captions.
 */
export function drawtextFilters(
  cues: readonly CaptionCue[],
  overlays: readonly { startMs: number; endMs: number; text: string }[],
  fontFile: string,
): string {
  const zone = safeZoneMargins(DEFAULT_SAFE_ZONE, WIDTH, HEIGHT);
  const lines: TextLine[] = [];
  for (const cue of cues) {
    const wrapped = wrapWords(cue.words, DEFAULT_CUE_OPTIONS.maxCharsPerLine);
    const top = HEIGHT - zone.captionBottom - wrapped.length * CAPTION_SIZE * LINE_GAP;
    wrapped.forEach((line, i) =>
      lines.push({
        text: line.map((w) => w.text.trim()).join(' '),
        startMs: cue.startMs,
        endMs: cue.endMs,
        size: CAPTION_SIZE,
        y: Math.round(top + i * CAPTION_SIZE * LINE_GAP),
      }),
    );
  }
  for (const overlay of overlays) {
    const wrapped = wrapWords(
      overlay.text
        .trim()
        .split(/\s+/)
        .map((text) => ({ text })),
      14,
    );
    wrapped.forEach((line, i) =>
      lines.push({
        text: line.map((w) => w.text).join(' '),
        startMs: overlay.startMs,
        endMs: overlay.endMs,
        size: OVERLAY_SIZE,
        y: Math.round(zone.overlayTop + i * OVERLAY_SIZE * LINE_GAP),
      }),
    );
  }
  const font = escapeFilterValue(fontFile);
  const boxLeft = zone.left;
  const boxWidth = WIDTH - zone.left - zone.right;
  return lines
    .filter((l) => l.text !== '' && l.endMs > l.startMs)
    .map(
      (l) =>
        `drawtext=fontfile=${font}:expansion=none:text=${escapeFilterValue(l.text)}:fontsize=${l.size}:` +
        `fontcolor=white:borderw=${Math.round(l.size / 12)}:bordercolor=black:` +
        `x=${boxLeft}+(${boxWidth}-text_w)/2:y=${l.y}:` +
        `enable=${escapeFilterValue(`between(t,${seconds(l.startMs)},${seconds(l.endMs)})`)}`,
    )
    .join(',');
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
