import { systemClock } from '../../../src/adapters/clock/system-clock.js';
import { BullmqQueue } from '../../../src/adapters/queue/bullmq/bullmq.queue.js';
import { InProcessQueue } from '../../../src/adapters/queue/in-process/in-process.queue.js';
import { SqliteStore } from '../../../src/adapters/store/sqlite/sqlite-store.js';
import type { JobEngine, LaneConcurrency } from '../../../src/ports/job-queue.js';

export type EngineKind = 'in-process' | 'bullmq';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Opens an engine on a shared backing: for the in-process queue, a SQLite file (`scope` names the node, so two
 * engines with one scope are two processes of one install); for BullMQ, a Redis URL (`scope` is the key prefix).
 */
export async function openEngine(
  kind: EngineKind,
  target: string,
  scope: string,
  options: { concurrency: LaneConcurrency; leaseMs: number },
): Promise<{ engine: JobEngine; close(): Promise<void> }> {
  if (kind === 'bullmq') {
    const engine = new BullmqQueue({
      redisUrl: target,
      prefix: scope,
      logger: silent,
      concurrency: options.concurrency,
      lockMs: options.leaseMs,
      stalledCheckMs: Math.max(100, Math.floor(options.leaseMs / 3)),
    });
    // Tests end with jobs still blocking: hand them back at once instead of waiting out a grace period.
    return { engine, close: () => engine.stop(0).then(() => engine.close()) };
  }
  const store = SqliteStore.open(target);
  const engine = new InProcessQueue({
    store,
    clock: systemClock,
    logger: silent,
    concurrency: options.concurrency,
    node: scope,
    leaseMs: options.leaseMs,
  });
  return {
    engine,
    close: async () => {
      await engine.stop(0);
      await engine.close();
      await store.close();
    },
  };
}
