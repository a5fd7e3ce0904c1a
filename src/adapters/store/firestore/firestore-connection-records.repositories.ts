import type { DocumentData } from '@google-cloud/firestore';
import type { Platform } from '../../../domain/connection.js';
import type { AuditEvent, DeletionRequest, OAuthState } from '../../../domain/connection-records.js';
import { UserError } from '../../../domain/errors.js';
import type {
  AuditRepository,
  DeletionRequestRepository,
  OAuthStateRepository,
  WebhookReceiptRepository,
} from '../../../ports/store.js';
import { decodeCursor, pack, toPage, unpack } from './codec.js';
import type { CollectionName, RecordCodec } from './collections.js';
import type { FsContext } from './context.js';

/** What a `webhookReceipts` document holds (id = digest). */
export interface WebhookReceiptRecord {
  digest: string;
  platform: Platform;
  at: string;
}

const oauthStateDoc = (s: OAuthState) =>
  pack(s, { workspaceId: s.workspaceId, userId: s.userId, expiresAt: s.expiresAt });

const auditDoc = (e: AuditEvent) =>
  pack(e, {
    id: e.id,
    workspaceId: e.workspaceId,
    at: e.createdAt,
    connectionId: e.connectionId,
    actorUserId: e.actorUserId,
  });

const receiptDoc = (r: WebhookReceiptRecord) => pack(r, { at: r.at });

const deletionRequestDoc = (r: DeletionRequest) => pack(r);

/** Writes a new document, refusing an id already taken (read then write in one transaction: one winner). */
function createOnce(
  ctx: FsContext,
  collection: CollectionName,
  id: string,
  doc: DocumentData,
): Promise<void> {
  return ctx.atomic(async (tx) => {
    if (await tx.get(collection, id)) {
      throw new UserError('conflict', 'already_exists', `A record ${id} already exists in ${collection}`);
    }
    await tx.set(collection, id, doc);
  });
}

/** Pending OAuth flows; each state is consumed at most once, even by two callbacks racing. */
export function firestoreOAuthStates(ctx: FsContext): OAuthStateRepository {
  return {
    create: (s) => createOnce(ctx, 'oauthStates', s.stateHash, oauthStateDoc(s)),
    consume: (stateHash, now) =>
      ctx.atomic(async (tx) => {
        const doc = await tx.get('oauthStates', stateHash);
        if (!doc) return null;
        // Deleted even when expired: a state refused once stays refused.
        await tx.delete('oauthStates', stateHash);
        const state = unpack<OAuthState>(doc);
        return state.expiresAt <= now ? null : state;
      }),
    deleteExpired: (before) =>
      ctx.deleteWhere({ collection: 'oauthStates', where: [['expiresAt', '<=', before]] }),
  };
}

/** The audit log: append-only, listed newest first by id (ids grow with time). */
export function firestoreAudit(ctx: FsContext): AuditRepository {
  return {
    append: (e) => createOnce(ctx, 'auditEvents', e.id, auditDoc(e)),
    list: async (workspaceId, page) => {
      const before = decodeCursor(page.cursor, 1);
      const rows = await ctx.rows({
        collection: 'auditEvents',
        where: [['workspaceId', '==', workspaceId]],
        orderBy: [['id', 'desc']],
        ...(before ? { startAfter: before } : {}),
        limit: page.limit + 1,
      });
      return toPage(
        rows.map((doc) => unpack<AuditEvent>(doc)),
        page.limit,
        (e) => [e.id],
      );
    },
  };
}

/** Digests of platform events received; `remember` is true for exactly one of several racing deliveries. */
export function firestoreWebhookReceipts(ctx: FsContext): WebhookReceiptRepository {
  return {
    remember: (digest, platform, at) =>
      ctx.atomic(async (tx) => {
        if (await tx.get('webhookReceipts', digest)) return false;
        await tx.set('webhookReceipts', digest, receiptDoc({ digest, platform, at }));
        return true;
      }),
  };
}

/** Platform data deletion requests, found by their confirmation code. */
export function firestoreDeletionRequests(ctx: FsContext): DeletionRequestRepository {
  return {
    create: (r) => createOnce(ctx, 'deletionRequests', r.code, deletionRequestDoc(r)),
    find: async (code) => {
      const doc = await ctx.get('deletionRequests', code);
      return doc ? unpack<DeletionRequest>(doc) : null;
    },
  };
}

/** OAuth states, audit events, webhook receipts and deletion requests, as the repositories write them. */
export const connectionRecordCodecs: RecordCodec[] = [
  {
    collection: 'oauthStates',
    toDocs: (record) => {
      const s = record as OAuthState;
      return [{ collection: 'oauthStates', id: s.stateHash, doc: oauthStateDoc(s) }];
    },
  },
  {
    collection: 'auditEvents',
    toDocs: (record) => {
      const e = record as AuditEvent;
      return [{ collection: 'auditEvents', id: e.id, doc: auditDoc(e) }];
    },
  },
  {
    collection: 'webhookReceipts',
    toDocs: (record) => {
      const r = record as WebhookReceiptRecord;
      return [{ collection: 'webhookReceipts', id: r.digest, doc: receiptDoc(r) }];
    },
  },
  {
    collection: 'deletionRequests',
    toDocs: (record) => {
      const r = record as DeletionRequest;
      return [{ collection: 'deletionRequests', id: r.code, doc: deletionRequestDoc(r) }];
    },
  },
];
