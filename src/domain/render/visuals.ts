import type { VisualSource } from '../content.js';
import { BugError } from '../errors.js';
import { ffmpegColor, mix, paletteColors, type Rgb } from './colors.js';
import { FPS } from './frames.js';

export const WIDTH = 1080;
export const HEIGHT = 1920;
// Generated backgrounds are smooth, so they are drawn at half size and scaled up once per frame (or once only).
const HALF_W = WIDTH / 2;
const HALF_H = HEIGHT / 2;
// Pans move a whole number of pixels per frame (jerk-free), up to this far across the frame.
const PAN_PX_PER_FRAME = 2;
const MAX_PAN_PX = 900;
const ZOOM_RANGE = 0.18;

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
  const id = out.replace(/\W/g, '');
  const colors = cornerColors(source.colors.length > 0 ? source.colors : palette);
  const motion = canZoom ? source.motion : source.motion === 'zoom-out' ? 'pan-left' : 'pan-right';
  const pan = motion === 'pan-left' || motion === 'pan-right';
  const travel = panTravel(frames);
  const stillW = pan ? even((WIDTH + travel) / 2) : HALF_W;
  const corners = colors.map((c, i) => `color=c=${ffmpegColor(c)}:s=2x2:r=1:d=1[${id}c${i}]`);
  const still =
    `[${id}c0][${id}c1]hstack[${id}t];[${id}c2][${id}c3]hstack[${id}b];[${id}t][${id}b]vstack,` +
    `scale=${stillW}:${HALF_H}:flags=bicubic,format=yuv420p,${patternFilter(source.pattern)}`;
  const moving = pan
    ? `scale=${WIDTH + travel}:${HEIGHT}:flags=bicubic,${loopStill(frames)},${panCrop(motion, travel, frames)}`
    : `${loopStill(frames)},${zoomFilter(motion, frames)},scale=${WIDTH}:${HEIGHT}:flags=bilinear`;
  return { inputs: [], filters: [...corners, `${still},${moving},${finish(out)}`] };
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
  return { inputs: ['-i', file], filters: [chain] };
}

/** Filters for a video clip: looped if short, cut to length, scaled and cropped to fill the frame. */
export function clipSegment(file: string, inputIndex: number, frames: number, out: string): SegmentGraph {
  const seconds = (frames / FPS + 0.5).toFixed(3);
  const chain =
    `[${inputIndex}:v]fps=${FPS},scale=${WIDTH}:${HEIGHT}:force_original_aspect_ratio=increase:flags=bilinear,` +
    `crop=${WIDTH}:${HEIGHT},setsar=1,format=yuv420p,trim=end_frame=${frames},${finish(out)}`;
  return { inputs: ['-stream_loop', '-1', '-t', seconds, '-i', file], filters: [chain] };
}

/** The file behind an asset or stock segment; a plan without it is a bug in whoever built the plan. */
export function fileFor(files: Record<string, string>, mediaKey: string): string {
  const file = files[mediaKey];
  if (file === undefined)
    throw new BugError('render_plan_invalid', `The render plan has no file for ${mediaKey}`);
  return file;
}

function finish(out: string): string {
  return `settb=1/${FPS},setpts=N,format=yuv420p,setsar=1[${out}]`;
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

// Patterns are drawn once on the half-size still, as changes of brightness over the gradient.
function patternFilter(pattern: Generated['pattern']): string {
  const keepChroma = `cb='cb(X,Y)':cr='cr(X,Y)'`;
  switch (pattern) {
    case 'gradient':
      return 'vignette=angle=PI/5';
    case 'waves':
      return `geq=lum='clip(lum(X,Y)+26*sin(Y/23+2.4*sin(X/61)),0,255)':${keepChroma}`;
    case 'grid':
      return 'drawgrid=w=54:h=54:t=2:c=white@0.18';
    case 'dots':
      return `geq=lum='clip(lum(X,Y)+40*lt(hypot(mod(X,36)-18,mod(Y,36)-18),5),0,255)':${keepChroma}`;
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
