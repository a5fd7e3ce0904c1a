import { Firestore } from '@google-cloud/firestore';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FsContext } from '../../../src/adapters/store/firestore/context.js';
import { connectionRecordCodecs } from '../../../src/adapters/store/firestore/firestore-connection-records.repositories.js';
import { connectionCodecs } from '../../../src/adapters/store/firestore/firestore-connections.repository.js';
import { FirestoreStore } from '../../../src/adapters/store/firestore/firestore-store.js';
import { statsCallCodecs } from '../../../src/adapters/store/firestore/firestore-stats-calls.repository.js';
import type { CollectionName } from '../../../src/adapters/store/firestore/collections.js';
import { newId } from '../../../src/domain/ids.js';
import type { SealedTokens } from '../../../src/ports/token-vault.js';
import {
  firestoreEmulatorAvailable,
  startFirestoreEmulator,
  type FirestoreEmulator,
} from '../../fakes/firestore-emulator.js';
import { auditEvent, connection, EARLIER, LATER, NOW } from './fixtures.js';

const sealed = (n: number): SealedTokens => ({
  keyId: `k${n}`,
  wrappedKey: `wrapped-${n}`,
  ciphertext: `c-${n}`,
});

/** Settles every attempt and counts the ones that won (resolved true, or resolved at all for creates). */
async function outcomes<T>(attempts: Promise<T>[]) {
  const settled = await Promise.allSettled(attempts);
  return {
    values: settled.filter((s) => s.status === 'fulfilled').map((s) => s.value),
    rejected: settled.filter((s) => s.status === 'rejected').length,
  };
}

// Two processes of one install are two clients of one database: each guarantee must hold between them.
describe.runIf(firestoreEmulatorAvailable('Firestore connection races'))(
  'Firestore connections and their records: races between two clients, migration codecs',
  () => {
    let emulator: FirestoreEmulator;
    let projectId: string;
    let a: FirestoreStore;
    let b: FirestoreStore;
    const workspaceId = newId();
    beforeAll(async () => {
      emulator = await startFirestoreEmulator();
    }, 90_000);
    afterAll(async () => emulator?.stop());
    beforeEach(() => {
      projectId = `aif-${newId().toLowerCase()}`;
      a = FirestoreStore.open({ projectId, emulatorHost: emulator.host });
      b = FirestoreStore.open({ projectId, emulatorHost: emulator.host });
    });
    afterEach(async () => {
      await Promise.all([a.close(), b.close()]);
      await emulator.reset(projectId);
    });

    it('gives a refresh lease to exactly one of two clients', async () => {
      const c = connection(workspaceId, { nextRefreshAt: EARLIER });
      await a.connections.create(c);
      const race = await outcomes(
        [a, b, a, b].map((s) => s.connections.acquireRefreshLease(workspaceId, c.id, NOW, LATER)),
      );
      expect(race.rejected).toBe(0);
      expect(race.values.filter(Boolean)).toHaveLength(1);
      expect(await b.connections.listDueRefreshes(NOW, 10)).toEqual([]);
    });

    it('lets one of two racing rewraps replace the sealed tokens, and keeps the winner', async () => {
      const c = connection(workspaceId);
      await a.connections.create(c);
      await a.connections.saveTokens(workspaceId, c.id, sealed(1), NOW);
      const race = await outcomes([
        a.connections.replaceSealed(workspaceId, c.id, sealed(1), sealed(2)),
        b.connections.replaceSealed(workspaceId, c.id, sealed(1), sealed(3)),
      ]);
      expect(race.rejected).toBe(0);
      expect(race.values.filter(Boolean)).toHaveLength(1);
      const winner = race.values[0] ? sealed(2) : sealed(3);
      expect(await a.connections.loadTokens(workspaceId, c.id)).toEqual(winner);
    });

    it('hands an OAuth state to one of two racing callbacks', async () => {
      const stateHash = newId();
      await a.oauthStates.create({
        stateHash,
        workspaceId,
        sessionId: 's1',
        userId: 'u1',
        platform: 'tiktok',
        codeVerifier: null,
        reconnectId: null,
        forceConsent: false,
        createdAt: EARLIER,
        expiresAt: LATER,
      });
      const race = await outcomes([a, b, a, b].map((s) => s.oauthStates.consume(stateHash, NOW)));
      expect(race.rejected).toBe(0);
      expect(race.values.filter((s) => s !== null)).toHaveLength(1);
    });

    it('remembers a platform event delivered to two clients at once for exactly one of them', async () => {
      const race = await outcomes(
        [a, b, a, b].map((s) => s.webhookReceipts.remember('digest', 'tiktok', NOW)),
      );
      expect(race.rejected).toBe(0);
      expect(race.values.filter(Boolean)).toHaveLength(1);
    });

    it('keeps one connection per workspace and account when two clients connect it at once', async () => {
      const account = { platform: 'youtube' as const, externalAccountId: 'chan-1' };
      const race = await outcomes([
        a.connections.create(connection(workspaceId, account)),
        b.connections.create(connection(workspaceId, account)),
      ]);
      expect(race.values).toHaveLength(1);
      expect(race.rejected).toBe(1);
      expect((await a.connections.listByWorkspace(workspaceId, { limit: 10 })).items).toHaveLength(1);
    });

    it('frees the account of a connection deleted with its tokens, so it can be connected again', async () => {
      const first = connection(workspaceId, { platform: 'youtube', externalAccountId: 'chan-2' });
      await a.connections.create(first);
      await a.connections.saveTokens(workspaceId, first.id, sealed(1), NOW);
      expect(await b.connections.delete(workspaceId, first.id)).toBe(true);
      expect(await a.connections.listSealedAfter('', 10)).toEqual([]);
      const again = connection(workspaceId, { platform: 'youtube', externalAccountId: 'chan-2' });
      await b.connections.create(again);
      expect(await a.connections.findByAccount(workspaceId, 'youtube', 'chan-2')).toEqual(again);
    });

    it('reads back through the repositories exactly what the codecs write for the migration', async () => {
      const db = new Firestore({
        projectId,
        host: emulator.host,
        ssl: false,
        universeDomain: 'googleapis.com',
      });
      const ctx = new FsContext(db);
      const codecs = [...connectionCodecs, ...connectionRecordCodecs, ...statsCallCodecs];
      const write = async (collection: CollectionName, record: unknown) => {
        const codec = codecs.find((c) => c.collection === collection);
        for (const w of codec!.toDocs(record)) await ctx.set(w.collection, w.id, w.doc);
      };
      const c = connection(workspaceId, {
        platform: 'instagram',
        externalAccountId: 'ig-9',
        aliases: ['as-9'],
      });
      const event = auditEvent(workspaceId, { connectionId: c.id });
      const request = {
        code: 'code-9',
        platform: 'instagram' as const,
        externalUserId: 'h',
        connectionsDeleted: 1,
        createdAt: NOW,
      };
      await write('connections', c);
      await write('sealedTokens', { workspaceId, connectionId: c.id, sealed: sealed(1), at: NOW });
      await write('auditEvents', event);
      const state = {
        stateHash: 'state-9',
        workspaceId,
        sessionId: 's1',
        userId: 'u1',
        platform: 'instagram' as const,
        codeVerifier: 'v',
        reconnectId: c.id,
        forceConsent: true,
        createdAt: EARLIER,
        expiresAt: LATER,
      };
      await write('oauthStates', state);
      await write('webhookReceipts', { digest: 'd-9', platform: 'instagram', at: NOW });
      await write('deletionRequests', request);
      await write('statsCalls', {
        workspaceId,
        connectionId: c.id,
        platform: 'instagram',
        at: NOW,
        units: 3,
      });
      await db.terminate();

      expect(await a.connections.findAllByAccount('instagram', 'as-9')).toEqual([c]);
      expect(await a.connections.listDueRefreshes(LATER, 10)).toEqual([]);
      await expect(
        a.connections.create(connection(workspaceId, { platform: 'instagram', externalAccountId: 'ig-9' })),
      ).rejects.toThrow();
      expect(await a.connections.loadTokens(workspaceId, c.id)).toEqual(sealed(1));
      expect((await a.audit.list(workspaceId, { limit: 5 })).items).toEqual([event]);
      expect(await a.oauthStates.consume('state-9', NOW)).toEqual(state);
      expect(await a.webhookReceipts.remember('d-9', 'instagram', LATER)).toBe(false);
      expect(await a.deletionRequests.find('code-9')).toEqual(request);
      expect(
        await a.statsCalls.unitsSince({ platform: 'instagram', since: EARLIER, connectionId: c.id }),
      ).toBe(3);
    });

    it('keeps the refresh lease when the connection is updated during a refresh', async () => {
      const c = connection(workspaceId, { nextRefreshAt: EARLIER });
      await a.connections.create(c);
      expect(await a.connections.acquireRefreshLease(workspaceId, c.id, NOW, LATER)).toBe(true);
      await b.connections.update({ ...c, lastRefreshedAt: NOW, updatedAt: NOW });
      expect(await b.connections.acquireRefreshLease(workspaceId, c.id, NOW, LATER)).toBe(false);
    });
  },
);
