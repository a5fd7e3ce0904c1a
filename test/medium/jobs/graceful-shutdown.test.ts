import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/adapters/clock/system-clock.js';
import { SqliteStore } from '../../../src/adapters/store/sqlite/sqlite-store.js';
import { loadConfig } from '../../../src/config/load.js';
import { buildJobQueue } from '../../../src/container/job-queue.js';
import type { JobEngine } from '../../../src/ports/job-queue.js';
import { SLOW_JOB, testHandlers, type RunRecord } from '../../contract/job-queue/test-jobs.js';
import { redisAvailable, startRedis, type RedisServer } from '../../fakes/redis-server.js';
import { killHard } from './app-process.js';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A worker process as the server runs one, and the lines it printed so far. */
interface WorkerProcess {
  child: ChildProcess;
  lines: string[];
  /** Resolves at the first line starting with `text`. */
  seen(text: string): Promise<void>;
  /** Resolves with the exit code once the process is gone. */
  exited: Promise<number | null>;
}

function startWorker(redisUrl: string, dir: string, graceMs: number, leaseKey: string): WorkerProcess {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'test/medium/jobs/graceful-worker-child.ts',
      redisUrl,
      dir,
      String(graceMs),
      leaseKey,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines: string[] = [];
  const waiters: { text: string; resolve: () => void }[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    for (const w of waiters.filter((w) => line.startsWith(w.text))) w.resolve();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const seen = (text: string) =>
    lines.some((l) => l.startsWith(text))
      ? Promise.resolve()
      : new Promise<void>((resolve) => waiters.push({ text, resolve }));
  return { child, lines, seen, exited };
}

async function waitFor(what: string, check: () => boolean, withinMs = 20_000): Promise<void> {
  const until = Date.now() + withinMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.runIf(redisAvailable('graceful shutdown of a worker process'))('SIGTERM on a worker', () => {
  let redis: RedisServer;
  let dir: string;
  let client: Redis;
  let renderLane: Queue;
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    redis = await startRedis();
    dir = mkdtempSync(join(tmpdir(), 'aif-graceful-'));
    client = new Redis(redis.url, { maxRetriesPerRequest: null });
    renderLane = new Queue('jobs', { connection: client, prefix: 'ai-factory' });
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await client.flushall();
  });
  afterAll(async () => {
    await renderLane?.close();
    client?.disconnect();
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The engine of a second process, not yet taking jobs (as an api process only enqueues); start() makes it a worker. */
  async function secondProcess(): Promise<JobEngine> {
    const config = loadConfig({ REDIS_URL: redis.url, DATA_DIR: dir }, '/nonexistent/.env');
    const store = SqliteStore.open(join(dir, `second-${Date.now()}.sqlite`));
    const queue = await buildJobQueue(config, { store, clock: systemClock, logger: silent });
    cleanups.push(async () => {
      await queue.stop(0);
      await queue.close();
      await store.close();
    });
    return queue;
  }

  async function stateOf(jobId: string): Promise<string> {
    return (await (await renderLane.getJob(jobId))?.getState()) ?? 'missing';
  }

  it('lets the running job finish within the grace period, releases the lease and exits 0; the job ran once', async () => {
    const worker = startWorker(redis.url, dir, 10_000, 'lease-a');
    cleanups.push(() => killHard(worker.child));
    await worker.seen('ready');
    await worker.seen('active');
    expect(await client.get('lease-a')).not.toBeNull();
    const log: RunRecord[] = [];
    const second = await secondProcess();
    const id = await second.enqueue(SLOW_JOB, 'w1', { label: 'slow', ms: 1_500 });
    await worker.seen('started slow 1');

    const signalledAt = Date.now();
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    const tookMs = Date.now() - signalledAt;
    expect(worker.lines.filter((l) => l === 'finished slow')).toHaveLength(1);
    expect(tookMs).toBeLessThan(10_000);
    expect(await client.get('lease-a')).toBeNull();
    expect(await stateOf(id)).toBe('completed');

    // Nothing is left for another worker: it never runs the job again.
    await second.start(testHandlers(log));
    await new Promise((r) => setTimeout(r, 1_500));
    expect(log).toEqual([]);
  }, 60_000);

  it('hands a job still running after the grace period back; another worker runs it once, as the same attempt', async () => {
    const worker = startWorker(redis.url, dir, 300, 'lease-b');
    cleanups.push(() => killHard(worker.child));
    await worker.seen('ready');
    const log: RunRecord[] = [];
    const second = await secondProcess();
    const id = await second.enqueue(SLOW_JOB, 'w1', { label: 'long', ms: 3_000 });
    await worker.seen('started long 1');

    const signalledAt = Date.now();
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    const tookMs = Date.now() - signalledAt;
    // Handed back after the 300 ms grace, not finished (it needed 3 s) and not waited for.
    expect(tookMs).toBeLessThan(2_500);
    expect(worker.lines.some((l) => l.startsWith('finished'))).toBe(false);
    expect(await stateOf(id)).toBe('waiting');

    const restartedAt = Date.now();
    await second.start(testHandlers(log));
    await waitFor('the second worker to finish it', () => log.some((r) => r.event === 'finished'));
    expect(log.map((r) => [r.label, r.attempt, r.event])).toEqual([
      ['long', 1, 'ran'],
      ['long', 1, 'finished'],
    ]);
    // Taken at once, not after a stalled-lock timeout.
    expect(log[0]!.at - restartedAt).toBeLessThan(2_000);
    const until = Date.now() + 5_000;
    let state = await stateOf(id);
    while (state !== 'completed' && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 25));
      state = await stateOf(id);
    }
    expect(state).toBe('completed');
  }, 60_000);
});
