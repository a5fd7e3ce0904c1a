import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FirestoreStore } from '../../../src/adapters/store/firestore/firestore-store.js';
import type { Job } from '../../../src/domain/content-item.js';
import { newId } from '../../../src/domain/ids.js';
import {
  firestoreEmulatorAvailable,
  startFirestoreEmulator,
  type FirestoreEmulator,
} from '../../fakes/firestore-emulator.js';
import { item, version } from '../../contract/store/fixtures.js';

const T0 = '2026-01-15T12:00:00.000Z';
const T9 = '2026-01-15T12:00:09.000Z';

function job(over: Partial<Job> = {}): Job {
  return {
    id: newId(),
    workspaceId: 'w1',
    type: 'generate',
    payload: {},
    status: 'queued',
    attempts: 0,
    progress: null,
    error: null,
    runAfter: T0,
    leaseUntil: null,
    leaseOwner: null,
    leaseNode: null,
    idempotencyKey: null,
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

// Two clients of one database stand for two machines: what the transactions must keep unique under races.
describe.runIf(firestoreEmulatorAvailable('Firestore job races'))(
  'Firestore store, two clients racing',
  () => {
    let emulator: FirestoreEmulator;
    beforeAll(async () => {
      emulator = await startFirestoreEmulator();
    }, 90_000);
    afterAll(async () => emulator?.stop());

    async function twoClients() {
      const location = { projectId: `aif-${newId()}`, emulatorHost: emulator.host };
      const clients = [FirestoreStore.open(location), FirestoreStore.open(location)] as const;
      return {
        clients,
        close: async () => {
          for (const client of clients) await client.close();
          await emulator.reset(location.projectId);
        },
      };
    }

    it('makes one job of enqueues racing with one idempotency key', async () => {
      const { clients, close } = await twoClients();
      try {
        const stored = await Promise.all(
          Array.from({ length: 6 }, (_, n) =>
            clients[n % 2]!.jobs.enqueue(job({ idempotencyKey: 'refresh:c1' })),
          ),
        );
        expect(new Set(stored.map((j) => j.id)).size).toBe(1);
        expect(await clients[0].jobs.countByStatus()).toEqual({ queued: 1 });
      } finally {
        await close();
      }
    }, 60_000);

    it('never lets two workers claim one job', async () => {
      const { clients, close } = await twoClients();
      try {
        const queued = [];
        for (let n = 0; n < 4; n += 1) queued.push(await clients[0].jobs.enqueue(job()));
        const claims = await Promise.all(
          Array.from({ length: 6 }, (_, n) =>
            clients[n % 2]!.jobs.claimNext(T0, T9, { node: `host-${n % 2}`, id: `worker-${n}` }),
          ),
        );
        const claimed = claims.filter((c) => c !== null).map((c) => c.id);
        expect(claimed.sort()).toEqual(queued.map((j) => j.id).sort());
        expect(await clients[1].jobs.countByStatus()).toEqual({ running: 4 });
      } finally {
        await close();
      }
    }, 60_000);

    it('keeps one version of a number when two clients race to make it', async () => {
      const { clients, close } = await twoClients();
      try {
        const base = item('w1');
        await clients[0].content.createItem(base);
        const results = await Promise.allSettled(
          clients.map((c) => c.content.createVersion(version(base, 1))),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect(await clients[1].content.listVersions('w1', base.id)).toHaveLength(1);
      } finally {
        await close();
      }
    }, 60_000);
  },
);
