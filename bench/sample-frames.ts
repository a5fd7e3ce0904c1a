import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { briefInput } from '../src/api/content.js';
import { loadConfig } from '../src/config/load.js';
import { openStandaloneFactory, type StandaloneFactory } from '../src/container/cli.js';
import { createMediaTools, type FfmpegMediaTools } from '../src/adapters/media/index.js';
import { mediaInput } from '../src/domain/render/index.js';

/** An offline factory in a throwaway data folder, and ffmpeg to cut frames from what it makes. */
export interface FrameKit {
  factory: StandaloneFactory;
  media: FfmpegMediaTools;
  work: string;
  close(): Promise<void>;
}

/** Opens the offline factory (no keys: library, illustrations, generated backgrounds) in a temporary folder. */
export async function openFrameKit(): Promise<FrameKit> {
  const work = mkdtempSync(join(tmpdir(), 'aif-frames-'));
  const config = loadConfig({ DATA_DIR: work, LOG_LEVEL: 'silent' }, '/nonexistent/.env');
  const factory = await openStandaloneFactory(config);
  const media = await createMediaTools();
  return {
    factory,
    media,
    work,
    close: async () => {
      await factory.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** Generates a video from brief fields (validated as the API does) and returns its local path and length. */
export async function generateVideo(
  kit: FrameKit,
  fields: Record<string, unknown>,
): Promise<{ path: string; durationMs: number }> {
  const version = await kit.factory.generate(briefInput.parse(fields), {}, () => undefined);
  return {
    path: await kit.factory.localPath(version.outputs.videoKey),
    durationMs: version.outputs.media.durationMs,
  };
}

/** Writes the video's frame at `atMs` as a JPEG of `width`×`height`. */
export async function writeFrame(
  media: FfmpegMediaTools,
  video: string,
  atMs: number,
  out: string,
  size: { width: number; height: number },
): Promise<void> {
  const seek = ['-ss', (atMs / 1000).toFixed(3)];
  const picture = [
    '-frames:v',
    '1',
    '-vf',
    `scale=${size.width}:${size.height}`,
    '-q:v',
    '3',
    '-update',
    '1',
  ];
  await media.ffmpeg([...seek, ...mediaInput(video), ...picture, out], out, { expectedMs: 1000 });
}
