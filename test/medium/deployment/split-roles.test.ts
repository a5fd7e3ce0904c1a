import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  firestoreEmulatorAvailable,
  startFirestoreEmulator,
  type FirestoreEmulator,
} from '../../fakes/firestore-emulator.js';
import { freePort } from '../../fakes/free-port.js';
import { redisAvailable, startRedis, type RedisServer } from '../../fakes/redis-server.js';
import { killHard, signUp, startApp, type AppProcess } from '../jobs/app-process.js';

const needs = firestoreEmulatorAvailable('Split roles') && redisAvailable('Split roles');

/**
 * The production shape on one machine: an api, a worker and a scheduler as separate processes of `src/main.ts`,
 * sharing Firestore (the emulator) and Redis, and DATA_DIR as the one media volume they all mount.
 */
describe.runIf(needs)('api, worker and scheduler as separate processes on Firestore and Redis', () => {
  let emulator: FirestoreEmulator;
  let redis: RedisServer;
  const dataDir = mkdtempSync(join(tmpdir(), 'aif-split-'));
  const processes: (AppProcess & { port: number })[] = [];
  let origin = '';
  let shared: Record<string, string> = {};

  beforeAll(async () => {
    [emulator, redis] = await Promise.all([startFirestoreEmulator(), startRedis()]);
    const apiPort = await freePort();
    origin = `http://127.0.0.1:${apiPort}`;
    shared = {
      STORE: 'firestore',
      FIRESTORE_PROJECT_ID: 'aif-split-roles',
      FIRESTORE_EMULATOR_HOST: emulator.host,
      REDIS_URL: redis.url,
      // Made for this run only: every process must share them, and none is kept anywhere.
      TOKEN_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      MEDIA_LINK_KEY: randomBytes(32).toString('base64'),
      MEDIA_SHARED_VOLUME: 'true',
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PUBLIC_BASE_URL: origin,
      SHUTDOWN_GRACE_SECONDS: '5',
    };
    processes.push(await start('api', apiPort));
  }, 120_000);

  afterAll(async () => {
    for (const p of processes) await killHard(p.child);
    await redis?.stop();
    await emulator?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('leaves generation to the worker, streams its progress through the api, and plans with the scheduler', async () => {
    const cookie = await signUp(origin);
    const created = await fetch(`${origin}/api/items`, {
      method: 'POST',
      headers: { origin, cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ topic: 'Cold brew coffee', durationSeconds: 10, voice: 'none' }),
    });
    expect(created.status).toBe(201);
    const { item } = (await created.json()) as { item: { id: string } };

    // The api alone never runs the job: the item stays queued.
    await new Promise((r) => setTimeout(r, 3000));
    expect(await itemStatus(item.id, cookie)).toBe('queued');

    const events = readEvents(`${origin}/api/items/${item.id}/events`, cookie);
    processes.push(await start('worker', await freePort()));
    // Neither the api nor a worker plans the recurring jobs; the scheduler does, once it holds the lease.
    const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    const ioLane = new Queue('io-jobs', { connection, prefix: 'ai-factory' });
    const recurring = async () =>
      (await ioLane.getJobs(['delayed', 'waiting'])).map((j) => j.name).filter((n) => n !== 'generate');
    expect(await recurring()).toEqual([]);
    processes.push(await start('scheduler', await freePort()));
    await waitUntil(async () => (await recurring()).length === 3, 30_000);
    expect((await recurring()).sort()).toEqual(['housekeeping', 'retention', 'stats-sync']);
    await ioLane.close();
    connection.disconnect();

    const until = Date.now() + 150_000;
    while ((await itemStatus(item.id, cookie)) !== 'ready') {
      if (Date.now() > until) throw new Error('the worker did not finish the item');
      await new Promise((r) => setTimeout(r, 500));
    }
    const stages = new Set((await events.stop()).map((e) => e.stage));
    expect(stages.size).toBeGreaterThan(3);
    expect(stages).toContain('render');

    for (const p of processes) {
      const ready = await fetch(`http://127.0.0.1:${p.port}/readyz`);
      expect(ready.status).toBe(200);
    }
  }, 200_000);

  async function waitUntil(done: () => Promise<boolean>, withinMs: number) {
    const until = Date.now() + withinMs;
    while (!(await done())) {
      if (Date.now() > until) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async function start(role: string, port: number) {
    return { ...(await startApp({ ...shared, ROLES: role, PORT: String(port) })), port };
  }

  async function itemStatus(id: string, cookie: string): Promise<string> {
    const res = await fetch(`${origin}/api/items/${id}`, { headers: { cookie } });
    const body = (await res.json()) as { item: { status: string } };
    return body.item.status;
  }

  /** Reads the server-sent events of an item until stopped. */
  function readEvents(url: string, cookie: string) {
    const abort = new AbortController();
    const seen: { stage: string }[] = [];
    const done = fetch(url, { headers: { cookie }, signal: abort.signal })
      .then(async (res) => {
        const decoder = new TextDecoder();
        let buffer = '';
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          const lines = buffer.split('\n');
          buffer = lines.pop() ?? '';
          for (const line of lines)
            if (line.startsWith('data: ')) seen.push(JSON.parse(line.slice(6)) as { stage: string });
        }
      })
      .catch(() => undefined);
    return {
      stop: async () => {
        abort.abort();
        await done;
        return seen;
      },
    };
  }
});
