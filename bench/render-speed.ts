/**
 * Render speed: a 30 s plan (6 segments: 4 generated backgrounds, 2 photos; karaoke captions; voice) against a
 * plain re-encode of the result with the same encoder arguments. Prints both wall times and their ratio.
 *
 *   npx tsx bench/render-speed.ts [runs=5] [fast|balanced|small]      (BENCH_BUNDLED=1: the npm ffmpeg 4.1)
 *
 * Measured on the 2-core machine (medians of 3–5 runs, shared machine, quiet moments):
 *   fast (default)  render 5.75 s, plain re-encode 5.32 s, ratio 1.07   (npm ffmpeg 4.1: 5.82 s / 5.60 s, 1.05)
 *   balanced        render 7.49 s, plain re-encode 7.46 s, ratio 1.01
 *   small           render 10.06 s, plain re-encode 10.60 s, ratio 0.94
 * What it took: stills drawn once (geq at 1/8 size, ~0.05 s each; at 1/4 size they cost ~0.25 s each) and looped,
 * pans as moving crops of one still (free), zooms on a half-size still, captions without shadow layers (blending
 * is the cost of burned-in text; a shadow adds a third), and an encoder preset chosen for speed at equal quality.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCaptionCues, DEFAULT_CUE_OPTIONS } from '../src/domain/captions/index.js';
import type { TimedWord } from '../src/domain/content.js';
import type { RenderPlan } from '../src/domain/render-plan.js';
import {
  buildPlanAss,
  buildRenderArgs,
  ENCODER_SETTINGS,
  encoderArgs,
  mediaInput,
  type EncoderSettings,
  type RenderPreset,
} from '../src/domain/render/index.js';
import { createMediaTools, defaultFontFile } from '../src/adapters/media/index.js';

const SCRIPT =
  'Here is how to make short videos people watch to the end. Hook them in the first second. Keep every beat ' +
  'short and clear, one idea per shot, and let the picture move a little. Most people watch without sound, ' +
  'so captions matter. End with a clear call to action and a question. Follow for a new tip every week!';

const [runsArg, presetArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const presetName = (presetArg ?? 'fast') as RenderPreset;
const encoder: EncoderSettings = ENCODER_SETTINGS[presetName];

const dir = await mkdtemp(join(tmpdir(), 'render-bench-'));
try {
  const tools = await createMediaTools({ preferBundled: process.env.BENCH_BUNDLED === '1' });
  const photo1 = join(dir, 'photo1.jpg');
  const photo2 = join(dir, 'photo2.jpg');
  const voice = join(dir, 'voice.wav');
  const make = (args: string[], out: string) => tools.ffmpeg([...args, out], out, { expectedMs: 1000 });
  await make(['-f', 'lavfi', '-i', 'mandelbrot=s=1600x1200', '-frames:v', '1'], photo1);
  await make(['-f', 'lavfi', '-i', 'testsrc2=s=1200x1600', '-frames:v', '1'], photo2);
  await make(['-f', 'lavfi', '-i', 'sine=f=220:d=30:sample_rate=24000', '-ac', '1'], voice);
  const plan = benchPlan({ photo1, photo2 }, voice);
  const assPath = join(dir, 'captions.ass');
  await writeFile(assPath, buildPlanAss(plan));
  const out = join(dir, 'out.mp4');
  const reencoded = join(dir, 'reencoded.mp4');
  const results: { render: number; reencode: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const render = await timed(() =>
      tools.ffmpeg(buildRenderArgs(plan, tools.features, out, assPath, encoder), out, { expectedMs: 30_000 }),
    );
    const reencode = await timed(() =>
      tools.ffmpeg([...mediaInput(out), ...encoderArgs(encoder), reencoded], reencoded, {
        expectedMs: 30_000,
      }),
    );
    results.push({ render, reencode });
    console.log(
      `run ${i + 1}: render ${s(render)}, plain re-encode ${s(reencode)}, ratio ${(render / reencode).toFixed(2)}`,
    );
  }
  const render = results.map((r) => r.render);
  const reencode = results.map((r) => r.reencode);
  console.log(
    `${tools.description}, preset ${presetName}: render median ${s(median(render))} (best ${s(Math.min(...render))}), ` +
      `plain re-encode median ${s(median(reencode))} (best ${s(Math.min(...reencode))}), ` +
      `median ratio ${median(results.map((r) => r.render / r.reencode)).toFixed(2)}`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}

function benchPlan(photos: { photo1: string; photo2: string }, voicePath: string): RenderPlan {
  const seg = (i: number, source: RenderPlan['segments'][number]['source'], overlayText: string | null) => ({
    startMs: i * 5000,
    endMs: (i + 1) * 5000,
    source,
    overlayText,
  });
  return {
    width: 1080,
    height: 1920,
    fps: 30,
    durationMs: 30_000,
    segments: [
      seg(
        0,
        {
          kind: 'generated',
          pattern: 'gradient',
          colors: ['#1e1b4b', '#6d28d9', '#f4725b'],
          motion: 'zoom-in',
        },
        'Videos people finish',
      ),
      seg(1, { kind: 'asset', mediaKey: 'photo1', mediaType: 'image' }, null),
      seg(
        2,
        { kind: 'generated', pattern: 'waves', colors: ['#0f766e', '#22d3ee'], motion: 'pan-left' },
        'One idea per shot',
      ),
      seg(
        3,
        { kind: 'generated', pattern: 'grid', colors: ['#111827', '#f59e0b'], motion: 'zoom-out' },
        null,
      ),
      seg(4, { kind: 'asset', mediaKey: 'photo2', mediaType: 'image' }, 'Captions matter'),
      seg(
        5,
        { kind: 'generated', pattern: 'dots', colors: ['#be185d', '#fde68a'], motion: 'pan-right' },
        'Follow for more',
      ),
    ],
    files: photos,
    captions: buildCaptionCues(spokenWords(SCRIPT, 200, 29_600), DEFAULT_CUE_OPTIONS),
    captionStyle: 'karaoke',
    fontFile: defaultFontFile(),
    palette: ['#1e1b4b', '#6d28d9', '#f4725b', '#facc15'],
    voicePath,
    musicPath: null,
  };
}

// Words spread over [fromMs, toMs] in proportion to their length, with pauses after sentences.
function spokenWords(text: string, fromMs: number, toMs: number): TimedWord[] {
  const tokens = text.split(' ');
  const weights = tokens.map((t) => t.length + 4 + (/[.!?]$/.test(t) ? 8 : 0));
  const unit = (toMs - fromMs) / weights.reduce((a, b) => a + b, 0);
  let at = fromMs;
  return tokens.map((t, i) => {
    const startMs = Math.round(at);
    at += (weights[i] ?? 0) * unit;
    return { text: t, startMs, endMs: Math.round(at - (/[.!?]$/.test(t) ? 8 : 1) * unit) };
  });
}

async function timed(work: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function s(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
