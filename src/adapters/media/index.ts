import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { MediaTools } from '../../ports/media-tools.js';
import { detectFeatures, locateFfmpeg } from './locate-ffmpeg.js';
import { probeWithFfprobe } from './probe.js';
import { runFfmpeg } from './run-ffmpeg.js';

const run = promisify(execFile);

/** ffmpeg/ffprobe for this machine: the system's (Debian) or the one shipped in the npm package. */
export async function createMediaTools(
  options: { ffmpegPath?: string; preferNpm?: boolean } = {},
): Promise<MediaTools> {
  const binaries = locateFfmpeg(options);
  const features = detectFeatures(binaries.ffmpeg);
  return {
    description: `${binaries.source} ffmpeg ${binaries.version}`,
    features,
    ffmpeg: (args, output, runOptions) => runFfmpeg(binaries.ffmpeg, args, output, runOptions),
    probe: async (file) => {
      if (!binaries.ffprobe)
        throw new Error('ffprobe is not available with this ffmpeg; install Debian ffmpeg');
      return probeWithFfprobe(binaries.ffprobe, file);
    },
    meanVolumeDb: async (file) => {
      const { stderr } = await run(
        binaries.ffmpeg,
        ['-hide_banner', '-nostdin', '-i', file, '-af', 'volumedetect', '-vn', '-f', 'null', '-'],
        {
          timeout: 60_000,
          maxBuffer: 8 * 1024 * 1024,
        },
      );
      const match = /mean_volume:\s*(-?[\d.]+|-inf) dB/.exec(stderr);
      return match && match[1] !== '-inf' ? Number(match[1]) : null;
    },
  };
}
