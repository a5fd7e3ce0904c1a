import { systemClock } from '../../../src/adapters/clock/system-clock.js';
import { BullmqQueue } from '../../../src/adapters/queue/bullmq/bullmq.queue.js';
import { InProcessQueue } from '../../../src/adapters/queue/in-process/in-process.queue.js';
import { FirestoreStore } from '../../../src/adapters/store/firestore/firestore-store.js';
import { SqliteStore } from '../../../src/adapters/store/sqlite/sqlite-store.js';
import type { Store } from '../../../src/ports/store.js';
import type { JobEngine, LaneConcurrency } from '../../../src/ports/job-queue.js';

export type EngineKind = 'in-process' | 'in-process-firestore' | 'bullmq';

/** Engine kinds a worker child process takes on its command line. */
export const ENGINE_KINDS: readonly EngineKind[] = ['in-process', 'in-process-firestore', 'bullmq'];

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Opens an engine on a shared backing: for the in-process queue, a SQLite file or, on Firestore, the emulator's
 * `host:port/projectId` (`scope` names the node, so two engines with one scope are two processes of one install);
 * for BullMQ, a Redis URL (`scope` is the key prefix).
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
  const store: Store = kind === 'in-process-firestore' ? openFirestore(target) : SqliteStore.open(target);
  // A Firestore client connects on its first call (a few hundred ms on the emulator): connect now, so the timed
  // cases measure the queue, not the connection.
  await store.ping();
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

/** A Firestore store on the emulator named by `host:port/projectId`. */
function openFirestore(target: string): Store {
  const slash = target.lastIndexOf('/');
  return FirestoreStore.open({ emulatorHost: target.slice(0, slash), projectId: target.slice(slash + 1) });
}
