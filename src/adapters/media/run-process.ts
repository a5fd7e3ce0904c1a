import { spawn } from 'node:child_process';
import { BugError, TransientError } from '../../domain/errors.js';

export interface RunOptions {
  signal?: AbortSignal;
  timeoutMs: number;
  onStdoutLine?: (line: string) => void;
}

export interface RunResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

// Enough for ffprobe's JSON and ffmpeg's summaries; the rest of a long log is dropped from the front.
const MAX_CAPTURE_CHARS = 256 * 1024;

/**
 * Runs a program in its own process group and resolves when it has exited and been reaped. On abort or timeout
 * the whole group gets SIGKILL (ffmpeg would otherwise finish writing on SIGTERM) and the promise rejects.
 */
export function runProcess(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(abortReason(options.signal));
      return;
    }
    const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let pendingLine = '';
    let failure: Error | null = null;
    const killGroup = (reason: Error): void => {
      failure ??= reason;
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
      }
    };
    const onAbort = (): void => killGroup(abortReason(options.signal));
    const timer = setTimeout(
      () =>
        killGroup(new TransientError('media_timeout', `${command} took longer than ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout = capped(stdout + chunk);
      if (options.onStdoutLine === undefined) return;
      const lines = (pendingLine + chunk).split('\n');
      pendingLine = lines.pop() ?? '';
      for (const line of lines) options.onStdoutLine(line.trim());
    });
    child.stderr.on('data', (chunk: string) => {
      stderr = capped(stderr + chunk);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      failure ??=
        error.code === 'ENOENT' ? new BugError('media_tool_missing', `${command} was not found`) : error;
    });
    // 'close' comes after the process exited and its pipes closed: nothing is left running or unreaped.
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (failure !== null) reject(failure);
      else resolve({ exitCode, stdout, stderr });
    });
  });
}

function capped(text: string): string {
  return text.length > MAX_CAPTURE_CHARS ? text.slice(-MAX_CAPTURE_CHARS) : text;
}

function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new DOMException('The operation was aborted', 'AbortError');
}
