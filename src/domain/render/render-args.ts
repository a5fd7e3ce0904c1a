import type { RenderPlan } from '../render-plan.js';
import { BugError } from '../errors.js';
import { audioGraph } from './audio.js';
import { drawtextFilters } from './drawtext.js';
import { DEFAULT_ENCODER, encoderArgs, type EncoderSettings } from './encoder.js';
import { dirnameOf, escapeFilterValue } from './filter-escape.js';
import { frameCount, frameSegments, FPS } from './frames.js';
import { illustrationSegment } from './illustration.js';
import { overlaysOf } from './plan-ass.js';
import { clipSegment, fileFor, generatedSegment, imageSegment, type SegmentGraph } from './visuals.js';

/** What the ffmpeg build can do (the MediaTools port reports it). */
export interface MediaFeatures {
  subtitles: boolean;
  drawtext: boolean;
  zoompan: boolean;
  loudnorm: boolean;
}

/**
 * ffmpeg arguments (without the binary and global flags) rendering a plan to a 1080×1920 30 fps H.264/AAC MP4:
 * one chain per segment, joined with concat, captions burned from the ASS file (drawtext without libass),
 * voice with ducked music, cut to the plan's duration.
 */
export function buildRenderArgs(
  plan: RenderPlan,
  features: MediaFeatures,
  outputPath: string,
  assPath: string,
  encoder: EncoderSettings = DEFAULT_ENCODER,
): string[] {
  const framed = frameSegments(
    plan.segments.length > 0 ? plan.segments : [defaultSegment(plan.durationMs)],
    plan.durationMs,
  );
  const inputs: string[] = [];
  const filters: string[] = [];
  let inputCount = 0;
  framed.forEach(({ segment, frames }, i) => {
    const out = `s${i}`;
    const source = segment.source;
    let graph: SegmentGraph;
    if (source.kind === 'generated') {
      graph = generatedSegment(source, plan.palette, frames, out, features.zoompan);
    } else if (source.kind === 'illustration') {
      const files = source.icons.map((icon) => fileFor(plan.files, icon.mediaKey));
      graph = illustrationSegment(source, files, inputCount, plan.palette, frames, out, features.zoompan);
    } else {
      const file = fileFor(plan.files, source.mediaKey);
      graph =
        source.mediaType === 'image'
          ? imageSegment(file, inputCount, i, frames, out)
          : clipSegment(file, inputCount, frames, out);
    }
    inputCount += graph.inputs.filter((arg) => arg === '-i').length;
    inputs.push(...graph.inputs);
    filters.push(...graph.filters);
  });
  const joined = framed.map((_, i) => `[s${i}]`).join('');
  filters.push(`${joined}concat=n=${framed.length}:v=1:a=0${textFilters(plan, features, assPath)}[vout]`);
  const audio = audioGraph(plan.voicePath, plan.musicPath, inputCount, 'aout');
  inputs.push(...audio.inputs);
  filters.push(...audio.filters);
  return [
    ...inputs,
    '-filter_complex',
    filters.join(';'),
    '-map',
    '[vout]',
    '-map',
    '[aout]',
    ...encoderArgs(encoder),
    '-t',
    (frameCount(plan.durationMs) / FPS).toFixed(3),
    outputPath,
  ];
}

// Captions and overlay text: libass when the build has it, else drawtext, else a clear refusal.
function textFilters(plan: RenderPlan, features: MediaFeatures, assPath: string): string {
  const overlays = overlaysOf(plan.segments, plan.captions);
  if (plan.captions.length === 0 && overlays.length === 0) return '';
  if (features.subtitles) {
    return `,ass=filename=${escapeFilterValue(assPath)}:fontsdir=${escapeFilterValue(dirnameOf(plan.fontFile))}`;
  }
  if (features.drawtext) return `,${drawtextFilters(plan.captions, overlays, plan.fontFile)}`;
  throw new BugError(
    'captions_unsupported',
    'This ffmpeg build has neither libass (ass/subtitles filters) nor libfreetype (drawtext), so captions ' +
      'cannot be burned in. Install a full ffmpeg (e.g. Debian\'s "ffmpeg" package) or point FFMPEG_PATH to one.',
  );
}

function defaultSegment(durationMs: number): RenderPlan['segments'][number] {
  return {
    startMs: 0,
    endMs: durationMs,
    source: { kind: 'generated', pattern: 'gradient', colors: [], motion: 'zoom-in' },
    overlayText: null,
  };
}
