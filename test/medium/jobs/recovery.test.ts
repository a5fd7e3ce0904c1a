import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../fakes/free-port.js';
import { killHard, signUp, startApp, type AppProcess } from './app-process.js';

interface JobRow {
  status: string;
  attempts: number;
  progress: string | null;
  updated_at: string;
}

/** Polls the app's SQLite file (read-only, beside the running app) until `check` finds what it waits for. */
async function watchJob<T>(file: string, jobId: string, check: (row: JobRow) => T | null, withinMs: number) {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const row = db.prepare('SELECT * FROM jobs WHERE id = ?').get(jobId) as JobRow | undefined;
      const found = row ? check(row) : null;
      if (found !== null && found !== undefined) return found;
    } finally {
      db.close();
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job ${jobId}: not seen in ${withinMs} ms`);
}

describe('recovery of a job interrupted by a crash (embedded default)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'aif-recovery-'));
  const apps: AppProcess[] = [];
  afterEach(async () => {
    for (const app of apps.splice(0)) await killHard(app.child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a restarted install takes back the job it was rendering when killed, within 5 s of being up', async () => {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const env = { DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_BASE_URL: origin };
    const file = join(dataDir, 'ai-factory.sqlite');
    apps.push(await startApp(env));

    const cookie = await signUp(origin);
    const created = await fetch(`${origin}/api/items`, {
      method: 'POST',
      headers: { origin, cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ topic: 'Cold brew coffee', durationSeconds: 10, voice: 'none' }),
    });
    expect(created.status).toBe(201);
    const { jobId } = (await created.json()) as { jobId: string };

    // Kill the server while the job renders: no shutdown handler runs, the lease is left in the store.
    await watchJob(
      file,
      jobId,
      (row) => (row.status === 'running' && row.progress?.includes('"render"') ? row : null),
      120_000,
    );
    await killHard(apps[0]!.child);
    const killedAt = Date.now();

    const restarted = await startApp(env);
    apps.push(restarted);
    const retakenAt = await watchJob(
      file,
      jobId,
      (row) =>
        row.attempts === 2 && (row.status === 'running' || row.status === 'succeeded')
          ? Date.parse(row.updated_at)
          : null,
      90_000,
    );
    const sinceUp = retakenAt - restarted.listeningAt;
    console.info(
      `in-process recovery: job running again ${sinceUp} ms after the restarted server listened ` +
        `(${retakenAt - killedAt} ms after the kill, boot included)`,
    );
    expect(sinceUp).toBeLessThan(5_000);
    // And it runs to the end: the item gets its video.
    expect(
      await watchJob(file, jobId, (row) => (row.status === 'succeeded' ? row : null), 120_000),
    ).toMatchObject({ attempts: 2 });
  }, 400_000);
});

describe('graceful stop of the embedded default', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'aif-sigterm-'));
  const apps: AppProcess[] = [];
  afterEach(async () => {
    for (const app of apps.splice(0)) await killHard(app.child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('on SIGTERM mid-render the server finishes or hands back the job, exits 0, and a restart completes it', async () => {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const env = { DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_BASE_URL: origin };
    const file = join(dataDir, 'ai-factory.sqlite');
    const app = await startApp(env);
    apps.push(app);
    const cookie = await signUp(origin);
    const created = await fetch(`${origin}/api/items`, {
      method: 'POST',
      headers: { origin, cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ topic: 'Cold brew coffee', durationSeconds: 10, voice: 'none' }),
    });
    const { jobId, item } = (await created.json()) as { jobId: string; item: { id: string } };
    await watchJob(
      file,
      jobId,
      (row) => (row.status === 'running' && row.progress?.includes('"render"') ? row : null),
      120_000,
    );
    const exited = new Promise<number | null>((resolve) => app.child.once('exit', resolve));
    app.child.kill('SIGTERM');
    expect(await exited).toBe(0);

    const after = await watchJob(file, jobId, (row) => row, 1_000);
    // Finished within the grace period, or handed back without using up an attempt.
    expect(
      after.status === 'succeeded' || (after.status === 'queued' && after.attempts === 0),
      JSON.stringify(after),
    ).toBe(true);
    const db = new Database(file, { readonly: true });
    const itemRow = db.prepare('SELECT status FROM content_items WHERE id = ?').get(item.id) as {
      status: string;
    };
    db.close();
    expect(itemRow.status).not.toBe('failed');

    apps.push(await startApp(env));
    expect(
      await watchJob(file, jobId, (row) => (row.status === 'succeeded' ? row : null), 120_000),
    ).toMatchObject({ status: 'succeeded' });
  }, 400_000);
});
