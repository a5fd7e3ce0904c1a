import type { VisualSource } from '../content.js';
import { BugError } from '../errors.js';
import { mix, paletteColors, type Rgb } from './colors.js';
import { FPS } from './frames.js';
import { mediaInput } from './inputs.js';

export const WIDTH = 1080;
export const HEIGHT = 1920;
// Zooms run on a half-size picture (smooth backgrounds lose nothing) that is scaled up once per frame.
const HALF_W = WIDTH / 2;
const HALF_H = HEIGHT / 2;
// Pans move a whole number of pixels per frame (jerk-free), up to this far across the frame.
const PAN_PX_PER_FRAME = 2;
const MAX_PAN_PX = 900;
const ZOOM_RANGE = 0.18;
const STILL_DIVISOR = 8;

/** One segment's part of the filtergraph: the inputs it adds and the chain ending in its label. */
export interface SegmentGraph {
  inputs: string[];
  filters: string[];
}

type Generated = Extract<VisualSource, { kind: 'generated' }>;

/** Filters for a generated background: a palette gradient with a pattern, moving as asked (pans without zoompan). */
export function generatedSegment(
  source: Generated,
  palette: readonly string[],
  frames: number,
  out: string,
  canZoom: boolean,
): SegmentGraph {
  const colors = cornerColors(source.colors.length > 0 ? source.colors : palette);
  const motion = canZoom ? source.motion : source.motion === 'zoom-out' ? 'pan-left' : 'pan-right';
  if (motion === 'pan-left' || motion === 'pan-right') {
    const travel = panTravel(frames);
    const still = stillImage(colors, source.pattern, WIDTH + travel, 1);
    return {
      inputs: [],
      filters: [`${still},${loopStill(frames)},${panCrop(motion, travel, frames)},${finish(out)}`],
    };
  }
  const still = stillImage(colors, source.pattern, WIDTH, 0.5);
  const zoom = `${zoomFilter(motion, frames)},scale=${WIDTH}:${HEIGHT}:flags=bilinear`;
  return { inputs: [], filters: [`${still},${loopStill(frames)},${zoom},${finish(out)}`] };
}

/** Filters for a still image: scaled once to cover the frame (plus the pan's travel), then panned. */
export function imageSegment(
  file: string,
  inputIndex: number,
  index: number,
  frames: number,
  out: string,
): SegmentGraph {
  const travel = panTravel(frames);
  const motion = index % 2 === 0 ? 'pan-right' : 'pan-left';
  const chain =
    `[${inputIndex}:v]trim=end_frame=1,scale=${WIDTH + travel}:${HEIGHT}:force_original_aspect_ratio=increase:` +
    `flags=bicubic,crop=${WIDTH + travel}:${HEIGHT},setsar=1,format=yuv420p,${loopStill(frames)},` +
    `${panCrop(motion, travel, frames)},${finish(out)}`;
  return { inputs: mediaInput(file), filters: [chain] };
}

/** Filters for a video clip: looped if short, cut to length, scaled and cropped to fill the frame. */
export function clipSegment(file: string, inputIndex: number, frames: number, out: string): SegmentGraph {
  const seconds = (frames / FPS + 0.5).toFixed(3);
  const chain =
    `[${inputIndex}:v]fps=${FPS},scale=${WIDTH}:${HEIGHT}:force_original_aspect_ratio=increase:flags=bilinear,` +
    `crop=${WIDTH}:${HEIGHT},setsar=1,format=yuv420p,trim=end_frame=${frames},${finish(out)}`;
  return { inputs: ['-stream_loop', '-1', '-t', seconds, ...mediaInput(file)], filters: [chain] };
}

/** The file behind an asset or stock segment; a plan without it is a bug in whoever built the plan. */
export function fileFor(files: Record<string, string>, mediaKey: string): string {
  const file = files[mediaKey];
  if (file === undefined)
    throw new BugError('render_plan_invalid', `The render plan has no file for ${mediaKey}`);
  return file;
}

// Every segment leaves as 30 fps frames numbered from 0, so concat joins them without drops or duplicates.
function finish(out: string): string {
  return `settb=1/${FPS},setpts=N,fps=${FPS},format=yuv420p,setsar=1[${out}]`;
}

// One decoded (or generated) frame repeated: later filters see a stream but nothing is computed again.
function loopStill(frames: number): string {
  return `loop=loop=${frames - 1}:size=1:start=0`;
}

function panTravel(frames: number): number {
  return Math.min(MAX_PAN_PX, PAN_PX_PER_FRAME * Math.max(1, frames - 1));
}

function panCrop(motion: 'pan-left' | 'pan-right', travel: number, frames: number): string {
  const progress = `n/${Math.max(1, frames - 1)}`;
  const x = motion === 'pan-right' ? `${travel}*${progress}` : `${travel}*(1-${progress})`;
  return `crop=${WIDTH}:${HEIGHT}:x='${x}':y=0:exact=1`;
}

// zoompan exists in every ffmpeg build we meet (scale's per-frame expressions do not in 4.x).
function zoomFilter(motion: 'zoom-in' | 'zoom-out', frames: number): string {
  const progress = `on/${Math.max(1, frames - 1)}`;
  const z =
    motion === 'zoom-in' ? `1+${ZOOM_RANGE}*${progress}` : `${1 + ZOOM_RANGE}-${ZOOM_RANGE}*${progress}`;
  return `zoompan=z='${z}':x='iw/2-iw/zoom/2':y='ih/2-ih/zoom/2':d=1:s=${HALF_W}x${HALF_H}:fps=${FPS}`;
}

/**
 * One frame of background covering `fullWidth`×1920 output pixels, drawn with geq at an eighth of the size (geq
 * evaluates its expressions per pixel and is slow: ~0.25 s per still at a quarter size, ~0.05 s at an eighth) and
 * scaled up to `scale` of full size. Gradients and soft patterns survive the upscale; it is computed once, not per
 * frame.
 */
function stillImage(
  colors: [Rgb, Rgb, Rgb, Rgb],
  pattern: Generated['pattern'],
  fullWidth: number,
  scale: number,
): string {
  const channel = (pick: (c: Rgb) => number): string => {
    const [c00, c10, c01, c11] = colors.map(pick) as [number, number, number, number];
    return `'clip(lerp(lerp(${c00},${c10},X/W),lerp(${c01},${c11},X/W),Y/H)${patternTerm(pattern)},0,255)'`;
  };
  const canvas = `scale=${even(fullWidth * scale)}:${HEIGHT * scale}:flags=bicubic,format=yuv420p`;
  const grid =
    pattern === 'grid' ? `,drawgrid=w=${108 * scale}:h=${108 * scale}:t=${4 * scale}:c=white@0.16` : '';
  return (
    `color=c=black:s=${even(fullWidth / STILL_DIVISOR)}x${HEIGHT / STILL_DIVISOR}:r=1:d=1,format=gbrp,` +
    `geq=r=${channel((c) => c.r)}:g=${channel((c) => c.g)}:b=${channel((c) => c.b)},${canvas}${grid}`
  );
}

// Brightness added to the gradient, in full-size pixel units (X and Y count still pixels, hence the factor).
function patternTerm(pattern: Generated['pattern']): string {
  const x = `${STILL_DIVISOR}*X`;
  const y = `${STILL_DIVISOR}*Y`;
  switch (pattern) {
    case 'gradient':
    case 'grid':
      return '';
    case 'waves':
      return `+28*sin(${y}/46+2.4*sin(${x}/122))`;
    case 'dots':
      return `+46*max(0,1-hypot(mod(${x},144)-72,mod(${y},144)-72)/26)`;
  }
}

// Four corner colours from the palette; a one-colour palette is paired with a darker shade of itself.
function cornerColors(palette: readonly string[]): [Rgb, Rgb, Rgb, Rgb] {
  const colors = paletteColors(palette);
  const [first] = colors as [Rgb];
  const pool = colors.length > 1 ? colors : [first, mix(first, { r: 0, g: 0, b: 0 }, 0.55)];
  const at = (i: number): Rgb => pool[i % pool.length] as Rgb;
  return [at(0), at(1), at(pool.length > 2 ? 2 : 1), at(pool.length > 3 ? 3 : 0)];
}

function even(n: number): number {
  return 2 * Math.ceil(n / 2);
}
