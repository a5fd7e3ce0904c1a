import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { FirestoreStore } from '../../../src/adapters/store/firestore/firestore-store.js';
import { newId } from '../../../src/domain/ids.js';
import {
  firestoreEmulatorAvailable,
  startFirestoreEmulator,
  type FirestoreEmulator,
} from '../../fakes/firestore-emulator.js';
import { redisAvailable, startRedis, type RedisServer } from '../../fakes/redis-server.js';
import { jobLanesContract } from './job-lanes.contract.js';
import { jobQueueContract } from './job-queue.contract.js';

const sqliteBacking = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aif-queue-'));
  return {
    target: join(dir, 'jobs.sqlite'),
    scope: 'install',
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
};
jobQueueContract('in-process', sqliteBacking);
jobLanesContract('in-process', sqliteBacking);

describe.runIf(redisAvailable('JobQueue contract on BullMQ'))('on a real redis-server', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => redis?.stop());
  // Each test gets its own key prefix on the one server.
  const redisBacking = async () => ({
    target: redis.url,
    scope: `t${newId()}`,
    cleanup: async () => undefined,
  });
  jobQueueContract('bullmq', redisBacking);
  jobLanesContract('bullmq', redisBacking);
});

describe.runIf(firestoreEmulatorAvailable('JobQueue contract on Firestore'))(
  'on the Firestore emulator',
  () => {
    let emulator: FirestoreEmulator;
    beforeAll(async () => {
      emulator = await startFirestoreEmulator();
      await warmUp(emulator);
    }, 90_000);
    afterAll(async () => emulator?.stop());
    // Each test gets a project of its own on the one emulator: the in-process queue of one install, on Firestore.
    const firestoreBacking = async () => {
      const projectId = `aif-${newId().toLowerCase()}`;
      return {
        target: `${emulator.host}/${projectId}`,
        scope: 'install',
        cleanup: async () => emulator.reset(projectId),
      };
    };
    jobQueueContract('in-process-firestore', firestoreBacking);
    jobLanesContract('in-process-firestore', firestoreBacking);
  },
);

/**
 * The emulator's first transaction and queries take seconds (its JVM warming up): run them once before the timed
 * cases, so the first case's due times are not all in the past by the time its jobs are stored.
 */
async function warmUp(emulator: FirestoreEmulator): Promise<void> {
  const projectId = 'aif-warm-up';
  const store = FirestoreStore.open({ projectId, emulatorHost: emulator.host });
  const at = new Date().toISOString();
  await store.jobs.enqueue({
    id: newId(),
    workspaceId: 'w',
    type: 'warm-up',
    payload: {},
    status: 'queued',
    attempts: 0,
    progress: null,
    error: null,
    runAfter: at,
    leaseUntil: null,
    leaseOwner: null,
    leaseNode: null,
    idempotencyKey: 'warm-up',
    createdAt: at,
    updatedAt: at,
  });
  await store.jobs.claimNext(at, at, { node: 'warm-up', id: 'warm-up' }, ['warm-up']);
  await store.jobs.nextDueAt(['warm-up']);
  await store.close();
  await emulator.reset(projectId);
}
