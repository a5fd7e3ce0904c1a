/**
 * A BullMQ worker and a scheduler in their own process, stopped the way the server stops them (the lifecycle
 * of src/main.ts): on SIGTERM the scheduler lets go of its lease and running jobs get the grace period.
 * It prints "ready", "active" once it holds the lease, "started <label> <attempt>" and "finished <label>".
 * argv: Redis URL, a scratch folder, grace in ms, lease key.
 */
import { join } from 'node:path';
import { systemClock } from '../../../src/adapters/clock/system-clock.js';
import { RedisLease } from '../../../src/adapters/lease/redis-lease.js';
import { SqliteStore } from '../../../src/adapters/store/sqlite/sqlite-store.js';
import { loadConfig } from '../../../src/config/load.js';
import { buildJobQueue } from '../../../src/container/job-queue.js';
import { stopGracefully, stopOnSignals } from '../../../src/container/lifecycle.js';
import { Scheduler } from '../../../src/services/scheduler.service.js';
import { testHandlers, type RunRecord } from '../../contract/job-queue/test-jobs.js';

const [redisUrl, dir, grace, leaseKey] = process.argv.slice(2);
if (!redisUrl || !dir || !grace || !leaseKey)
  throw new Error('usage: graceful-worker-child <redis-url> <dir> <grace-ms> <lease-key>');
const config = loadConfig(
  { REDIS_URL: redisUrl, DATA_DIR: dir, RENDER_CONCURRENCY: '1' },
  '/nonexistent/.env',
);
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const say = (line: string) => process.stdout.write(`${line}\n`);
const store = SqliteStore.open(join(dir, `worker-${process.pid}.sqlite`));
const queue = await buildJobQueue(config, { store, clock: systemClock, logger: silent });
const lease = new RedisLease({ redisUrl, key: leaseKey, ttlMs: 60_000 });
const scheduler = new Scheduler({
  lease,
  plan: async () => void say('active'),
  logger: silent,
  replanMs: 60_000,
});

const log: RunRecord[] = [];
// The handlers note each start ("ran") and completion ("finished") in the log; echo them for the test.
const echo = () => {
  for (const run of log.splice(0)) {
    if (run.event === 'ran') say(`started ${run.label} ${run.attempt}`);
    if (run.event === 'finished') say(`finished ${run.label}`);
  }
};
await queue.start(testHandlers(log));
await scheduler.start();
setInterval(echo, 20).unref();
stopOnSignals(
  () =>
    stopGracefully(
      {
        scheduler,
        worker: queue,
        close: async () => {
          echo();
          await lease.close();
          await queue.close();
          await store.close();
        },
      },
      Number(grace),
    ),
  silent,
);
say('ready');
