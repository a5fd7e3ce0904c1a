import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingIndexes, readIndexFile } from '../../../src/adapters/store/firestore/index-file.js';
import { recordedQueryShapes } from '../../../src/adapters/store/firestore/query-shapes.js';
import { FirestoreStore } from '../../../src/adapters/store/firestore/firestore-store.js';
import { newId } from '../../../src/domain/ids.js';
import {
  firestoreEmulatorAvailable,
  startFirestoreEmulator,
  type FirestoreEmulator,
} from '../../fakes/firestore-emulator.js';
import { analyticsStoreContract } from './analytics.contract.js';
import { analyticsSummariesStoreContract } from './analytics-summaries.contract.js';
import { auditStoreContract } from './audit.contract.js';
import { concurrencyStoreContract } from './concurrency.contract.js';
import { connectionsStoreContract } from './connections.contract.js';
import { contentStoreContract } from './content.contract.js';
import { erasureStoreContract } from './erasure.contract.js';
import type { OpenStore } from './harness.js';
import { jobsStoreContract } from './jobs.contract.js';
import { mediaStoreContract } from './media.contract.js';
import { peopleStoreContract } from './people.contract.js';
import { privacyStoreContract } from './privacy.contract.js';
import { publishingStoreContract } from './publishing.contract.js';
import { transactionStoreContract } from './transaction.contract.js';

describe.runIf(firestoreEmulatorAvailable('Store contract on Firestore'))('on the Firestore emulator', () => {
  let emulator: FirestoreEmulator;
  beforeAll(async () => {
    emulator = await startFirestoreEmulator();
  }, 90_000);
  afterAll(async () => emulator?.stop());

  // Each test gets a project of its own on the one emulator: an empty database, and a second client on it.
  const openFirestore: OpenStore = async () => {
    const location = { projectId: `aif-${newId().toLowerCase()}`, emulatorHost: emulator.host };
    const store = FirestoreStore.open(location);
    return {
      store,
      peerTransactions: true,
      openPeer: async () => FirestoreStore.open(location),
      cleanup: async () => {
        await store.close();
        await emulator.reset(location.projectId);
      },
    };
  };

  peopleStoreContract('Firestore', openFirestore);
  connectionsStoreContract('Firestore', openFirestore);
  contentStoreContract('Firestore', openFirestore);
  mediaStoreContract('Firestore', openFirestore);
  auditStoreContract('Firestore', openFirestore);
  transactionStoreContract('Firestore', openFirestore);
  jobsStoreContract('Firestore', openFirestore);
  publishingStoreContract('Firestore', openFirestore);
  analyticsStoreContract('Firestore', openFirestore);
  analyticsSummariesStoreContract('Firestore', openFirestore);
  privacyStoreContract('Firestore', openFirestore);
  erasureStoreContract('Firestore', openFirestore);
  concurrencyStoreContract('Firestore', openFirestore);

  // Last, after every suite above ran its queries: the emulator serves any query, production needs the index.
  describe('Firestore indexes', () => {
    it('lists in firestore.indexes.json the composite index of every query the suites ran', () => {
      const shapes = recordedQueryShapes();
      expect(shapes.length).toBeGreaterThan(0);
      const missing = missingIndexes(shapes, readIndexFile('firestore.indexes.json'));
      // Printed so the entries can be copied into the file.
      if (missing.length > 0)
        console.error(
          JSON.stringify(
            missing.map((m) => ({
              collectionGroup: m.shape.collection,
              queryScope: 'COLLECTION',
              fields: m.index,
            })),
            null,
            2,
          ),
        );
      expect(missing).toEqual([]);
    });
  });
});
