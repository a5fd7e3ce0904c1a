import type { DocumentData } from '@google-cloud/firestore';
import type { Connection, Platform } from '../../../domain/connection.js';
import { UserError } from '../../../domain/errors.js';
import type { ConnectionRepository } from '../../../ports/store.js';
import { decodeCursor, pack, toPage, unpack } from './codec.js';
import type { DocWrite, RecordCodec } from './collections.js';
import type { FsContext, QuerySpec } from './context.js';
import { sealedTokensDoc, sealedTokensOf, type SealedTokensRecord } from './firestore-sealed-tokens.js';

/** Fields of a connection document other than the refresh lease, which only the lease methods write. */
function connectionFields(c: Connection): DocumentData {
  return pack(c, {
    id: c.id,
    workspaceId: c.workspaceId,
    platform: c.platform,
    externalAccountId: c.externalAccountId,
    // The account id and its aliases in one array, so platform events find a connection by either.
    accountKeys: [...new Set([c.externalAccountId, ...c.aliases])],
    nextRefreshAt: c.nextRefreshAt,
  });
}

/** The guard that keeps one connection per workspace, platform and account. */
const accountGuardId = (c: Pick<Connection, 'workspaceId' | 'platform' | 'externalAccountId'>) =>
  `${c.workspaceId}:${c.platform}:${c.externalAccountId}`;

const accountGuardWrite = (c: Connection): DocWrite => ({
  collection: 'connectionAccounts',
  id: accountGuardId(c),
  doc: { workspaceId: c.workspaceId, connectionId: c.id },
});

/**
 * Whether another live connection holds the account guard. A guard left behind by a connection deleted some
 * other way (workspace or connection erasure) no longer counts, so it never blocks reconnecting the account.
 */
async function accountHeldByAnother(tx: FsContext, c: Connection): Promise<boolean> {
  const guard = await tx.get('connectionAccounts', accountGuardId(c));
  if (!guard || guard.connectionId === c.id) return false;
  const holder = await tx.get('connections', guard.connectionId as string);
  return (
    holder !== null &&
    holder.workspaceId === c.workspaceId &&
    holder.platform === c.platform &&
    holder.externalAccountId === c.externalAccountId
  );
}

const accountTaken = (c: Connection) =>
  new UserError(
    'conflict',
    'connection_exists',
    `This workspace already has a connection to ${c.platform} account`,
  );

/** The document of a workspace's connection, or null (another workspace's is as good as missing). */
async function scoped(ctx: FsContext, workspaceId: string, id: string): Promise<DocumentData | null> {
  const doc = await ctx.get('connections', id);
  return doc && doc.workspaceId === workspaceId ? doc : null;
}

/** How many due connections one query of `listDueRefreshes` reads past the leased ones it skips. */
const DUE_BATCH = 50;

/** Connections and their sealed tokens; the refresh lease is a field of the connection document. */
export function firestoreConnections(ctx: FsContext): ConnectionRepository {
  const one = async (spec: QuerySpec) => {
    const [doc] = await ctx.rows({ ...spec, limit: 1 });
    return doc ? unpack<Connection>(doc) : null;
  };
  return {
    create: (c) =>
      ctx.atomic(async (tx) => {
        const [existing, taken] = await Promise.all([
          tx.get('connections', c.id),
          accountHeldByAnother(tx, c),
        ]);
        if (existing) throw new UserError('conflict', 'connection_exists', 'The connection already exists');
        if (taken) throw accountTaken(c);
        await tx.set('connections', c.id, { ...connectionFields(c), leaseUntil: null });
        const guard = accountGuardWrite(c);
        await tx.set(guard.collection, guard.id, guard.doc);
      }),
    update: (c) =>
      ctx.atomic(async (tx) => {
        const doc = await scoped(tx, c.workspaceId, c.id);
        if (!doc) return;
        const before = unpack<Connection>(doc);
        const moved = accountGuardId(before) !== accountGuardId(c);
        if (moved && (await accountHeldByAnother(tx, c))) throw accountTaken(c);
        // `update`, not `set`: the refresh lease held by a refresh in progress stays.
        await tx.update('connections', c.id, connectionFields(c));
        if (moved) {
          const guard = accountGuardWrite(c);
          await tx.set(guard.collection, guard.id, guard.doc);
          await tx.delete('connectionAccounts', accountGuardId(before));
        }
      }),
    findById: async (workspaceId, id) => {
      const doc = await scoped(ctx, workspaceId, id);
      return doc ? unpack<Connection>(doc) : null;
    },
    findByAccount: (workspaceId, platform, externalAccountId) =>
      one({
        collection: 'connections',
        where: [
          ['workspaceId', '==', workspaceId],
          ['platform', '==', platform],
          ['externalAccountId', '==', externalAccountId],
        ],
      }),
    findAllByAccount: async (platform: Platform, accountIdOrAlias: string) => {
      const rows = await ctx.rows({
        collection: 'connections',
        where: [
          ['platform', '==', platform],
          ['accountKeys', 'array-contains', accountIdOrAlias],
        ],
        orderBy: [['id', 'asc']],
      });
      return rows.map((doc) => unpack<Connection>(doc));
    },
    listByWorkspace: async (workspaceId, page) => {
      const after = decodeCursor(page.cursor, 1);
      const rows = await ctx.rows({
        collection: 'connections',
        where: [['workspaceId', '==', workspaceId]],
        orderBy: [['id', 'asc']],
        ...(after ? { startAfter: after } : {}),
        limit: page.limit + 1,
      });
      return toPage(
        rows.map((doc) => unpack<Connection>(doc)),
        page.limit,
        (c) => [c.id],
      );
    },
    delete: (workspaceId, id) =>
      ctx.atomic(async (tx) => {
        const doc = await scoped(tx, workspaceId, id);
        if (!doc) return false;
        const c = unpack<Connection>(doc);
        const guard = await tx.get('connectionAccounts', accountGuardId(c));
        // Its tokens go with it, as SQLite's cascade does.
        await tx.delete('connections', id);
        await tx.delete('sealedTokens', id);
        if (guard?.connectionId === id) await tx.delete('connectionAccounts', accountGuardId(c));
        return true;
      }),
    ...sealedTokensOf(ctx),
    listDueRefreshes: async (before, limit) => {
      // Leased connections cannot be filtered out by the same query (a second range field), so they are skipped
      // here; few are leased at once, so this reads little more than `limit` documents.
      const due: Connection[] = [];
      let after: unknown[] | undefined;
      while (due.length < limit) {
        const docs = await ctx.rows({
          collection: 'connections',
          where: [['nextRefreshAt', '<=', before]],
          orderBy: [
            ['nextRefreshAt', 'asc'],
            ['id', 'asc'],
          ],
          ...(after ? { startAfter: after } : {}),
          limit: DUE_BATCH,
        });
        for (const doc of docs) {
          const leased = typeof doc.leaseUntil === 'string' && doc.leaseUntil > before;
          if (!leased && due.length < limit) due.push(unpack<Connection>(doc));
        }
        const last = docs[docs.length - 1];
        if (docs.length < DUE_BATCH || !last) break;
        after = [last.nextRefreshAt, last.id];
      }
      return due;
    },
    // Read and write in one transaction: of two processes racing for the lease, one wins.
    acquireRefreshLease: (workspaceId, id, now, until) =>
      ctx.atomic(async (tx) => {
        const doc = await scoped(tx, workspaceId, id);
        if (!doc || (typeof doc.leaseUntil === 'string' && doc.leaseUntil > now)) return false;
        await tx.update('connections', id, { leaseUntil: until });
        return true;
      }),
    releaseRefreshLease: (workspaceId, id) =>
      ctx.atomic(async (tx) => {
        if (await scoped(tx, workspaceId, id)) await tx.update('connections', id, { leaseUntil: null });
      }),
  };
}

/** Connections (with their account guard) and sealed token records, as the repository writes them. */
export const connectionCodecs: RecordCodec[] = [
  {
    collection: 'connections',
    toDocs: (record) => {
      const c = record as Connection;
      return [
        { collection: 'connections', id: c.id, doc: { ...connectionFields(c), leaseUntil: null } },
        accountGuardWrite(c),
      ];
    },
  },
  {
    collection: 'sealedTokens',
    toDocs: (record) => {
      const r = record as SealedTokensRecord;
      return [{ collection: 'sealedTokens', id: r.connectionId, doc: sealedTokensDoc(r) }];
    },
  },
];
