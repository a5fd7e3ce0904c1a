import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RedisLease } from '../../../src/adapters/lease/redis-lease.js';
import { startRoles } from '../../../src/container/lifecycle.js';
import { HOUSEKEEPING_JOB, SYSTEM_WORKSPACE } from '../../../src/jobs/catalog.js';
import { redisAvailable, startRedis, type RedisServer } from '../../fakes/redis-server.js';
import { startTestApp, type TestApp } from '../../fakes/test-app.js';

async function waitFor(what: string, check: () => Promise<boolean>, withinMs = 15_000): Promise<void> {
  const until = Date.now() + withinMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(redisAvailable('roles over BullMQ'))('roles over BullMQ', () => {
  let redis: RedisServer;
  let client: Redis;
  let ioLane: Queue;
  const apps: TestApp[] = [];
  beforeAll(async () => {
    redis = await startRedis();
    client = new Redis(redis.url, { maxRetriesPerRequest: null });
    ioLane = new Queue('io-jobs', { connection: client, prefix: 'ai-factory' });
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    await client.flushall();
  });
  afterAll(async () => {
    await ioLane?.close();
    client?.disconnect();
    await redis?.stop();
  });

  /** A whole container (its own SQLite store) sharing the Redis of this suite; its roles are started by the test. */
  async function process(): Promise<TestApp> {
    const app = await startTestApp({ REDIS_URL: redis.url });
    apps.push(app);
    return app;
  }

  const stateOf = async (id: string) => (await (await ioLane.getJob(id))?.getState()) ?? 'missing';

  it('an api process enqueues but never runs a job, and plans nothing; a worker process runs it', async () => {
    const api = await process();
    await startRoles(api.container, ['api']);
    const id = await api.container.queue.enqueue(HOUSEKEEPING_JOB, SYSTEM_WORKSPACE, {});
    await sleep(1_500);
    expect(await stateOf(id)).toBe('waiting');
    // The api role planned none of the recurring jobs: ours is the only job in the lane.
    expect(await ioLane.getJobCountByTypes('waiting', 'delayed', 'active', 'completed')).toBe(1);
    expect(api.container.scheduler.isActive).toBe(false);

    const worker = await process();
    await startRoles(worker.container, ['worker']);
    await waitFor('the worker to run it', async () => (await stateOf(id)) === 'completed');
    expect(worker.container.scheduler.isActive).toBe(false);
  }, 60_000);

  it('of two scheduler processes one plans, the other stands by, and takes over when the first stops', async () => {
    const first = await process();
    const second = await process();
    await startRoles(first.container, ['scheduler']);
    await startRoles(second.container, ['scheduler']);
    expect([first.container.scheduler.isActive, second.container.scheduler.isActive]).toEqual([true, false]);
    const planned = async () => (await ioLane.getJobs(['delayed', 'waiting'])).map((j) => j.name).sort();
    expect(await planned()).toEqual(['housekeeping', 'retention', 'stats-sync']);

    // The second renews nothing and plans nothing while the first holds the lease.
    expect(await second.container.scheduler.tick()).toBe(false);
    await first.container.scheduler.stop();
    expect(await second.container.scheduler.tick()).toBe(true);
    // Its plans are the same keyed jobs: nothing doubles.
    expect(await planned()).toEqual(['housekeeping', 'retention', 'stats-sync']);
  }, 60_000);

  it('the Redis lease: one holder at a time, renewed by its holder, taken over once it lapses', async () => {
    const a = new RedisLease({ redisUrl: redis.url, key: 'lease-test', ttlMs: 400, holder: 'a' });
    const b = new RedisLease({ redisUrl: redis.url, key: 'lease-test', ttlMs: 400, holder: 'b' });
    try {
      expect(await a.acquire()).toBe(true);
      expect(await b.acquire()).toBe(false);
      // Renewals keep it past its first expiry.
      for (let i = 0; i < 4; i += 1) {
        await sleep(150);
        expect(await a.acquire()).toBe(true);
        expect(await b.acquire()).toBe(false);
      }
      await sleep(550);
      expect(await b.acquire()).toBe(true);
      expect(await a.acquire()).toBe(false);
      // The old holder's release leaves the new holder's lease alone.
      await a.release();
      expect(await client.get('lease-test')).toBe('b');
      await b.release();
      expect(await client.get('lease-test')).toBeNull();
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('readiness checks the store and Redis', async () => {
    const app = await process();
    const ready = await app.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(app.container.readiness.map((r) => r.name)).toEqual(['store', 'redis']);
  });
});
