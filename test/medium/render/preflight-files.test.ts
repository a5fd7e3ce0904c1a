import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMediaTools, type FfmpegMediaTools } from '../../../src/adapters/media/index.js';
import { preflight } from '../../../src/domain/preflight/index.js';
import { makeMedia, skipWithoutFfmpeg } from './media-fixtures.js';

const ENCODE = [
  '-c:v',
  'libx264',
  '-preset',
  'ultrafast',
  '-pix_fmt',
  'yuv420p',
  '-c:a',
  'aac',
  '-ar',
  '48000',
];

/** A real file from lavfi sources: `size` at `fps` for `seconds`, with a tone, moov first unless told otherwise. */
function craft(
  tools: FfmpegMediaTools,
  out: string,
  size: string,
  fps: number,
  seconds: number,
  faststart = true,
) {
  return makeMedia(
    tools,
    out,
    ...['-f', 'lavfi', '-i', `testsrc2=s=${size}:r=${fps}:d=${seconds}`],
    ...['-f', 'lavfi', '-i', `sine=d=${seconds}`],
    ...ENCODE,
    ...(faststart ? ['-movflags', '+faststart'] : []),
  );
}

describe.skipIf(skipWithoutFfmpeg)('preflight on crafted files, probed for real', () => {
  let tools: FfmpegMediaTools;
  let dir: string;

  beforeAll(async () => {
    tools = await createMediaTools();
    dir = await mkdtemp(join(tmpdir(), 'preflight-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('passes a good 9:16 file on every platform', async () => {
    const file = await craft(tools, join(dir, 'good.mp4'), '540x960', 30, 3.2);
    expect(preflight(await tools.probe(file), ['tiktok', 'instagram', 'youtube'])).toEqual([]);
  });

  it('stops a 2 s file for TikTok and Reels, in plain words', async () => {
    const file = await craft(tools, join(dir, 'short.mp4'), '540x960', 30, 2);
    expect(preflight(await tools.probe(file), ['tiktok', 'instagram', 'youtube'])).toEqual([
      { platform: 'tiktok', rule: 'duration', message: 'The video is 2 s long; TikTok needs at least 3 s.' },
      {
        platform: 'instagram',
        rule: 'duration',
        message: 'The video is 2 s long; Instagram Reels need at least 3 s.',
      },
    ]);
  });

  it('stops a square file for TikTok and Reels', async () => {
    const file = await craft(tools, join(dir, 'square.mp4'), '960x960', 30, 3.2);
    const rules = preflight(await tools.probe(file), ['tiktok', 'instagram', 'youtube']).map(
      (v) => `${v.platform}:${v.rule}`,
    );
    expect(rules).toEqual(['tiktok:aspect_ratio', 'instagram:aspect_ratio']);
  });

  it('stops a 20 fps file for TikTok and Reels', async () => {
    const file = await craft(tools, join(dir, 'slow.mp4'), '540x960', 20, 3.2);
    const violations = preflight(await tools.probe(file), ['tiktok', 'instagram']);
    expect(violations).toEqual([
      {
        platform: 'tiktok',
        rule: 'frame_rate',
        message: 'The video runs at 20 fps; TikTok takes 23–60 fps.',
      },
      {
        platform: 'instagram',
        rule: 'frame_rate',
        message: 'The video runs at 20 fps; Instagram Reels take 23–60 fps.',
      },
    ]);
  });

  it('stops a file without faststart for Reels only', async () => {
    const file = await craft(tools, join(dir, 'moov-last.mp4'), '540x960', 30, 3.2, false);
    const info = await tools.probe(file);
    expect(info.faststart).toBe(false);
    expect(preflight(info, ['tiktok', 'instagram', 'youtube']).map((v) => `${v.platform}:${v.rule}`)).toEqual(
      ['instagram:faststart'],
    );
  });
});
