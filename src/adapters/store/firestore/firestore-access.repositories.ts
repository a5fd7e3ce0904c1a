import type { DocumentData } from '@google-cloud/firestore';
import type { Invitation, PasswordReset, Session } from '../../../domain/people.js';
import type {
  InvitationRepository,
  PasswordResetRepository,
  SessionRepository,
} from '../../../ports/store.js';
import { decodeCursor, pack, toPage, unpack } from './codec.js';
import type { RecordCodec } from './collections.js';
import type { FsContext } from './context.js';

const byKey =
  <T>(keyOf: (row: T) => string) =>
  (a: T, b: T) =>
    keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0;

/** `workspaceId` is the session's current workspace: deleting a workspace finds the sessions pointing at it. */
export const sessionDoc = (s: Session): DocumentData =>
  pack(s, { userId: s.userId, workspaceId: s.currentWorkspaceId, expiresAt: s.expiresAt });

export const invitationDoc = (i: Invitation): DocumentData =>
  pack(i, {
    id: i.id,
    workspaceId: i.workspaceId,
    email: i.email,
    tokenHash: i.tokenHash,
    invitedBy: i.invitedBy,
    acceptedBy: i.acceptedBy,
    createdAt: i.createdAt,
    acceptedAt: i.acceptedAt,
    expiresAt: i.expiresAt,
  });

/** A reset's document id is its token hash (encoded by the context when it is not a safe id). */
export const passwordResetDoc = (r: PasswordReset): DocumentData =>
  pack(r, { userId: r.userId, expiresAt: r.expiresAt });

export function firestoreSessions(ctx: FsContext): SessionRepository {
  return {
    create: (s) => ctx.create('sessions', s.id, sessionDoc(s)),
    findById: async (id) => {
      const doc = await ctx.get('sessions', id);
      return doc ? unpack<Session>(doc) : null;
    },
    setCurrentWorkspace: (id, workspaceId) =>
      ctx.atomic(async (tx) => {
        const doc = await tx.get('sessions', id);
        if (doc)
          await tx.set(
            'sessions',
            id,
            sessionDoc({ ...unpack<Session>(doc), currentWorkspaceId: workspaceId }),
          );
      }),
    delete: (id) => ctx.delete('sessions', id),
    deleteByUser: async (userId) => {
      await ctx.deleteWhere({ collection: 'sessions', where: [['userId', '==', userId]] });
    },
    deleteExpired: (before) =>
      ctx.deleteWhere({ collection: 'sessions', where: [['expiresAt', '<=', before]] }),
    listByUser: async (userId) =>
      // One person's sessions are few: ordered here rather than by a composite index.
      (await ctx.rows({ collection: 'sessions', where: [['userId', '==', userId]] }))
        .map(unpack<Session>)
        .sort(byKey((s) => `${s.createdAt}\u0000${s.id}`)),
  };
}

export function firestoreInvitations(ctx: FsContext): InvitationRepository {
  const inWorkspace = async (reader: FsContext, workspaceId: string, id: string) => {
    const doc = await reader.get('invitations', id);
    const found = doc ? unpack<Invitation>(doc) : null;
    return found?.workspaceId === workspaceId ? found : null;
  };
  return {
    create: (i) => ctx.create('invitations', i.id, invitationDoc(i)),
    listPending: async (workspaceId, now, page) => {
      // Unaccepted invitations newest id first; the expired among them are skipped here (an inequality on
      // expiresAt would have to lead the ordering), reading on until the page is full or none are left.
      let after = decodeCursor(page.cursor, 1);
      const pending: Invitation[] = [];
      for (;;) {
        const batch = (
          await ctx.rows({
            collection: 'invitations',
            where: [
              ['workspaceId', '==', workspaceId],
              ['acceptedAt', '==', null],
            ],
            orderBy: [['id', 'desc']],
            ...(after ? { startAfter: after } : {}),
            limit: page.limit + 1,
          })
        ).map(unpack<Invitation>);
        pending.push(...batch.filter((i) => i.expiresAt > now));
        const last = batch[batch.length - 1];
        if (pending.length > page.limit || batch.length <= page.limit || !last) break;
        after = [last.id];
      }
      return toPage(pending, page.limit, (i) => [i.id]);
    },
    findById: (workspaceId, id) => inWorkspace(ctx, workspaceId, id),
    findByTokenHash: async (tokenHash) => {
      const [doc] = await ctx.rows({
        collection: 'invitations',
        where: [['tokenHash', '==', tokenHash]],
        limit: 1,
      });
      return doc ? unpack<Invitation>(doc) : null;
    },
    markAccepted: (workspaceId, id, userId, at) =>
      ctx.atomic(async (tx) => {
        const found = await inWorkspace(tx, workspaceId, id);
        if (!found || found.acceptedAt !== null) return false;
        await tx.set('invitations', id, invitationDoc({ ...found, acceptedAt: at, acceptedBy: userId }));
        return true;
      }),
    delete: (workspaceId, id) =>
      ctx.atomic(async (tx) => {
        if (!(await inWorkspace(tx, workspaceId, id))) return false;
        await tx.delete('invitations', id);
        return true;
      }),
    listAllByWorkspace: async (workspaceId) =>
      (
        await ctx.rows({
          collection: 'invitations',
          where: [['workspaceId', '==', workspaceId]],
          orderBy: [['id', 'asc']],
        })
      ).map(unpack<Invitation>),
    listByEmail: async (email) =>
      // Invitations sent to one address are few: ordered here rather than by a composite index.
      (await ctx.rows({ collection: 'invitations', where: [['email', '==', email]] }))
        .map(unpack<Invitation>)
        .sort(byKey((i) => i.id)),
  };
}

export function firestorePasswordResets(ctx: FsContext): PasswordResetRepository {
  return {
    create: (r) => ctx.create('passwordResets', r.tokenHash, passwordResetDoc(r)),
    find: async (tokenHash) => {
      const doc = await ctx.get('passwordResets', tokenHash);
      return doc ? unpack<PasswordReset>(doc) : null;
    },
    consume: (tokenHash, now) =>
      ctx.atomic(async (tx) => {
        const doc = await tx.get('passwordResets', tokenHash);
        const reset = doc ? unpack<PasswordReset>(doc) : null;
        if (!reset || reset.usedAt !== null || reset.expiresAt <= now) return null;
        await tx.set('passwordResets', tokenHash, passwordResetDoc({ ...reset, usedAt: now }));
        return reset.userId;
      }),
    deleteByUser: async (userId) => {
      await ctx.deleteWhere({ collection: 'passwordResets', where: [['userId', '==', userId]] });
    },
  };
}

export const accessCodecs: RecordCodec[] = [
  {
    collection: 'sessions',
    toDocs: (record) => {
      const s = record as Session;
      return [{ collection: 'sessions', id: s.id, doc: sessionDoc(s) }];
    },
  },
  {
    collection: 'invitations',
    toDocs: (record) => {
      const i = record as Invitation;
      return [{ collection: 'invitations', id: i.id, doc: invitationDoc(i) }];
    },
  },
  {
    collection: 'passwordResets',
    toDocs: (record) => {
      const r = record as PasswordReset;
      return [{ collection: 'passwordResets', id: r.tokenHash, doc: passwordResetDoc(r) }];
    },
  },
];
