import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** The real server (`src/main.ts`) in a child process, as `npm start` runs it, and when it became ready. */
export interface AppProcess {
  child: ChildProcess;
  /** When the server logged that it listens (its own clock, ms since the epoch). */
  listeningAt: number;
}

/** Starts the app on DATA_DIR and a port, resolving once it listens; fails if it exits first. */
export function startApp(env: Record<string, string>, withinMs = 90_000): Promise<AppProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the app did not start in time')), withinMs);
    child.once('exit', (code) => reject(new Error(`the app exited during boot (${code})`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const entry = JSON.parse(line) as { msg?: string; time?: number };
      if (entry.msg?.startsWith('Server listening') && entry.time) {
        clearTimeout(timer);
        resolve({ child, listeningAt: entry.time });
      }
    });
  });
}

/** Kills the process at once (no shutdown handler runs) and waits for it to be gone. */
export async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await gone;
}

/** Signs up a person on the running app and returns its session cookie, as a browser would. */
export async function signUp(origin: string): Promise<string> {
  const res = await fetch(`${origin}/api/auth/signup`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'creator@example.com', password: 'a long enough passphrase' }),
  });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('aif_session='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0]!;
}
