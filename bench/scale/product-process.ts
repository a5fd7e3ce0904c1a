import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** One OS process of the product (`src/main.ts` under tsx) with some of its roles, as a machine would run it. */
export interface ProductProcess {
  name: string;
  /** Where its stdout and stderr go (kept with the run's folder for a look after a failure). */
  logFile: string;
  child: ChildProcess;
  /** SIGTERM and wait (SIGKILL after a minute): the product's graceful shutdown. Resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL and wait: a machine that dies without a word. */
  kill(): Promise<void>;
}

/**
 * A line a process prints once it is up. Matched loosely on purpose: the roles print their own boot lines, and
 * a role without HTTP has no probe to ask.
 */
const UP_LINE = /AI Factory is up|worker (is )?(up|ready)|scheduler (is )?(up|ready)|roles? .*(up|ready)/i;

/**
 * Starts `src/main.ts` with exactly `env` (plus PATH and HOME) and waits until it is up: its HTTP `/readyz`
 * answers 200 on the PORT it was given, or it prints a boot line. Fails if it exits first or takes over `withinMs`.
 */
export async function startProduct(
  name: string,
  env: Record<string, string>,
  logDir: string,
  withinMs = 90_000,
): Promise<ProductProcess> {
  const logFile = join(logDir, `${name}.log`);
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr.pipe(log);
  let printedUp = false;
  createInterface({ input: child.stdout }).on('line', (line) => {
    log.write(`${line}\n`);
    if (UP_LINE.test(line)) printedUp = true;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let gone = false;
  void exited.then(() => (gone = true));

  const until = Date.now() + withinMs;
  const readyz = env.PORT ? `http://127.0.0.1:${env.PORT}/readyz` : null;
  for (;;) {
    if (gone) throw new Error(`${name} exited during boot (${await exited}); see ${logFile}`);
    if (printedUp) break;
    if (readyz && (await answers(readyz))) break;
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`${name} was not up within ${withinMs} ms; see ${logFile}`);
    }
    await sleep(200);
  }
  return {
    name,
    logFile,
    child,
    stop: async () => {
      if (gone) return exited;
      child.kill('SIGTERM');
      // A graceful stop that hangs is a finding, not a reason for the bench to hang too.
      const late = setTimeout(() => child.kill('SIGKILL'), 60_000);
      const code = await exited;
      clearTimeout(late);
      return code;
    },
    kill: async () => {
      if (!gone) child.kill('SIGKILL');
      await exited;
    },
  };
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** Waits `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
