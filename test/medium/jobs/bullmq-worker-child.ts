/**
 * A production-configured BullMQ worker in its own process, built by the container's engine choice from
 * REDIS_URL, running the contract's test handlers: it prints "ready", then "started <label> <attempt>".
 * argv: Redis URL, a scratch folder.
 */
import { join } from 'node:path';
import { systemClock } from '../../../src/adapters/clock/system-clock.js';
import { SqliteStore } from '../../../src/adapters/store/sqlite/sqlite-store.js';
import { loadConfig } from '../../../src/config/load.js';
import { buildJobQueue } from '../../../src/container/job-queue.js';
import { testHandlers } from '../../contract/job-queue/test-jobs.js';

const [redisUrl, dir] = process.argv.slice(2);
if (!redisUrl || !dir) throw new Error('usage: bullmq-worker-child <redis-url> <dir>');
const config = loadConfig(
  { REDIS_URL: redisUrl, DATA_DIR: dir, RENDER_CONCURRENCY: '1' },
  '/nonexistent/.env',
);
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const store = SqliteStore.open(join(dir, `worker-${process.pid}.sqlite`));
const queue = await buildJobQueue(config, { store, clock: systemClock, logger: silent });
await queue.start(
  testHandlers([], (label, attempt) => process.stdout.write(`started ${label} ${attempt}\n`)),
);
process.stdout.write('ready\n');
