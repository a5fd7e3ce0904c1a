import { createHash } from 'node:crypto';
import { EnvelopeVault } from '../../../src/adapters/crypto/envelope-vault.js';
import { newMasterKey, staticKeyRing } from '../../../src/adapters/crypto/key-ring.js';
import { newId } from '../../../src/domain/ids.js';
import type { Job } from '../../../src/domain/content-item.js';
import type { Store } from '../../../src/ports/store.js';
import type { TokenVault } from '../../../src/ports/token-vault.js';
import { hoursAfterNow, snapshot, trackedVideo } from '../../contract/store/analytics-fixtures.js';
import {
  asset,
  auditEvent,
  connection,
  EARLIER,
  invitation,
  item,
  LATER,
  NOW,
  queuedJob,
  user,
  version,
  workspaceWith,
} from '../../contract/store/fixtures.js';
import { publication, review } from '../../contract/store/publishing-fixtures.js';

/** The tokens sealed for the install's connection (the test proves they still open after the copy). */
export const TOKENS = {
  accessToken: 'act.migrated-access-token',
  refreshToken: 'rft.migrated-refresh-token',
};

/** What `buildEmbeddedInstall` made: the records it wrote, per Firestore collection, and a few handles. */
export interface EmbeddedInstall {
  written: Record<string, unknown[]>;
  vault: TokenVault;
  workspaceId: string;
  connectionId: string;
  ownerEmail: string;
  itemId: string;
}

const job = (workspaceId: string, over: Partial<Job> = {}): Job =>
  queuedJob(workspaceId, { payload: { itemId: 'x', brief: { topic: 'Morning habits' } }, ...over });

/**
 * A small but realistic embedded install, written through the SQLite repositories: at least one record of every
 * collection, with the shapes that are easy to get wrong (unique keys, keys with '/', nested arrays, nulls).
 */
export async function buildEmbeddedInstall(store: Store): Promise<EmbeddedInstall> {
  const written: Record<string, unknown[]> = {};
  const add = <T>(collection: string, record: T): T => {
    (written[collection] ??= []).push(record);
    return record;
  };
  const owner = add('users', user('Owner.Person@example.com'));
  const editor = add('users', user());
  for (const u of [owner, editor]) await store.users.create(u);
  const ws = await workspaceWith(store, { user: owner, role: 'owner' }, { user: editor, role: 'editor' });
  await store.workspaces.updateSettings(ws.id, { requireOtherApprover: true });
  add('workspaces', { ...ws, settings: { requireOtherApprover: true } });
  const other = add('workspaces', await workspaceWith(store, { user: editor, role: 'owner' }));
  for (const m of await store.memberships.listByUser(editor.id))
    add('memberships', {
      id: m.id,
      workspaceId: m.workspaceId,
      userId: m.userId,
      role: m.role,
      joinedAt: m.joinedAt,
    });
  const ownerMembership = await store.memberships.find(ws.id, owner.id);
  add('memberships', ownerMembership);

  const session = add('sessions', {
    id: newId(),
    userId: owner.id,
    currentWorkspaceId: ws.id,
    createdAt: NOW,
    expiresAt: LATER,
  });
  await store.sessions.create(session);
  const invite = add('invitations', invitation(ws.id, { invitedBy: owner.id }));
  await store.invitations.create(invite);
  const accepted = add('invitations', invitation(other.id, { acceptedAt: NOW, acceptedBy: owner.id }));
  await store.invitations.create(accepted);
  const reset = add('passwordResets', {
    tokenHash: newId(),
    userId: editor.id,
    createdAt: NOW,
    expiresAt: LATER,
    usedAt: null,
  });
  await store.passwordResets.create(reset);

  const conn = add(
    'connections',
    connection(ws.id, {
      aliases: ['old-account-id'],
      nextRefreshAt: LATER,
      scopes: ['video.publish', 'user.info.basic'],
    }),
  );
  await store.connections.create(conn);
  const vault = new EnvelopeVault(staticKeyRing([newMasterKey()]));
  const sealed = await vault.seal({ recordId: conn.id, workspaceId: ws.id }, TOKENS);
  await store.connections.saveTokens(ws.id, conn.id, sealed, NOW);
  add('sealedTokens', { workspaceId: ws.id, connectionId: conn.id, sealed, at: NOW });
  const state = add('oauthStates', {
    stateHash: newId(),
    workspaceId: ws.id,
    sessionId: session.id,
    userId: owner.id,
    platform: 'youtube' as const,
    codeVerifier: 'verifier',
    reconnectId: null,
    forceConsent: true,
    createdAt: NOW,
    expiresAt: LATER,
  });
  await store.oauthStates.create(state);
  const event = add('auditEvents', auditEvent(ws.id, { connectionId: conn.id, actorUserId: owner.id }));
  await store.audit.append(event);
  // A digest with '/' and '+': not a safe document id as it is.
  const digest = 'q/Wx+4Zk9v==';
  await store.webhookReceipts.remember(digest, 'tiktok', NOW);
  add('webhookReceipts', { digest, platform: 'tiktok', at: NOW });
  const request = add('deletionRequests', {
    code: newId(),
    platform: 'instagram' as const,
    externalUserId: createHash('sha256').update('ig-user').digest('hex'),
    connectionsDeleted: 1,
    createdAt: NOW,
  });
  await store.deletionRequests.create(request);

  const first = add(
    'contentItems',
    item(ws.id, { title: 'Morning habits for students', createdBy: owner.id }),
  );
  const second = add(
    'contentItems',
    item(ws.id, {
      title: 'Evening walks',
      seriesId: 'series-1',
      status: 'failed',
      failure: { stage: 'render', reason: 'ffmpeg exited 1' },
    }),
  );
  for (const i of [first, second]) await store.content.createItem(i);
  const v1 = add('versions', version(first, 1));
  const v2 = add('versions', version(first, 2, { edits: { captionText: { 0: 'Hi there' } } }));
  for (const v of [v1, v2]) await store.content.createVersion(v);
  await store.stageCache.put(ws.id, 'script:abc/def', 'script', { lines: [['a', 'b'], ['c']] }, NOW);
  add('stageCache', {
    workspaceId: ws.id,
    key: 'script:abc/def',
    stage: 'script',
    output: { lines: [['a', 'b'], ['c']] },
    at: NOW,
  });
  add('jobs', await store.jobs.enqueue(job(ws.id, { idempotencyKey: `publish:${newId()}` })));
  add(
    'jobs',
    await store.jobs.enqueue(
      job(ws.id, { status: 'succeeded', attempts: 1, progress: { stage: 'render', fraction: 1 } }),
    ),
  );
  const library = add('mediaAssets', asset(ws.id, { kind: 'video', durationMs: 4000 }));
  await store.mediaAssets.create(library);

  const pending = add(
    'reviews',
    review(ws.id, { versionId: v2.id, itemId: first.id, submittedBy: editor.id }),
  );
  await store.reviews.save(pending);
  const pub = add(
    'publications',
    publication(ws.id, {
      itemId: first.id,
      versionId: v2.id,
      connectionId: conn.id,
      idempotencyKey: `k-${newId()}`,
    }),
  );
  await store.publications.create(pub);
  const scheduled = add(
    'publications',
    publication(ws.id, { status: 'scheduled', scheduledAt: LATER, connectionId: conn.id }),
  );
  await store.publications.create(scheduled);

  const video = add(
    'trackedVideos',
    trackedVideo(ws.id, {
      connectionId: conn.id,
      itemId: first.id,
      seriesId: 'series-1',
      publishedAt: EARLIER,
      nextSnapshotAt: hoursAfterNow(2),
    }),
  );
  await store.trackedVideos.create(video);
  const readings = [snapshot(video, 1, 100), snapshot(video, 3, null)];
  await store.snapshots.append(readings);
  for (const r of readings) add('snapshots', r);
  const call = add('statsCalls', {
    workspaceId: ws.id,
    connectionId: conn.id,
    platform: 'tiktok' as const,
    at: NOW,
    units: 1,
  });
  // Two alike calls (the same millisecond): a log line has no id of its own, and neither may be lost or doubled.
  for (const record of [call, { ...call }]) await store.statsCalls.record(record);
  add('statsCalls', { ...call });

  const exported = add('dataExports', {
    id: newId(),
    userId: owner.id,
    workspaceId: ws.id,
    status: 'ready' as const,
    progress: 1,
    fileKey: `exports/${newId()}.zip`,
    sizeBytes: 12_345,
    error: null,
    createdAt: NOW,
    updatedAt: NOW,
    readyAt: NOW,
    expiresAt: LATER,
  });
  await store.dataExports.create(exported);
  const logged = add('deletionLog', {
    id: newId(),
    kind: 'account' as const,
    createdAt: NOW,
    counts: { users: 1, sessions: 2 },
  });
  await store.erasure.logDeletion(logged);

  return {
    written,
    vault,
    workspaceId: ws.id,
    connectionId: conn.id,
    ownerEmail: owner.email,
    itemId: first.id,
  };
}
