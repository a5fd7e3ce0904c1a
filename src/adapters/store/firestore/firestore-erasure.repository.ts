import type { DocumentData, QueryDocumentSnapshot } from '@google-cloud/firestore';
import type { Job, MediaAsset, Version } from '../../../domain/content-item.js';
import type { Session } from '../../../domain/people.js';
import {
  DELETED_MEMBER,
  DELETION_KINDS,
  type DeletionCounts,
  type DeletionLogEntry,
} from '../../../domain/privacy/deletion.js';
import type { Publication } from '../../../domain/publishing/publication.js';
import type { ErasureRepository } from '../../../ports/store.js';
import { pack, unpack } from './codec.js';
import type { CollectionName, RecordCodec } from './collections.js';
import type { FsContext, QuerySpec } from './context.js';
import { sessionDoc } from './firestore-access.repositories.js';

const deletionLogDoc = (entry: DeletionLogEntry): DocumentData =>
  pack(entry, { kind: entry.kind, createdAt: entry.createdAt });

/** The key a document id was made from (the inverse of the context's `docId`, which marks encoded ids with '~'). */
function keyOf(snapshot: QueryDocumentSnapshot): string {
  const id = snapshot.ref.id;
  return id.startsWith('~') ? Buffer.from(id.slice(1), 'base64url').toString('utf8') : id;
}

/** Replaces every string equal to `from` anywhere in a JSON value (review histories nest the person's id). */
function replaceDeep(value: unknown, from: string, to: string): unknown {
  if (value === from) return to;
  if (Array.isArray(value)) return value.map((v) => replaceDeep(v, from, to));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceDeep(v, from, to)]));
  return value;
}

const inWorkspace = (
  collection: CollectionName,
  workspaceId: string,
  ...more: [string, string][]
): QuerySpec => ({
  collection,
  where: [['workspaceId', '==', workspaceId], ...more.map(([f, v]): [string, '==', string] => [f, '==', v])],
});

/**
 * Every method works in or out of a transaction. The services call `deleteWorkspace` and `deleteUser` outside
 * one: a workspace can hold far more than the 500 writes a Firestore transaction (or batch) takes, so its
 * records go in batches, children first and the workspace (or the user) last, and a run cut short is finished
 * by running it again. `handOver` and `deleteConnectionData` run inside the caller's transaction (a few records).
 */
export function firestoreErasure(ctx: FsContext): ErasureRepository {
  /** Deletes one document when it is there (and, with `owner`, only when it belongs to that workspace). */
  const deleteOne = async (collection: CollectionName, id: string, owner?: string): Promise<number> => {
    const doc = await ctx.get(collection, id);
    if (!doc || (owner !== undefined && doc.workspaceId !== owner)) return 0;
    await ctx.delete(collection, id);
    return 1;
  };

  /**
   * Rewrites a record's JSON and any indexed field holding `from` (e.g. `createdBy`, an actor field), so the
   * record and the fields its queries read stay in step without knowing each collection's document builder.
   */
  const rewrite = async (
    collection: CollectionName,
    snapshot: QueryDocumentSnapshot,
    record: unknown,
    from: string,
    to: string,
  ) => {
    const fields: DocumentData = { data: JSON.stringify(record) };
    for (const [field, value] of Object.entries(snapshot.data()))
      if (field !== 'data' && value === from) fields[field] = to;
    await ctx.update(collection, keyOf(snapshot), fields);
  };

  /** Deletes a unique-key guard document when it still names the record being deleted. */
  const deleteGuard = async (collection: CollectionName, key: string, field: string, recordId: string) => {
    const guard = await ctx.get(collection, key);
    if (guard?.[field] === recordId) await ctx.delete(collection, key);
  };

  return {
    deleteWorkspace: async (workspaceId) => {
      const read = async <T>(collection: CollectionName) =>
        (await ctx.rows(inWorkspace(collection, workspaceId))).map(unpack<T>);
      const versions = await read<Version>('versions');
      const assets = await read<MediaAsset>('mediaAssets');
      const publications = await read<Publication>('publications');
      const jobs = await read<Job>('jobs');
      const connections = await ctx.query(inWorkspace('connections', workspaceId));
      const mediaKeys = new Set<string>();
      for (const key of [
        ...assets.map((a) => a.mediaKey),
        ...versions.flatMap((v) => [v.outputs?.videoKey, v.outputs?.coverKey]),
      ])
        if (typeof key === 'string' && key !== '') mediaKeys.add(key);

      const counts: DeletionCounts = {
        canceledPublications: publications.filter((p) => p.status === 'scheduled' || p.status === 'queued')
          .length,
      };
      const all = (collection: CollectionName) => ctx.deleteWhere(inWorkspace(collection, workspaceId));
      counts.statsSnapshots = await all('snapshots');
      // Stats calls are logged per connection (the binding field); a connection id names one workspace.
      counts.statsCalls = 0;
      for (const c of connections)
        counts.statsCalls += await ctx.deleteWhere({
          collection: 'statsCalls',
          where: [['connectionId', '==', keyOf(c)]],
        });
      await all('trackedVideoPosts');
      counts.trackedVideos = await all('trackedVideos');
      // Unique-key guards go with their records, so a new workspace's key is never refused by a deleted one.
      for (const p of publications)
        if (p.idempotencyKey)
          await deleteGuard('publicationKeys', `${workspaceId}:${p.idempotencyKey}`, 'publicationId', p.id);
      counts.publications = await all('publications');
      counts.reviews = await all('reviews');
      counts.versions = await all('versions');
      counts.items = await all('contentItems');
      counts.stageCache = await all('stageCache');
      for (const j of jobs)
        if (j.idempotencyKey) await deleteGuard('jobKeys', j.idempotencyKey, 'jobId', j.id);
      counts.jobs = await all('jobs');
      counts.mediaAssets = await all('mediaAssets');
      counts.tokens = await all('sealedTokens');
      // The guards' ids hold platform account ids (personal data): they go with their connections.
      await all('connectionAccounts');
      counts.connections = await all('connections');
      counts.oauthStates = await all('oauthStates');
      counts.auditEvents = await all('auditEvents');
      counts.invitations = await all('invitations');
      counts.memberships = await all('memberships');
      // A session's `workspaceId` is its current workspace: those left belong to people with no other one.
      counts.sessions = await all('sessions');
      counts.workspaces = await deleteOne('workspaces', workspaceId);
      return { counts, mediaKeys: [...mediaKeys] };
    },

    handOver: async (workspaceId, fromUserId, toUserId) => {
      const items = await ctx.query(inWorkspace('contentItems', workspaceId, ['createdBy', fromUserId]));
      // Publications, reviews and audit events do not index the person, so the workspace's are read and
      // filtered here; a hand-over happens once per leaving member, scoped to one workspace.
      const publications = await ctx.query(inWorkspace('publications', workspaceId));
      const reviews = await ctx.query(inWorkspace('reviews', workspaceId));
      const audit = await ctx.query(inWorkspace('auditEvents', workspaceId));
      const invitations = new Map<string, QueryDocumentSnapshot>();
      for (const field of ['invitedBy', 'acceptedBy'])
        for (const s of await ctx.query(inWorkspace('invitations', workspaceId, [field, fromUserId])))
          invitations.set(s.ref.path, s);
      const flows = await ctx.query(inWorkspace('oauthStates', workspaceId, ['userId', fromUserId]));

      const counts: DeletionCounts = { items: 0, publications: 0, auditEvents: 0, reviews: 0 };
      for (const s of items) {
        await rewrite(
          'contentItems',
          s,
          { ...unpack<object>(s.data()), createdBy: toUserId },
          fromUserId,
          toUserId,
        );
        counts.items = (counts.items ?? 0) + 1;
      }
      for (const s of publications) {
        const p = unpack<Publication>(s.data());
        if (p.createdBy !== fromUserId) continue;
        await rewrite('publications', s, { ...p, createdBy: toUserId }, fromUserId, toUserId);
        counts.publications = (counts.publications ?? 0) + 1;
      }
      for (const s of audit) {
        const event = unpack<{ actorUserId: string | null }>(s.data());
        if (event.actorUserId !== fromUserId) continue;
        await rewrite(
          'auditEvents',
          s,
          { ...event, actorUserId: DELETED_MEMBER },
          fromUserId,
          DELETED_MEMBER,
        );
        counts.auditEvents = (counts.auditEvents ?? 0) + 1;
      }
      for (const s of reviews) {
        // A review names its submitter, its decider and each step's actor anywhere in its JSON.
        if (!(s.data().data as string).includes(fromUserId)) continue;
        const review = replaceDeep(unpack<unknown>(s.data()), fromUserId, DELETED_MEMBER);
        await rewrite('reviews', s, review, fromUserId, DELETED_MEMBER);
        counts.reviews = (counts.reviews ?? 0) + 1;
      }
      for (const s of invitations.values()) await ctx.deleteRef(s.ref);
      for (const s of flows) await ctx.deleteRef(s.ref);
      return { ...counts, invitations: invitations.size, oauthStates: flows.length };
    },

    moveSessions: async (userId, fromWorkspaceId, toWorkspaceId) => {
      const sessions = (await ctx.rows(inWorkspace('sessions', fromWorkspaceId, ['userId', userId]))).map(
        unpack<Session>,
      );
      for (const s of sessions)
        await ctx.set('sessions', s.id, sessionDoc({ ...s, currentWorkspaceId: toWorkspaceId }));
      return sessions.length;
    },

    deleteUser: async (userId, email) => {
      const invitations = new Map<string, QueryDocumentSnapshot>();
      for (const [field, value] of [
        ['email', email],
        ['invitedBy', userId],
        ['acceptedBy', userId],
      ] as const)
        for (const s of await ctx.query({ collection: 'invitations', where: [[field, '==', value]] }))
          invitations.set(s.ref.path, s);
      for (const s of invitations.values()) await ctx.deleteRef(s.ref);
      const byUser = (collection: CollectionName) =>
        ctx.deleteWhere({ collection, where: [['userId', '==', userId]] });
      const counts: DeletionCounts = {
        invitations: invitations.size,
        oauthStates: await byUser('oauthStates'),
        sessions: await byUser('sessions'),
        passwordResets: await byUser('passwordResets'),
        memberships: await byUser('memberships'),
      };
      // The user and their email's guard go together: neither is ever left without the other.
      counts.users = await ctx.atomic(async (tx) => {
        const doc = await tx.get('users', userId);
        if (!doc) return 0;
        const stored = unpack<{ email: string }>(doc).email;
        for (const key of new Set([stored, email])) {
          const guard = await tx.get('userEmails', key);
          if (guard?.userId === userId) await tx.delete('userEmails', key);
        }
        await tx.delete('users', userId);
        return 1;
      });
      return counts;
    },

    deleteConnectionData: async (workspaceId, connectionId) => {
      const videos = await ctx.query(
        inWorkspace('trackedVideos', workspaceId, ['connectionId', connectionId]),
      );
      let statsSnapshots = 0;
      for (const v of videos)
        statsSnapshots += await ctx.deleteWhere(
          inWorkspace('snapshots', workspaceId, ['trackedVideoId', keyOf(v)]),
        );
      const statsCalls = await ctx.deleteWhere({
        collection: 'statsCalls',
        where: [['connectionId', '==', connectionId]],
      });
      for (const v of videos) await ctx.deleteRef(v.ref);
      await ctx.deleteWhere(inWorkspace('trackedVideoPosts', workspaceId, ['connectionId', connectionId]));
      // The account guard's id holds the platform account id (personal data): it goes with the connection.
      await ctx.deleteWhere(inWorkspace('connectionAccounts', workspaceId, ['connectionId', connectionId]));
      return {
        statsSnapshots,
        statsCalls,
        trackedVideos: videos.length,
        auditEvents: await ctx.deleteWhere(
          inWorkspace('auditEvents', workspaceId, ['connectionId', connectionId]),
        ),
        tokens: await deleteOne('sealedTokens', connectionId, workspaceId),
        connections: await deleteOne('connections', connectionId, workspaceId),
      };
    },

    logDeletion: (entry) => ctx.create('deletionLog', entry.id, deletionLogDoc(entry)),

    findLog: async (id) => {
      const doc = await ctx.get('deletionLog', id);
      const entry = doc ? unpack<DeletionLogEntry>(doc) : null;
      return entry && (DELETION_KINDS as readonly string[]).includes(entry.kind) ? entry : null;
    },

    // Nothing to do: the store keeps no files of this process's own. A deleted document is gone from every read
    // at once, and Google erases its storage on its own schedule; with point-in-time recovery enabled on the
    // database, old versions stay readable to the project's admins for up to 7 days (docs/firestore.md).
    purgeDeleted: async () => undefined,
  };
}

export const erasureCodecs: RecordCodec[] = [
  {
    collection: 'deletionLog',
    toDocs: (record) => {
      const entry = record as DeletionLogEntry;
      return [{ collection: 'deletionLog', id: entry.id, doc: deletionLogDoc(entry) }];
    },
  },
];
