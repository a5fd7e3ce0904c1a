import { Firestore, type DocumentData } from '@google-cloud/firestore';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pack, unpack } from '../../../src/adapters/store/firestore/codec.js';
import type { CollectionName } from '../../../src/adapters/store/firestore/collections.js';
import { FsContext } from '../../../src/adapters/store/firestore/context.js';
import { firestoreErasure } from '../../../src/adapters/store/firestore/firestore-erasure.repository.js';
import { FirestoreStore } from '../../../src/adapters/store/firestore/firestore-store.js';
import { UserError } from '../../../src/domain/errors.js';
import { newId } from '../../../src/domain/ids.js';
import { DELETED_MEMBER } from '../../../src/domain/privacy/deletion.js';
import { invitation, LATER, NOW, user, workspaceWith } from '../../contract/store/fixtures.js';
import {
  firestoreEmulatorAvailable,
  startFirestoreEmulator,
  type FirestoreEmulator,
} from '../../fakes/firestore-emulator.js';

/** The key a document id was made from ('~' marks ids the context encoded). */
const keyOf = (id: string) =>
  id.startsWith('~') ? Buffer.from(id.slice(1), 'base64url').toString('utf8') : id;

/**
 * Records of other repositories written as documents with only the binding fields of collections.ts, so the
 * erasure is checked against that contract itself: it must find everything by those fields alone.
 */
function workspaceRecords(ws: string, person: string): [CollectionName, string, DocumentData][] {
  const c = `${ws}-c`;
  const v = `${ws}-tv`;
  return [
    ['connections', c, pack({ id: c, workspaceId: ws }, { workspaceId: ws })],
    ['sealedTokens', c, { workspaceId: ws, connectionId: c, sealed: 'x', at: NOW }],
    [
      'contentItems',
      `${ws}-i`,
      pack({ id: `${ws}-i`, createdBy: person }, { workspaceId: ws, createdBy: person }),
    ],
    [
      'versions',
      `${ws}-v`,
      pack(
        { id: `${ws}-v`, outputs: { videoKey: `${ws}/v.mp4`, coverKey: `${ws}/c.jpg` } },
        { workspaceId: ws },
      ),
    ],
    [
      'reviews',
      `${ws}-v`,
      pack({ versionId: `${ws}-v`, submittedBy: person, history: [{ by: person }] }, { workspaceId: ws }),
    ],
    [
      'publications',
      `${ws}-p`,
      pack(
        { id: `${ws}-p`, status: 'scheduled', idempotencyKey: 'pk', createdBy: person },
        { workspaceId: ws, connectionId: c, status: 'scheduled' },
      ),
    ],
    ['publicationKeys', `${ws}:pk`, { publicationId: `${ws}-p` }],
    ['trackedVideos', v, pack({ id: v }, { workspaceId: ws, connectionId: c })],
    ['snapshots', `${v}:24`, pack({}, { workspaceId: ws, trackedVideoId: v })],
    ['statsCalls', `${ws}-sc`, pack({}, { connectionId: c, platform: 'tiktok', at: NOW })],
    ['jobs', `${ws}-j`, pack({ id: `${ws}-j`, idempotencyKey: `${ws}-jk` }, { workspaceId: ws })],
    ['jobKeys', `${ws}-jk`, { jobId: `${ws}-j` }],
    ['stageCache', `${ws}:key`, { workspaceId: ws, key: 'key', stage: 'script', output: '{}', at: NOW }],
    ['mediaAssets', `${ws}-a`, pack({ mediaKey: `${ws}/a.png` }, { workspaceId: ws })],
    ['oauthStates', `${ws}-s`, pack({ userId: person }, { workspaceId: ws, userId: person })],
    [
      'auditEvents',
      `${ws}-e`,
      pack({ id: `${ws}-e`, actorUserId: person }, { workspaceId: ws, at: NOW, connectionId: c }),
    ],
  ];
}

describe.runIf(firestoreEmulatorAvailable('Firestore people and erasure'))(
  'Firestore people and erasure',
  () => {
    let emulator: FirestoreEmulator;
    let projectId: string;
    let store: FirestoreStore;
    let peer: FirestoreStore;
    let db: Firestore;
    beforeAll(async () => {
      emulator = await startFirestoreEmulator();
    }, 90_000);
    afterAll(async () => emulator?.stop());
    beforeEach(() => {
      projectId = `aif-${newId().toLowerCase()}`;
      const location = { projectId, emulatorHost: emulator.host };
      store = FirestoreStore.open(location);
      peer = FirestoreStore.open(location);
      db = new Firestore({ projectId, host: emulator.host, ssl: false, universeDomain: 'googleapis.com' });
    });
    afterEach(async () => {
      await Promise.all([store.close(), peer.close(), db.terminate()]);
      await emulator.reset(projectId);
    });

    const ctx = () => new FsContext(db);
    const furnish = async (ws: string, person: string) => {
      for (const [collection, id, doc] of workspaceRecords(ws, person)) await ctx().set(collection, id, doc);
    };
    const left = async (collection: CollectionName, ws: string) =>
      (await db.collection(collection).get()).docs.filter((d) => keyOf(d.id).startsWith(ws)).length;

    it('gives an email to one of two clients creating it at once; the other gets email_taken', async () => {
      for (let round = 0; round < 2; round += 1) {
        const email = `race-${round}@example.com`;
        const [a, b] = [user(email), user(email)];
        const results = await Promise.allSettled([store.users.create(a), peer.users.create(b)]);
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(lost).toHaveLength(1);
        expect(lost[0]!.reason).toBeInstanceOf(UserError);
        expect(lost[0]!.reason).toMatchObject({ code: 'email_taken' });
        const winner = results[0].status === 'fulfilled' ? a : b;
        expect(await store.users.findByEmail(email)).toEqual(winner);
      }
    });

    it('adds one membership of a pair when two clients race, and lets a transaction read what it wrote', async () => {
      const u = user();
      await store.users.create(u);
      const ws = await workspaceWith(store);
      const membership = () => ({
        id: newId(),
        workspaceId: ws.id,
        userId: u.id,
        role: 'editor' as const,
        joinedAt: NOW,
      });
      const results = await Promise.allSettled([
        store.memberships.add(membership()),
        peer.memberships.add(membership()),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const seen = await store.transaction(async (tx) => {
        await tx.memberships.updateRole(ws.id, u.id, 'owner');
        await tx.workspaces.rename(ws.id, 'Renamed');
        return [await tx.memberships.countOwners(ws.id), (await tx.workspaces.findById(ws.id))?.name];
      });
      // A query inside the transaction finds what was stored: a document its own write made match is not found.
      expect(seen).toEqual([0, 'Renamed']);
      expect(await store.memberships.countOwners(ws.id)).toBe(1);
    });

    it('lets only one of two owners demoting each other at once pass the last-owner check', async () => {
      const [a, b] = [user(), user()];
      const ws = await workspaceWith(store, { user: a, role: 'owner' }, { user: b, role: 'owner' });
      // What the workspace service does: refuse to demote the last owner, in one transaction.
      const demote = (client: FirestoreStore, userId: string) =>
        client.transaction(async (tx) => {
          if ((await tx.memberships.countOwners(ws.id)) <= 1) throw new Error('last owner');
          await tx.memberships.updateRole(ws.id, userId, 'editor');
        });
      const results = await Promise.allSettled([demote(store, a.id), demote(peer, b.id)]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(await store.memberships.countOwners(ws.id)).toBe(1);
    });

    it('deletes a workspace by the binding fields, guards included, and leaves another one whole', async () => {
      const person = user();
      await store.users.create(person);
      const [gone, kept] = [
        await workspaceWith(store, { user: person, role: 'owner' }),
        await workspaceWith(store),
      ];
      await furnish(gone.id, person.id);
      await furnish(kept.id, person.id);
      await store.invitations.create(invitation(gone.id));
      await store.sessions.create({
        id: newId(),
        userId: person.id,
        currentWorkspaceId: gone.id,
        createdAt: NOW,
        expiresAt: LATER,
      });

      const deleted = await firestoreErasure(ctx()).deleteWorkspace(gone.id);
      expect(deleted.counts).toEqual({
        canceledPublications: 1,
        statsSnapshots: 1,
        statsCalls: 1,
        trackedVideos: 1,
        publications: 1,
        reviews: 1,
        versions: 1,
        items: 1,
        stageCache: 1,
        jobs: 1,
        mediaAssets: 1,
        tokens: 1,
        connections: 1,
        oauthStates: 1,
        auditEvents: 1,
        invitations: 1,
        memberships: 1,
        sessions: 1,
        workspaces: 1,
      });
      expect(deleted.mediaKeys.sort()).toEqual([`${gone.id}/a.png`, `${gone.id}/c.jpg`, `${gone.id}/v.mp4`]);
      for (const [collection] of workspaceRecords(gone.id, person.id)) {
        expect(await left(collection, gone.id), collection).toBe(0);
        expect(await left(collection, kept.id), collection).toBeGreaterThan(0);
      }
      expect(await store.workspaces.findById(kept.id)).toEqual(kept);
      expect(await store.users.findById(person.id)).toEqual(person);
    });

    it('hands over by the binding fields inside a transaction, rewriting indexed fields with the JSON', async () => {
      const [leaving, heir] = [user(), user()];
      const ws = await workspaceWith(store);
      await furnish(ws.id, leaving.id);
      const counts = await store.transaction((tx) => tx.erasure.handOver(ws.id, leaving.id, heir.id));
      expect(counts).toEqual({
        items: 1,
        publications: 1,
        reviews: 1,
        auditEvents: 1,
        invitations: 0,
        oauthStates: 1,
      });
      const item = (await db.collection('contentItems').doc(`${ws.id}-i`).get()).data()!;
      expect([item.createdBy, unpack<{ createdBy: string }>(item).createdBy]).toEqual([heir.id, heir.id]);
      const review = unpack<{ submittedBy: string; history: { by: string }[] }>(
        (await db.collection('reviews').doc(`${ws.id}-v`).get()).data()!,
      );
      expect([review.submittedBy, review.history[0]!.by]).toEqual([DELETED_MEMBER, DELETED_MEMBER]);
      expect(await left('oauthStates', ws.id)).toBe(0);
    });

    it("deletes one connection's data by the binding fields inside a transaction", async () => {
      const ws = await workspaceWith(store);
      await furnish(ws.id, 'someone');
      const counts = await store.transaction((tx) => tx.erasure.deleteConnectionData(ws.id, `${ws.id}-c`));
      expect(counts).toEqual({
        statsSnapshots: 1,
        statsCalls: 1,
        trackedVideos: 1,
        auditEvents: 1,
        tokens: 1,
        connections: 1,
      });
      expect(await left('contentItems', ws.id)).toBe(1);
      expect(await left('sealedTokens', ws.id)).toBe(0);
    });
  },
);
