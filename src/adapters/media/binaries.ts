import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BugError } from '../../domain/errors.js';
import { runProcess } from './run-process.js';

export interface BinaryOptions {
  /** An ffmpeg to use instead of searching (FFMPEG_PATH). */
  ffmpegPath?: string;
  /** An ffprobe to use (FFPROBE_PATH); without one, probing parses `ffmpeg -i`. */
  ffprobePath?: string;
  /** Skip the system's ffmpeg and use the one shipped in @ffmpeg-installer/ffmpeg (tests of the fallback). */
  preferBundled?: boolean;
}

export interface Binaries {
  ffmpeg: string;
  ffprobe: string | null;
  origin: 'configured' | 'system' | 'npm';
  version: string;
}

const VERSION_TIMEOUT_MS = 15_000;

/** Finds ffmpeg (configured, else the system's on PATH, else the npm-shipped one) and an ffprobe if there is one. */
export async function findBinaries(options: BinaryOptions = {}): Promise<Binaries> {
  const probe = async (path: string | undefined): Promise<string | null> =>
    path === undefined ? null : (await versionOf(path)) === null ? null : path;
  if (options.ffmpegPath !== undefined) {
    const version = await versionOf(options.ffmpegPath);
    if (version === null)
      throw new BugError('ffmpeg_missing', `FFMPEG_PATH ${options.ffmpegPath} does not run`);
    const sibling = join(dirname(options.ffmpegPath), 'ffprobe');
    const ffprobe = (await probe(options.ffprobePath)) ?? (await probe(sibling));
    return { ffmpeg: options.ffmpegPath, ffprobe, origin: 'configured', version };
  }
  if (options.preferBundled !== true) {
    // Spawning by bare name lets the OS search PATH.
    const version = await versionOf('ffmpeg');
    if (version !== null) {
      const ffprobe = (await probe(options.ffprobePath)) ?? (await probe('ffprobe'));
      return { ffmpeg: 'ffmpeg', ffprobe, origin: 'system', version };
    }
  }
  const bundled = bundledFfmpegPath();
  const version = bundled === null ? null : await versionOf(bundled);
  if (bundled === null || version === null) {
    throw new BugError(
      'ffmpeg_missing',
      'No ffmpeg found: install ffmpeg (e.g. apt-get install ffmpeg), or the @ffmpeg-installer/ffmpeg package, ' +
        'or set FFMPEG_PATH',
    );
  }
  return { ffmpeg: bundled, ffprobe: await probe(options.ffprobePath), origin: 'npm', version };
}

function bundledFfmpegPath(): string | null {
  try {
    const installer = createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path?: unknown };
    return typeof installer.path === 'string' ? installer.path : null;
  } catch {
    // The package throws (a string) on platforms it has no binary for.
    return null;
  }
}

async function versionOf(command: string): Promise<string | null> {
  try {
    const { exitCode, stdout } = await runProcess(command, ['-version'], { timeoutMs: VERSION_TIMEOUT_MS });
    if (exitCode !== 0) return null;
    return /version (\S+)/.exec(stdout)?.[1] ?? 'unknown';
  } catch {
    return null;
  }
}
