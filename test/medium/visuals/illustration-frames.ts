import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FfmpegMediaTools } from '../../../src/adapters/media/index.js';
import { defaultFontFile } from '../../../src/adapters/media/index.js';
import type { VisualSegment } from '../../../src/domain/content.js';
import type { RenderPlan } from '../../../src/domain/render-plan.js';
import {
  buildPlanAss,
  buildRenderArgs,
  mediaInput,
  type MediaFeatures,
} from '../../../src/domain/render/index.js';

/** A silent plan of the given segments, no captions, in a dark palette. */
export function silentPlan(segments: VisualSegment[], files: Record<string, string>): RenderPlan {
  return {
    width: 1080,
    height: 1920,
    fps: 30,
    durationMs: segments.at(-1)?.endMs ?? 0,
    segments,
    files,
    captions: [],
    captionStyle: 'clean',
    fontFile: defaultFontFile(),
    palette: ['#0f172a', '#1e3a8a', '#0e7490'],
    voicePath: null,
    musicPath: null,
  };
}

/** Renders the plan to an MP4 in `dir` and returns its path. */
export async function renderPlan(
  tools: FfmpegMediaTools,
  plan: RenderPlan,
  dir: string,
  name: string,
  features: MediaFeatures = tools.features,
): Promise<string> {
  const assPath = join(dir, `${name}.ass`);
  await writeFile(assPath, buildPlanAss(plan));
  const video = join(dir, `${name}.mp4`);
  await tools.ffmpeg(buildRenderArgs(plan, features, video, assPath), video, { expectedMs: plan.durationMs });
  return video;
}

/** The given frame numbers of a video (or frame 0 of a picture), decoded to raw pixels, row by row, one per frame. */
export async function decodeFrames(
  tools: FfmpegMediaTools,
  file: string,
  frames: readonly number[],
  size: { width: number; height: number },
  out: string,
  pixelFormat: 'rgb24' | 'rgba' = 'rgb24',
): Promise<Buffer[]> {
  const pick = frames.map((n) => `eq(n\\,${n})`).join('+');
  await tools.ffmpeg(
    [
      ...mediaInput(file),
      '-vf',
      `select=${pick}`,
      '-vsync',
      'passthrough',
      '-f',
      'rawvideo',
      '-pix_fmt',
      pixelFormat,
      out,
    ],
    out,
    { expectedMs: 1000 },
  );
  const bytes = await readFile(out);
  const frameBytes = size.width * size.height * (pixelFormat === 'rgba' ? 4 : 3);
  if (bytes.length !== frameBytes * frames.length)
    throw new Error(`Decoded ${bytes.length} bytes, expected ${frameBytes * frames.length}`);
  return frames.map((_, i) => bytes.subarray(i * frameBytes, (i + 1) * frameBytes));
}
