import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids.js';
import type { User } from '../../../src/domain/people.js';
import { DELETED_MEMBER } from '../../../src/domain/privacy/deletion.js';
import type { Store } from '../../../src/ports/store.js';
import { snapshot, trackedVideo } from './analytics-fixtures.js';
import {
  asset,
  auditEvent,
  connection,
  freshStore,
  invitation,
  item,
  LATER,
  NOW,
  queuedJob,
  user,
  version,
  workspaceWith,
} from './fixtures.js';
import type { OpenStore } from './harness.js';
import { publication, review } from './publishing-fixtures.js';

const SEALED = { keyId: 'k1', wrappedKey: 'wrapped', ciphertext: 'cipher' };

/** One workspace holding a record of every kind, made by `person`; what a deletion must find. */
async function furnished(store: Store, person: User) {
  const ws = await workspaceWith(store, { user: person, role: 'owner' });
  const c = connection(ws.id);
  await store.connections.create(c);
  await store.connections.saveTokens(ws.id, c.id, SEALED, NOW);
  const it = item(ws.id, { createdBy: person.id, title: 'Tide pools at dawn' });
  await store.content.createItem(it);
  const v = version(it, 1);
  await store.content.createVersion(v);
  await store.reviews.save(
    review(ws.id, {
      versionId: v.id,
      itemId: it.id,
      submittedBy: person.id,
      decidedBy: person.id,
      state: 'approved',
      history: [{ action: 'submit', by: person.id, at: NOW, comment: null }],
    }),
  );
  const scheduled = publication(ws.id, {
    itemId: it.id,
    versionId: v.id,
    connectionId: c.id,
    status: 'scheduled',
    scheduledAt: LATER,
    createdBy: person.id,
  });
  await store.publications.create(scheduled);
  const video = trackedVideo(ws.id, { connectionId: c.id, itemId: it.id });
  await store.trackedVideos.create(video);
  await store.snapshots.append([snapshot(video, 1, 100)]);
  await store.statsCalls.record({
    workspaceId: ws.id,
    connectionId: c.id,
    platform: 'tiktok',
    at: NOW,
    units: 1,
  });
  const jobId = newId();
  await store.jobs.enqueue(queuedJob(ws.id, { id: jobId, payload: { itemId: it.id } }));
  await store.stageCache.put(ws.id, 'script-key', 'script', { hook: 'Hi' }, NOW);
  const picture = asset(ws.id);
  await store.mediaAssets.create(picture);
  const sent = invitation(ws.id, { invitedBy: person.id });
  await store.invitations.create(sent);
  await store.audit.append(auditEvent(ws.id, { connectionId: c.id, actorUserId: person.id }));
  await store.oauthStates.create({
    stateHash: newId(),
    workspaceId: ws.id,
    sessionId: 's1',
    userId: person.id,
    platform: 'tiktok',
    codeVerifier: null,
    reconnectId: null,
    forceConsent: false,
    createdAt: NOW,
    expiresAt: LATER,
  });
  await store.sessions.create({
    id: newId(),
    userId: person.id,
    currentWorkspaceId: ws.id,
    createdAt: NOW,
    expiresAt: LATER,
  });
  return { ws, c, it, v, scheduled, video, jobId, picture, sent };
}

/** Deleting accounts and workspaces, the hand-over in shared workspaces, and the anonymous log, on one adapter. */
export function erasureStoreContract(adapter: string, open: OpenStore): void {
  describe(`Store contract, erasure: ${adapter}`, () => {
    const opened = freshStore(open);

    it('deletes a workspace with every record in it, names its media keys, and leaves another workspace whole', async () => {
      const store = opened();
      const person = user();
      await store.users.create(person);
      const gone = await furnished(store, person);
      const kept = await furnished(store, person);

      const deleted = await store.erasure.deleteWorkspace(gone.ws.id);
      expect(deleted.counts).toMatchObject({
        items: 1,
        versions: 1,
        reviews: 1,
        publications: 1,
        canceledPublications: 1,
        trackedVideos: 1,
        statsSnapshots: 1,
        statsCalls: 1,
        jobs: 1,
        stageCache: 1,
        mediaAssets: 1,
        connections: 1,
        tokens: 1,
        oauthStates: 1,
        auditEvents: 1,
        invitations: 1,
        memberships: 1,
        sessions: 1,
        workspaces: 1,
      });
      expect(deleted.mediaKeys.sort()).toEqual(
        [gone.picture.mediaKey, gone.v.outputs.videoKey, gone.v.outputs.coverKey].sort(),
      );
      expect(await store.workspaces.findById(gone.ws.id)).toBeNull();
      expect(await store.content.findItem(gone.ws.id, gone.it.id)).toBeNull();
      expect(await store.jobs.find(gone.ws.id, gone.jobId)).toBeNull();
      expect(await store.stageCache.get(gone.ws.id, 'script-key')).toBeNull();
      expect(await store.connections.loadTokens(gone.ws.id, gone.c.id)).toBeNull();
      expect(await store.trackedVideos.find(gone.ws.id, gone.video.id)).toBeNull();
      expect(
        await store.statsCalls.unitsSince({ platform: 'tiktok', since: NOW, connectionId: gone.c.id }),
      ).toBe(0);

      expect(await store.content.findItem(kept.ws.id, kept.it.id)).not.toBeNull();
      expect(await store.jobs.find(kept.ws.id, kept.jobId)).not.toBeNull();
      expect(await store.stageCache.get(kept.ws.id, 'script-key')).toEqual({ hook: 'Hi' });
      expect(await store.connections.loadTokens(kept.ws.id, kept.c.id)).toEqual(SEALED);
      expect(await store.snapshots.listForVideo(kept.ws.id, kept.video.id)).toHaveLength(1);
      expect(await store.memberships.find(kept.ws.id, person.id)).not.toBeNull();
      expect((await store.erasure.deleteWorkspace(gone.ws.id)).counts.workspaces).toBe(0);
    });

    it("hands a leaving person's records over: creations to the heir, review and audit actions to the marker", async () => {
      const store = opened();
      const [leaving, heir] = [user(), user()];
      await store.users.create(leaving);
      await store.users.create(heir);
      const w = await furnished(store, leaving);
      await store.memberships.add({
        id: newId(),
        workspaceId: w.ws.id,
        userId: heir.id,
        role: 'owner',
        joinedAt: NOW,
      });
      const elsewhere = await furnished(store, leaving);

      const counts = await store.erasure.handOver(w.ws.id, leaving.id, heir.id);
      expect(counts).toMatchObject({
        items: 1,
        publications: 1,
        reviews: 1,
        auditEvents: 1,
        invitations: 1,
        oauthStates: 1,
      });
      expect((await store.content.findItem(w.ws.id, w.it.id))?.createdBy).toBe(heir.id);
      expect((await store.publications.find(w.ws.id, w.scheduled.id))?.createdBy).toBe(heir.id);
      const r = await store.reviews.find(w.ws.id, w.v.id);
      expect(r).toMatchObject({ submittedBy: DELETED_MEMBER, decidedBy: DELETED_MEMBER });
      expect(r?.history.map((h) => h.by)).toEqual([DELETED_MEMBER]);
      const audit = await store.audit.list(w.ws.id, { limit: 10 });
      expect(audit.items.map((e) => e.actorUserId)).toEqual([DELETED_MEMBER]);
      expect(await store.invitations.findById(w.ws.id, w.sent.id)).toBeNull();
      // Another workspace of the same person is not touched by this hand-over.
      expect((await store.content.findItem(elsewhere.ws.id, elsewhere.it.id))?.createdBy).toBe(leaving.id);
      expect(await store.invitations.findById(elsewhere.ws.id, elsewhere.sent.id)).not.toBeNull();
    });

    it("moves a user's sessions from one workspace to another, and no one else's", async () => {
      const store = opened();
      const [a, b] = [user(), user()];
      await store.users.create(a);
      await store.users.create(b);
      const from = await workspaceWith(store, { user: a, role: 'owner' }, { user: b, role: 'editor' });
      const to = await workspaceWith(store, { user: a, role: 'owner' });
      const session = (userId: string) => ({
        id: newId(),
        userId,
        currentWorkspaceId: from.id,
        createdAt: NOW,
        expiresAt: LATER,
      });
      const [sa, sb] = [session(a.id), session(b.id)];
      await store.sessions.create(sa);
      await store.sessions.create(sb);
      expect(await store.erasure.moveSessions(a.id, from.id, to.id)).toBe(1);
      expect((await store.sessions.findById(sa.id))?.currentWorkspaceId).toBe(to.id);
      expect((await store.sessions.findById(sb.id))?.currentWorkspaceId).toBe(from.id);
    });

    it('deletes a user with sessions, resets, memberships, flows and every invitation to or from them', async () => {
      const store = opened();
      const [gone, stays] = [user('gone@example.com'), user()];
      await store.users.create(gone);
      await store.users.create(stays);
      const theirs = await workspaceWith(
        store,
        { user: stays, role: 'owner' },
        { user: gone, role: 'editor' },
      );
      const toThem = invitation(theirs.id, {
        email: gone.email,
        invitedBy: stays.id,
        acceptedBy: gone.id,
        acceptedAt: NOW,
      });
      const fromThem = invitation(theirs.id, { invitedBy: gone.id });
      const unrelated = invitation(theirs.id, { invitedBy: stays.id });
      for (const i of [toThem, fromThem, unrelated]) await store.invitations.create(i);
      const sessionOf = (userId: string) => ({
        id: newId(),
        userId,
        currentWorkspaceId: theirs.id,
        createdAt: NOW,
        expiresAt: LATER,
      });
      const [s1, s2] = [sessionOf(gone.id), sessionOf(stays.id)];
      await store.sessions.create(s1);
      await store.sessions.create(s2);
      await store.passwordResets.create({
        tokenHash: newId(),
        userId: gone.id,
        createdAt: NOW,
        expiresAt: LATER,
        usedAt: null,
      });

      const counts = await store.erasure.deleteUser(gone.id, gone.email);
      expect(counts).toMatchObject({
        users: 1,
        sessions: 1,
        passwordResets: 1,
        memberships: 1,
        invitations: 2,
      });
      expect(await store.users.findById(gone.id)).toBeNull();
      expect(await store.users.findByEmail(gone.email)).toBeNull();
      expect(await store.sessions.findById(s1.id)).toBeNull();
      expect(await store.memberships.find(theirs.id, gone.id)).toBeNull();
      expect(await store.invitations.findById(theirs.id, toThem.id)).toBeNull();
      expect(await store.invitations.findById(theirs.id, fromThem.id)).toBeNull();
      expect(await store.invitations.findById(theirs.id, unrelated.id)).not.toBeNull();
      expect(await store.sessions.findById(s2.id)).not.toBeNull();
      expect(await store.users.findById(stays.id)).toEqual(stays);
    });

    it("deletes one connection with its tokens, videos, stats and audit lines; the workspace's other records stay", async () => {
      const store = opened();
      const person = user();
      await store.users.create(person);
      const w = await furnished(store, person);
      const other = connection(w.ws.id, { platform: 'youtube' });
      await store.connections.create(other);
      const counts = await store.erasure.deleteConnectionData(w.ws.id, w.c.id);
      expect(counts).toEqual({
        statsSnapshots: 1,
        statsCalls: 1,
        trackedVideos: 1,
        auditEvents: 1,
        tokens: 1,
        connections: 1,
      });
      expect(await store.connections.findById(w.ws.id, w.c.id)).toBeNull();
      expect(await store.trackedVideos.find(w.ws.id, w.video.id)).toBeNull();
      expect(await store.connections.findById(w.ws.id, other.id)).not.toBeNull();
      expect(await store.content.findItem(w.ws.id, w.it.id)).not.toBeNull();
    });

    it('keeps an anonymous log line per deletion, and purges without losing what stays', async () => {
      const store = opened();
      const entry = { id: newId(), kind: 'account' as const, createdAt: NOW, counts: { items: 3, users: 1 } };
      await store.erasure.logDeletion(entry);
      expect(await store.erasure.findLog(entry.id)).toEqual(entry);
      expect(await store.erasure.findLog('missing')).toBeNull();
      await store.erasure.purgeDeleted();
      expect(await store.erasure.findLog(entry.id)).toEqual(entry);
    });
  });
}
