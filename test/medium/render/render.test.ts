import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMediaTools,
  defaultFontFile,
  type FfmpegMediaTools,
} from '../../../src/adapters/media/index.js';
import { buildCaptionCues } from '../../../src/domain/captions/index.js';
import type { TimedWord } from '../../../src/domain/content.js';
import type { RenderPlan } from '../../../src/domain/render-plan.js';
import {
  buildCoverArgs,
  buildPlanAss,
  buildRenderArgs,
  type MediaFeatures,
} from '../../../src/domain/render/index.js';
import { makeMedia, skipWithoutFfmpeg } from './media-fixtures.js';

const WORDS: TimedWord[] = [
  { text: 'Make', startMs: 120, endMs: 430 },
  { text: 'videos', startMs: 450, endMs: 880 },
  { text: 'people', startMs: 900, endMs: 1240 },
  { text: 'finish.', startMs: 1260, endMs: 1800 },
  { text: 'Every', startMs: 2050, endMs: 2330 },
  { text: 'time!', startMs: 2350, endMs: 2900 },
];

/** A 3 s plan: a generated background, then an ffmpeg-made picture, a tone as voice, karaoke captions. */
async function threeSecondPlan(tools: FfmpegMediaTools, dir: string): Promise<RenderPlan> {
  const photo = await makeMedia(
    tools,
    join(dir, 'photo.jpg'),
    '-f',
    'lavfi',
    '-i',
    'testsrc2=s=1280x720',
    '-frames:v',
    '1',
  );
  const voice = await makeMedia(
    tools,
    join(dir, 'voice.wav'),
    '-f',
    'lavfi',
    '-i',
    'sine=f=220:d=3:sample_rate=24000',
  );
  return {
    width: 1080,
    height: 1920,
    fps: 30,
    durationMs: 3000,
    segments: [
      {
        startMs: 0,
        endMs: 1500,
        source: {
          kind: 'generated',
          pattern: 'waves',
          colors: ['#1e1b4b', '#6d28d9', '#f4725b'],
          motion: 'zoom-in',
        },
        overlayText: 'Videos people finish',
      },
      {
        startMs: 1500,
        endMs: 3000,
        source: { kind: 'asset', mediaKey: 'photo', mediaType: 'image' },
        overlayText: null,
      },
    ],
    files: { photo },
    captions: buildCaptionCues(WORDS, { maxCharsPerLine: 18, maxLines: 2, maxCueMs: 3000 }),
    captionStyle: 'karaoke',
    fontFile: defaultFontFile(),
    palette: ['#1e1b4b', '#6d28d9', '#f4725b'],
    voicePath: voice,
    musicPath: null,
  };
}

/** Renders the plan with the given features, then checks the file and its cover as a platform would. */
async function renderAndCheck(tools: FfmpegMediaTools, dir: string, features: MediaFeatures): Promise<void> {
  const plan = await threeSecondPlan(tools, dir);
  const assPath = join(dir, 'captions.ass');
  await writeFile(assPath, buildPlanAss(plan));
  const video = join(dir, 'video.mp4');
  await tools.ffmpeg(buildRenderArgs(plan, features, video, assPath), video, { expectedMs: plan.durationMs });

  const info = await tools.probe(video);
  expect(info).toMatchObject({
    container: 'mp4',
    faststart: true,
    video: { codec: 'h264', profile: 'High', width: 1080, height: 1920, fps: 30, pixelFormat: 'yuv420p' },
    audio: { codec: 'aac', sampleRate: 48_000, channels: 2 },
  });
  expect(Math.abs(info.durationMs - 3000)).toBeLessThanOrEqual(100);
  expect(await tools.meanVolumeDb(video)).toBeGreaterThan(-40);

  const cover = join(dir, 'cover.jpg');
  await tools.ffmpeg(buildCoverArgs(video, 1000, cover), cover, { expectedMs: 40 });
  expect(await tools.probe(cover)).toMatchObject({ video: { codec: 'mjpeg', width: 1080, height: 1920 } });
}

describe.skipIf(skipWithoutFfmpeg)('rendering with the system ffmpeg', () => {
  let tools: FfmpegMediaTools;
  let root: string;

  beforeAll(async () => {
    tools = await createMediaTools();
    root = await mkdtemp(join(tmpdir(), 'render-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('renders a 3 s plan end to end, offline, to a platform-ready MP4 and a cover', async () => {
    await renderAndCheck(
      tools,
      await mkdir(join(root, 'full'), { recursive: true }).then(() => join(root, 'full')),
      tools.features,
    );
  });

  it('burns captions with drawtext and pans instead of zooming on a build without libass and zoompan', async () => {
    const dir = join(root, 'fallback');
    await mkdir(dir);
    await renderAndCheck(tools, dir, { ...tools.features, subtitles: false, zoompan: false });
  });

  it('copes with quotes, commas, brackets and colons in paths', async () => {
    const dir = join(root, "it's, [odd]: dir");
    await mkdir(dir);
    await renderAndCheck(tools, dir, tools.features);
  });
});

describe('rendering with the npm-shipped ffmpeg 4.1 (forced)', () => {
  it('renders the same plan with the filters that build has', async () => {
    const tools = await createMediaTools({ preferBundled: true });
    expect(tools.description).toMatch(/^npm/);
    const dir = await mkdtemp(join(tmpdir(), 'render-npm-'));
    try {
      await renderAndCheck(tools, dir, tools.features);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
