import type { VisualSource } from '../content.js';
import { mediaInput } from './inputs.js';
import { generatedSegment, WIDTH, type SegmentGraph } from './visuals.js';

type Illustration = Extract<VisualSource, { kind: 'illustration' }>;

/** Sizes the provider rasterizes its pictures at (the renderer overlays them unscaled: no per-frame scaling). */
export const SUBJECT_PX = 720;
export const SUPPORT_PX = 300;

/** Where a picture sits and how it moves: a centre, a slow float (amplitude, period) and a drift across the segment. */
interface Placement {
  size: number;
  centreX: number;
  centreY: number;
  floatPx: number;
  periodS: number;
  driftPx: number;
}

// The subject fills the middle above the captions (which start near y 1250); supporting pictures sit above it,
// left and right at staggered heights, drifting against each other (parallax) and floating out of step with it.
const PLACEMENTS: readonly Placement[] = [
  { size: SUBJECT_PX, centreX: WIDTH / 2, centreY: 860, floatPx: 26, periodS: 3.2, driftPx: 0 },
  { size: SUPPORT_PX, centreX: 220, centreY: 360, floatPx: 16, periodS: 2.6, driftPx: 60 },
  { size: SUPPORT_PX, centreX: 860, centreY: 300, floatPx: 18, periodS: 2.9, driftPx: -60 },
];

/** How many pictures one illustration segment shows at most. */
export const MAX_ILLUSTRATION_ICONS = PLACEMENTS.length;

/**
 * Filters for an illustration: the generated background, then each picture (a transparent PNG, decoded once and
 * repeated by overlay) laid over it at a position that floats and drifts with the frame number. Overlay
 * expressions are evaluated per frame but only move the picture, so the cost is one alpha blend per picture.
 */
export function illustrationSegment(
  source: Illustration,
  files: readonly string[],
  firstInput: number,
  palette: readonly string[],
  frames: number,
  out: string,
  canZoom: boolean,
): SegmentGraph {
  const shown = files.slice(0, MAX_ILLUSTRATION_ICONS);
  const backdrop = { kind: 'generated' as const, ...source.background };
  if (shown.length === 0) return generatedSegment(backdrop, palette, frames, out, canZoom);
  const background = generatedSegment(backdrop, palette, frames, `${out}bg`, canZoom);
  const filters = [...background.filters];
  const inputs: string[] = [];
  let below = `${out}bg`;
  shown.forEach((file, i) => {
    const placement = PLACEMENTS[i] as Placement;
    const picture = `${out}p${i}`;
    const above = i === shown.length - 1 ? out : `${out}o${i}`;
    inputs.push(...mediaInput(file));
    filters.push(`[${firstInput + i}:v]format=rgba[${picture}]`);
    filters.push(`[${below}][${picture}]overlay=${overlayPosition(placement, frames)}:eval=frame[${above}]`);
    below = above;
  });
  return { inputs, filters };
}

// x and y of the picture's top-left corner for frame n of the segment (t counts from 0 at its start).
function overlayPosition(p: Placement, frames: number): string {
  const progress = `min(1,n/${Math.max(1, frames - 1)})`;
  const x = `${p.centreX - p.size / 2}+${p.driftPx}*(${progress}-0.5)`;
  const y = `${p.centreY - p.size / 2}+${p.floatPx}*sin(2*PI*t/${p.periodS})`;
  return `x='${x}':y='${y}'`;
}
