import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort } from './free-port.js';

/**
 * The official Cloud Firestore emulator, as Google's Debian package `google-cloud-cli-firestore-emulator` installs
 * it (a Java program); FIRESTORE_EMULATOR_BIN points elsewhere.
 */
const BINARY =
  process.env.FIRESTORE_EMULATOR_BIN ??
  '/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud_firestore_emulator';

/** A running emulator on a free loopback port. */
export interface FirestoreEmulator {
  /** host:port, as FIRESTORE_EMULATOR_HOST takes it. */
  host: string;
  /** Deletes every document of one project (each test store uses a project of its own). */
  reset(projectId: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Whether the suites that need the emulator can run here. In CI (CI=true) a missing emulator or Java is an error,
 * so the Firestore suites can never be skipped there by accident; elsewhere they are skipped with a notice.
 */
export function firestoreEmulatorAvailable(suite: string): boolean {
  const java = spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;
  if (existsSync(BINARY) && java) return true;
  const missing = java ? `the Firestore emulator (${BINARY})` : 'Java';
  if (process.env.CI === 'true') throw new Error(`${suite} needs ${missing}, which is missing in CI`);
  console.warn(`[skipped] ${suite}: ${missing} is not installed (google-cloud-cli-firestore-emulator)`);
  return false;
}

/** Starts the emulator and waits until it answers. */
export async function startFirestoreEmulator(): Promise<FirestoreEmulator> {
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  // Its own process group: the launcher script starts a JVM, and stopping must end both.
  const child = spawn(BINARY, ['start', '--host=127.0.0.1', `--port=${port}`], {
    stdio: 'ignore',
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      return; // already gone
    }
    await exited;
  };
  try {
    await waitUntilUp(host, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    host,
    stop,
    reset: async (projectId) => {
      const response = await fetch(
        `http://${host}/emulator/v1/projects/${projectId}/databases/(default)/documents`,
        { method: 'DELETE' },
      );
      if (!response.ok) throw new Error(`emulator reset failed: ${response.status}`);
    },
  };
}

async function waitUntilUp(host: string, withinMs: number): Promise<void> {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    const ok = await fetch(`http://${host}/`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the Firestore emulator did not answer on ${host} within ${withinMs} ms`);
}
