import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import type { MediaInfo } from '../../../src/domain/content.js';
import type { MediaTools } from '../../../src/ports/media-tools.js';

const run = promisify(execFile);

/** True when the system has ffmpeg and ffprobe. */
export const hasFfmpeg = (() => {
  try {
    execFileSync('ffprobe', ['-version'], { stdio: 'ignore' });
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

interface ProbeJson {
  format?: { format_name?: string; duration?: string; size?: string };
  streams?: {
    codec_type?: string;
    codec_name?: string;
    profile?: string;
    width?: number;
    height?: number;
    avg_frame_rate?: string;
    pix_fmt?: string;
    sample_rate?: string;
    channels?: number;
  }[];
}

/** Runs ffmpeg with fixed arguments (test media only). */
export async function ffmpeg(...args: string[]): Promise<void> {
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args]);
}

/**
 * A minimal stand-in for the render engineer's MediaTools.probe (ffprobe -show_format -show_streams), used
 * until `createMediaTools` exists.
 */
export const localProbe: Pick<MediaTools, 'probe'> = {
  async probe(file: string): Promise<MediaInfo> {
    const { stdout } = await run('ffprobe', [
      '-v',
      'error',
      '-show_format',
      '-show_streams',
      '-of',
      'json',
      file,
    ]);
    const json = JSON.parse(stdout) as ProbeJson;
    const video = json.streams?.find((s) => s.codec_type === 'video');
    const audio = json.streams?.find((s) => s.codec_type === 'audio');
    const [num = 0, den = 1] = (video?.avg_frame_rate ?? '0/1').split('/').map(Number);
    return {
      container: json.format?.format_name ?? '',
      durationMs: Math.round(Number(json.format?.duration ?? 0) * 1000) || 0,
      sizeBytes: Number(json.format?.size ?? 0),
      video: video
        ? {
            codec: video.codec_name ?? '',
            profile: video.profile ?? null,
            width: video.width ?? 0,
            height: video.height ?? 0,
            fps: den ? num / den : 0,
            pixelFormat: video.pix_fmt ?? '',
          }
        : null,
      audio: audio
        ? {
            codec: audio.codec_name ?? '',
            sampleRate: Number(audio.sample_rate),
            channels: audio.channels ?? 0,
          }
        : null,
      faststart: false,
    };
  },
};
