import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { BugError, TransientError } from '../../../../domain/errors.js';
import { runProcess } from '../../../media/run-process.js';
import { isFestivalVoiceName } from './festival-script.js';

/** Where Debian's festvox-* packages put voices, one folder per language ("us", "english", …). */
export const DEBIAN_FESTIVAL_VOICES_DIR = '/usr/share/festival/voices';
const VERSION_TIMEOUT_MS = 5_000;
const ENGLISH_FOLDERS = ['us', 'english', 'uk', 'british', 'en'];

export type FestivalStatus =
  { available: true; binary: string; voices: string[] } | { available: false; reason: string };

/** Whether Festival and at least one English voice are installed, and which voices. */
export async function festivalStatus(
  bin = 'festival',
  voicesDir = DEBIAN_FESTIVAL_VOICES_DIR,
): Promise<FestivalStatus> {
  if (!(await startsUp(bin))) {
    return {
      available: false,
      reason: `Festival is not installed (no "${bin}" on PATH): apt-get install festival`,
    };
  }
  const voices = await englishVoices(voicesDir);
  if (voices.length === 0) {
    return {
      available: false,
      reason: `Festival has no English voice in ${voicesDir}: apt-get install festvox-us-slt-hts`,
    };
  }
  return { available: true, binary: bin, voices };
}

async function englishVoices(voicesDir: string): Promise<string[]> {
  const folders = await Promise.all(
    ENGLISH_FOLDERS.map((folder) => readdir(join(voicesDir, folder)).catch(() => [] as string[])),
  );
  return [...new Set(folders.flat().filter(isFestivalVoiceName))].sort();
}

/** Whether `bin` starts; spawning it by bare name lets the OS search PATH, as for ffmpeg. */
async function startsUp(bin: string): Promise<boolean> {
  try {
    const { exitCode } = await runProcess(bin, ['--version'], { timeoutMs: VERSION_TIMEOUT_MS });
    return exitCode === 0;
  } catch {
    return false;
  }
}

/**
 * Runs `festival --pipe` with the script on stdin (arguments, never a shell) and returns its output. The process
 * is killed on abort or timeout, and the promise settles only after it has exited, so none is left behind.
 */
export function runFestival(
  binary: string,
  script: string,
  options: { timeoutMs: number; signal?: AbortSignal | undefined },
): Promise<{ stdout: string; stderr: string }> {
  options.signal?.throwIfAborted();
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['--pipe'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let failure: Error | null = null;
    const stop = (reason: Error): void => {
      failure ??= reason;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(
      () =>
        stop(
          new TransientError('voice_engine_timeout', `Festival did not finish in ${options.timeoutMs} ms`),
        ),
      options.timeoutMs,
    );
    const onAbort = (): void => {
      const reason: unknown = options.signal?.reason;
      stop(reason instanceof Error ? reason : new Error('aborted'));
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    // A festival that dies early closes its stdin; the 'close' event reports the real outcome.
    child.stdin.on('error', () => undefined);
    child.on(
      'error',
      (error) =>
        (failure ??= new BugError('voice_engine_failed', `Festival could not start: ${error.message}`)),
    );
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      const out = {
        stdout: Buffer.concat(stdout).toString('latin1'),
        stderr: Buffer.concat(stderr).toString('latin1'),
      };
      const error = /SIOD ERROR[^\n]*/.exec(`${out.stdout}\n${out.stderr}`)?.[0];
      if (failure !== null) reject(failure);
      else if (code !== 0 || error) {
        reject(new BugError('voice_engine_failed', `Festival failed (${error ?? `exit ${code ?? signal}`})`));
      } else resolve(out);
    });
    child.stdin.end(script, 'latin1');
  });
}
