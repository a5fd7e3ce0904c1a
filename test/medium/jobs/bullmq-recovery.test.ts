import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/adapters/clock/system-clock.js';
import { SqliteStore } from '../../../src/adapters/store/sqlite/sqlite-store.js';
import { loadConfig } from '../../../src/config/load.js';
import { buildJobQueue } from '../../../src/container/job-queue.js';
import type { JobEngine } from '../../../src/ports/job-queue.js';
import { BLOCKING_JOB, testHandlers, type RunRecord } from '../../contract/job-queue/test-jobs.js';
import { redisAvailable, startRedis, type RedisServer } from '../../fakes/redis-server.js';
import { killHard } from './app-process.js';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe.runIf(redisAvailable('BullMQ stalled-job recovery'))('recovery across BullMQ workers', () => {
  let redis: RedisServer;
  let dir: string;
  beforeAll(async () => {
    redis = await startRedis();
    dir = mkdtempSync(join(tmpdir(), 'aif-bullmq-'));
  });
  afterAll(async () => {
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a second worker takes back the job of a killed worker within 30 s, with the production settings', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/medium/jobs/bullmq-worker-child.ts', redis.url, dir],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const store = SqliteStore.open(join(dir, 'second.sqlite'));
    const config = loadConfig({ REDIS_URL: redis.url, DATA_DIR: dir }, '/nonexistent/.env');
    let second: JobEngine | null = null;
    try {
      const lines = createInterface({ input: child.stdout });
      const seen = (text: string) =>
        new Promise<void>((resolve) => lines.on('line', (line) => line.startsWith(text) && resolve()));
      await seen('ready');
      // The child is the only worker: it takes the job. The second worker starts idle beside it.
      second = await buildJobQueue(config, { store, clock: systemClock, logger: silent });
      await second.enqueue(BLOCKING_JOB, 'w1', { label: 'render' });
      await seen('started render');
      const log: RunRecord[] = [];
      await second.start(testHandlers(log));

      await killHard(child);
      const killedAt = Date.now();
      while (log.length === 0 && Date.now() - killedAt < 60_000) await new Promise((r) => setTimeout(r, 50));
      const takenBackMs = (log[0]?.at ?? Infinity) - killedAt;
      console.info(
        `BullMQ recovery: the second worker ran the job ${takenBackMs} ms after the first was killed`,
      );
      expect(log[0]).toMatchObject({ label: 'render', event: 'ran' });
      expect(takenBackMs).toBeLessThan(30_000);
    } finally {
      await killHard(child);
      await second?.stop(0);
      await second?.close();
      await store.close();
    }
  }, 120_000);
});
