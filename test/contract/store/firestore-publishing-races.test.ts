import { Firestore } from '@google-cloud/firestore';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { analyticsCodecs } from '../../../src/adapters/store/firestore/firestore-analytics.repositories.js';
import { FsContext } from '../../../src/adapters/store/firestore/context.js';
import { FirestoreStore } from '../../../src/adapters/store/firestore/firestore-store.js';
import { publishingCodecs } from '../../../src/adapters/store/firestore/firestore-publishing.repositories.js';
import type { RecordCodec } from '../../../src/adapters/store/firestore/collections.js';
import { newId } from '../../../src/domain/ids.js';
import {
  firestoreEmulatorAvailable,
  startFirestoreEmulator,
  type FirestoreEmulator,
} from '../../fakes/firestore-emulator.js';
import { snapshot, trackedVideo } from './analytics-fixtures.js';
import { publication } from './publishing-fixtures.js';

const ROUNDS = 3;
/** Contended transactions back off and retry on the emulator: seconds per round on a busy machine. */
const RACE_TIMEOUT_MS = 60_000;

/** Two clients of one Firestore database racing on the unique keys and the revision compare-and-swap. */
describe.runIf(firestoreEmulatorAvailable('Firestore publishing races'))(
  'Firestore publishing and analytics races',
  () => {
    let emulator: FirestoreEmulator;
    const opened: { stores: FirestoreStore[]; projectId: string }[] = [];
    beforeAll(async () => {
      emulator = await startFirestoreEmulator();
    }, 90_000);
    afterEach(async () => {
      for (const { stores, projectId } of opened.splice(0)) {
        for (const store of stores) await store.close();
        await emulator.reset(projectId);
      }
    });
    afterAll(async () => emulator?.stop());

    function twoClients(): [FirestoreStore, FirestoreStore, string] {
      const location = { projectId: `aif-${newId().toLowerCase()}`, emulatorHost: emulator.host };
      const stores = [FirestoreStore.open(location), FirestoreStore.open(location)];
      opened.push({ stores, projectId: location.projectId });
      return [stores[0]!, stores[1]!, location.projectId];
    }

    it(
      'makes one publication of two creates racing with one idempotency key',
      async () => {
        const [a, b] = twoClients();
        const ws = newId();
        for (let round = 0; round < ROUNDS; round++) {
          const key = `key-${round}`;
          const [first, second] = await Promise.all([
            a.publications.create(publication(ws, { idempotencyKey: key })),
            b.publications.create(publication(ws, { idempotencyKey: key })),
          ]);
          expect(second.id).toBe(first.id);
        }
        expect((await a.publications.list(ws, {}, { limit: 50 })).items).toHaveLength(ROUNDS);
      },
      RACE_TIMEOUT_MS,
    );

    it(
      'lets exactly one of two updates from the same revision win',
      async () => {
        const [a, b] = twoClients();
        const ws = newId();
        for (let round = 0; round < ROUNDS; round++) {
          const p = await a.publications.create(publication(ws));
          const results = await Promise.all([
            a.publications.update({ ...p, status: 'uploading', revision: 2 }),
            b.publications.update({ ...p, status: 'canceled', revision: 2 }),
          ]);
          expect(results.filter(Boolean)).toHaveLength(1);
          const stored = await b.publications.find(ws, p.id);
          expect(stored?.status).toBe(results[0] ? 'uploading' : 'canceled');
        }
      },
      RACE_TIMEOUT_MS,
    );

    it(
      'tracks one video of two creates racing for one connection and post, and keeps one reading per age',
      async () => {
        const [a, b] = twoClients();
        const ws = newId();
        for (let round = 0; round < ROUNDS; round++) {
          const v = trackedVideo(ws);
          const twin = {
            ...trackedVideo(ws),
            connectionId: v.connectionId,
            platformPostId: v.platformPostId,
          };
          const [first, second] = await Promise.all([
            a.trackedVideos.create(v),
            b.trackedVideos.create(twin),
          ]);
          expect(second.id).toBe(first.id);
          await Promise.all([
            a.snapshots.append([snapshot(first, 1, 10)]),
            b.snapshots.append([snapshot(first, 1, 20)]),
          ]);
          expect(await a.snapshots.listForVideo(ws, first.id)).toHaveLength(1);
        }
        expect(await a.trackedVideos.listAll(ws, {})).toHaveLength(ROUNDS);
      },
      RACE_TIMEOUT_MS,
    );

    it('reads back records written through the codecs (as the migration writes them), guards included', async () => {
      const [store, , projectId] = twoClients();
      const db = new Firestore({
        projectId,
        host: emulator.host,
        ssl: false,
        universeDomain: 'googleapis.com',
      });
      const ctx = new FsContext(db);
      const write = async (codecs: RecordCodec[], collection: string, record: unknown) => {
        for (const d of codecs.find((c) => c.collection === collection)!.toDocs(record))
          await ctx.set(d.collection, d.id, d.doc);
      };
      const ws = newId();
      const p = publication(ws, { idempotencyKey: 'migrated' });
      const v = trackedVideo(ws);
      const s = snapshot(v, 1, 10);
      await write(publishingCodecs, 'publications', p);
      await write(analyticsCodecs, 'trackedVideos', v);
      await write(analyticsCodecs, 'snapshots', s);
      await db.terminate();

      expect(await store.publications.find(ws, p.id)).toEqual(p);
      expect(await store.publications.create(publication(ws, { idempotencyKey: 'migrated' }))).toEqual(p);
      expect(await store.trackedVideos.findByPost(v.connectionId, v.platformPostId)).toEqual(v);
      expect(await store.snapshots.listForVideo(ws, v.id)).toEqual([s]);
      await store.snapshots.append([snapshot(v, 1, 99)]);
      expect(await store.snapshots.listForVideo(ws, v.id)).toEqual([s]);
    });
  },
);
