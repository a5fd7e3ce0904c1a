import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { BugError } from '../../domain/errors.js';
import type { RunProgress } from '../../ports/media-tools.js';

const STDERR_TAIL = 12;

/**
 * Runs ffmpeg writing to a temporary file beside `output`, renamed only on success; on failure or abort the
 * process is killed and the partial file removed, so no half-written output is ever taken for a finished one.
 * `args` must name `output` where the output goes; it is swapped for the temporary path.
 */
export async function runFfmpeg(
  ffmpeg: string,
  args: string[],
  output: string,
  options: {
    expectedMs: number;
    signal?: AbortSignal;
    onProgress?: (p: RunProgress) => void;
    timeoutMs?: number;
  },
): Promise<void> {
  await mkdir(dirname(output), { recursive: true });
  const ext = extname(output);
  const partial = join(
    dirname(output),
    `.${basename(output, ext)}.partial-${randomBytes(4).toString('hex')}${ext}`,
  );
  const finalArgs = [
    '-hide_banner',
    '-nostdin',
    '-y',
    '-nostats',
    '-progress',
    'pipe:1',
    ...args.map((a) => (a === output ? partial : a)),
  ];
  if (!finalArgs.includes(partial)) finalArgs.push(partial);
  const child = spawn(ffmpeg, finalArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr.push(...chunk.split('\n').filter(Boolean));
    if (stderr.length > 200) stderr.splice(0, stderr.length - STDERR_TAIL);
  });
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const match = /out_time_us=(\d+)/g.exec(chunk);
    if (match && options.onProgress && options.expectedMs > 0) {
      options.onProgress({ fraction: Math.min(1, Number(match[1]) / 1000 / options.expectedMs) });
    }
  });
  const kill = () => child.kill('SIGKILL');
  options.signal?.addEventListener('abort', kill, { once: true });
  const timer = options.timeoutMs ? setTimeout(kill, options.timeoutMs) : null;
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (exitCode) => resolve(exitCode));
    });
    if (options.signal?.aborted)
      throw options.signal.reason instanceof Error
        ? options.signal.reason
        : new Error('Rendering was stopped');
    if (code !== 0) {
      throw new BugError(
        'ffmpeg_failed',
        `ffmpeg failed (exit ${code ?? 'killed'}): ${stderr.slice(-STDERR_TAIL).join(' | ')}`,
      );
    }
    await rename(partial, output);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    if (timer) clearTimeout(timer);
    options.signal?.removeEventListener('abort', kill);
  }
}
