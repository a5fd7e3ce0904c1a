import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

export interface FfmpegBinaries {
  ffmpeg: string;
  /** null when only ffmpeg is available (the npm build ships no ffprobe). */
  ffprobe: string | null;
  source: 'configured' | 'system' | 'npm';
  version: string;
}

function versionOf(binary: string): string | null {
  try {
    const out = execFileSync(binary, ['-hide_banner', '-version'], { encoding: 'utf8', timeout: 10_000 });
    return /version (\S+)/.exec(out)?.[1] ?? 'unknown';
  } catch {
    return null;
  }
}

/**
 * Finds ffmpeg: the configured path, else the system's on PATH, else the binary shipped inside the
 * `@ffmpeg-installer/ffmpeg` npm package (never a download).
 */
export function locateFfmpeg(options: { ffmpegPath?: string; preferNpm?: boolean } = {}): FfmpegBinaries {
  if (options.ffmpegPath) {
    const version = versionOf(options.ffmpegPath);
    if (!version) throw new Error(`FFMPEG_PATH ${options.ffmpegPath} does not run`);
    return { ffmpeg: options.ffmpegPath, ffprobe: null, source: 'configured', version };
  }
  if (!options.preferNpm) {
    const version = versionOf('ffmpeg');
    if (version)
      return {
        ffmpeg: 'ffmpeg',
        ffprobe: versionOf('ffprobe') ? 'ffprobe' : null,
        source: 'system',
        version,
      };
  }
  const require = createRequire(import.meta.url);
  const installer = require('@ffmpeg-installer/ffmpeg') as { path: string; version: string };
  const version = versionOf(installer.path);
  if (!version) throw new Error('No ffmpeg found: install Debian ffmpeg, or reinstall the npm packages');
  return { ffmpeg: installer.path, ffprobe: null, source: 'npm', version };
}

/** Which filters this build has (older npm builds lack some). */
export function detectFeatures(ffmpeg: string): {
  subtitles: boolean;
  drawtext: boolean;
  zoompan: boolean;
  loudnorm: boolean;
} {
  const out = execFileSync(ffmpeg, ['-hide_banner', '-filters'], { encoding: 'utf8', timeout: 10_000 });
  const has = (name: string) => new RegExp(`^\\s*\\S+\\s+${name}\\s`, 'm').test(out);
  return {
    subtitles: has('subtitles') && has('ass'),
    drawtext: has('drawtext'),
    zoompan: has('zoompan'),
    loudnorm: has('loudnorm'),
  };
}
