import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { BaseUrlName } from '../../src/config/platforms.js';

/** The local TikTok, Instagram and YouTube in their own process, so their memory and state live apart. */
export interface SandboxProcess {
  origin: string;
  baseUrls: Record<BaseUrlName, string>;
  child: ChildProcess;
  /** Calls the sandbox's admin API (`/__sandbox/...`). */
  admin(method: string, path: string, body?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

/** Starts `sandbox/main.ts` on a port; its registered redirect URIs and webhooks point at `appOrigin`. */
export async function startSandboxProcess(port: number, appOrigin: string): Promise<SandboxProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/main.ts', '--port', String(port)], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PUBLIC_BASE_URL: appOrigin,
      SANDBOX_AUTO_CONSENT: 'public',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const baseUrls = await new Promise<Record<BaseUrlName, string>>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the sandbox exited during boot (${code})`)));
    createInterface({ input: child.stdout }).once('line', (line) =>
      resolve(JSON.parse(line) as Record<BaseUrlName, string>),
    );
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseUrls,
    child,
    admin: async (method, path, body) => {
      const response = await fetch(`${origin}/__sandbox${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok)
        throw new Error(`sandbox ${method} ${path}: ${response.status} ${await response.text()}`);
      const text = await response.text();
      return text ? (JSON.parse(text) as unknown) : null;
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await gone;
    },
  };
}
