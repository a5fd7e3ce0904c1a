import type { DocumentData } from '@google-cloud/firestore';
import type { SealedTokens } from '../../../ports/token-vault.js';
import { pack, unpack } from './codec.js';
import type { FsContext } from './context.js';

/** What a `sealedTokens` document holds (id = connectionId): the vault's sealed record and when it was saved. */
export interface SealedTokensRecord {
  workspaceId: string;
  connectionId: string;
  sealed: SealedTokens;
  at: string;
}

export const sealedTokensDoc = (record: SealedTokensRecord): DocumentData =>
  pack(record, { workspaceId: record.workspaceId, connectionId: record.connectionId });

/** The stored record of a connection's tokens, only when it belongs to `workspaceId` (tenant scoping). */
export async function readSealed(
  ctx: FsContext,
  workspaceId: string,
  connectionId: string,
): Promise<SealedTokensRecord | null> {
  const doc = await ctx.get('sealedTokens', connectionId);
  return doc && doc.workspaceId === workspaceId ? unpack<SealedTokensRecord>(doc) : null;
}

const sameSealed = (a: SealedTokens, b: SealedTokens) =>
  a.wrappedKey === b.wrappedKey && a.ciphertext === b.ciphertext;

/** The token half of the connection repository: sealed records kept apart from the connection metadata. */
export function sealedTokensOf(ctx: FsContext) {
  return {
    saveTokens: (workspaceId: string, connectionId: string, sealed: SealedTokens, at: string) =>
      ctx.atomic(async (tx) => {
        // A record of another workspace, or a connection that is not this workspace's, is left alone.
        const [existing, connection] = await Promise.all([
          tx.get('sealedTokens', connectionId),
          tx.get('connections', connectionId),
        ]);
        if (existing && existing.workspaceId !== workspaceId) return;
        if (!connection || connection.workspaceId !== workspaceId) return;
        await tx.set(
          'sealedTokens',
          connectionId,
          sealedTokensDoc({ workspaceId, connectionId, sealed, at }),
        );
      }),
    loadTokens: async (workspaceId: string, connectionId: string) =>
      (await readSealed(ctx, workspaceId, connectionId))?.sealed ?? null,
    deleteTokens: (workspaceId: string, connectionId: string) =>
      ctx.atomic(async (tx) => {
        if (await readSealed(tx, workspaceId, connectionId)) await tx.delete('sealedTokens', connectionId);
      }),
    listSealedAfter: async (afterConnectionId: string, limit: number) => {
      const rows = await ctx.rows({
        collection: 'sealedTokens',
        where: [['connectionId', '>', afterConnectionId]],
        orderBy: [['connectionId', 'asc']],
        limit,
      });
      return rows.map((doc) => {
        const r = unpack<SealedTokensRecord>(doc);
        return { connectionId: r.connectionId, workspaceId: r.workspaceId, sealed: r.sealed };
      });
    },
    // Compare-and-swap in a transaction: a refresh that saved new tokens since `expected` was read wins.
    replaceSealed: (workspaceId: string, connectionId: string, expected: SealedTokens, next: SealedTokens) =>
      ctx.atomic(async (tx) => {
        const current = await readSealed(tx, workspaceId, connectionId);
        if (!current || !sameSealed(current.sealed, expected)) return false;
        await tx.set('sealedTokens', connectionId, sealedTokensDoc({ ...current, sealed: next }));
        return true;
      }),
  };
}
