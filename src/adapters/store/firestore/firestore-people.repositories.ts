import type { DocumentData } from '@google-cloud/firestore';
import { UserError } from '../../../domain/errors.js';
import type {
  MemberDetails,
  Membership,
  User,
  Workspace,
  WorkspaceMembership,
} from '../../../domain/people.js';
import type { MembershipRepository, UserRepository, WorkspaceRepository } from '../../../ports/store.js';
import { decodeCursor, pack, toPage, unpack } from './codec.js';
import type { DocWrite, RecordCodec } from './collections.js';
import type { FsContext } from './context.js';

/** gRPC ALREADY_EXISTS: a `create` found the document there. */
const ALREADY_EXISTS = 6;

const isAlreadyExists = (error: unknown) => (error as { code?: unknown }).code === ALREADY_EXISTS;

const emailTaken = () =>
  new UserError('conflict', 'email_taken', 'An account with this email already exists');

/** A user's document and the guard that keeps its email unique (id = the normalized email). */
export function userDocs(user: User): DocWrite[] {
  return [
    { collection: 'users', id: user.id, doc: pack(user, { email: user.email }) },
    { collection: 'userEmails', id: user.email, doc: { userId: user.id } },
  ];
}

export const workspaceDoc = (workspace: Workspace): DocumentData => pack(workspace, { id: workspace.id });

/** Memberships are keyed by workspace and user, so a second one of the same pair cannot be created. */
export const membershipDocId = (workspaceId: string, userId: string) => `${workspaceId}:${userId}`;

export const membershipDoc = (m: Membership): DocumentData =>
  pack(m, { id: m.id, workspaceId: m.workspaceId, userId: m.userId, role: m.role, joinedAt: m.joinedAt });

export function firestoreUsers(ctx: FsContext): UserRepository {
  return {
    create: async (user) => {
      try {
        await ctx.atomic(async (tx) => {
          // The guard is read first so two clients racing are serialized by the transaction: one sees the other's.
          if (await tx.get('userEmails', user.email)) throw emailTaken();
          // `create` also fails the commit if a guard appeared anyway (a caller's transaction that read nothing).
          for (const { collection, id, doc } of userDocs(user)) await tx.create(collection, id, doc);
        });
      } catch (error) {
        if (isAlreadyExists(error)) throw emailTaken();
        throw error;
      }
    },
    findByEmail: async (email) => {
      const [doc] = await ctx.rows({ collection: 'users', where: [['email', '==', email]], limit: 1 });
      return doc ? unpack<User>(doc) : null;
    },
    findById: async (id) => {
      const doc = await ctx.get('users', id);
      return doc ? unpack<User>(doc) : null;
    },
    updatePasswordHash: (id, passwordHash) =>
      ctx.atomic(async (tx) => {
        const doc = await tx.get('users', id);
        if (!doc) return;
        await tx.update('users', id, { data: JSON.stringify({ ...unpack<User>(doc), passwordHash }) });
      }),
  };
}

export function firestoreWorkspaces(ctx: FsContext): WorkspaceRepository {
  const change = (workspaceId: string, edit: (w: Workspace) => Workspace) =>
    ctx.atomic(async (tx) => {
      const doc = await tx.get('workspaces', workspaceId);
      if (doc) await tx.set('workspaces', workspaceId, workspaceDoc(edit(unpack<Workspace>(doc))));
    });
  return {
    create: (workspace) => ctx.create('workspaces', workspace.id, workspaceDoc(workspace)),
    findById: async (workspaceId) => {
      const doc = await ctx.get('workspaces', workspaceId);
      return doc ? unpack<Workspace>(doc) : null;
    },
    rename: (workspaceId, name) => change(workspaceId, (w) => ({ ...w, name })),
    updateSettings: (workspaceId, settings) => change(workspaceId, (w) => ({ ...w, settings })),
    listAll: async (page) => {
      const after = decodeCursor(page.cursor, 1);
      const rows = await ctx.rows({
        collection: 'workspaces',
        orderBy: [['id', 'asc']],
        ...(after ? { startAfter: after } : {}),
        limit: page.limit + 1,
      });
      return toPage(rows.map(unpack<Workspace>), page.limit, (w) => [w.id]);
    },
  };
}

export function firestoreMemberships(ctx: FsContext): MembershipRepository {
  const find = async (workspaceId: string, userId: string) => {
    const doc = await ctx.get('memberships', membershipDocId(workspaceId, userId));
    return doc ? unpack<Membership>(doc) : null;
  };
  return {
    add: (m) => ctx.create('memberships', membershipDocId(m.workspaceId, m.userId), membershipDoc(m)),
    find,
    listByWorkspace: async (workspaceId, page) => {
      const after = decodeCursor(page.cursor, 1);
      const rows = await ctx.rows({
        collection: 'memberships',
        where: [['workspaceId', '==', workspaceId]],
        orderBy: [['id', 'asc']],
        ...(after ? { startAfter: after } : {}),
        limit: page.limit + 1,
      });
      const { items, nextCursor } = toPage(rows.map(unpack<Membership>), page.limit, (m) => [m.id]);
      const users = new Map(
        (await ctx.getMany('users', [...new Set(items.map((m) => m.userId))]))
          .map(unpack<User>)
          .map((u) => [u.id, u]),
      );
      // As the SQL join does, a membership whose user is gone is left out (the cursor still follows the rows).
      return {
        items: items.flatMap((m): MemberDetails[] => {
          const u = users.get(m.userId);
          return u ? [{ ...m, email: u.email, name: u.name }] : [];
        }),
        nextCursor,
      };
    },
    listByUser: async (userId) => {
      // A person belongs to a handful of workspaces: read them all and order here, with no composite index.
      const memberships = (await ctx.rows({ collection: 'memberships', where: [['userId', '==', userId]] }))
        .map(unpack<Membership>)
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const names = new Map(
        (await ctx.getMany('workspaces', [...new Set(memberships.map((m) => m.workspaceId))]))
          .map(unpack<Workspace>)
          .map((w) => [w.id, w.name]),
      );
      return memberships.flatMap((m): WorkspaceMembership[] => {
        const workspaceName = names.get(m.workspaceId);
        return workspaceName === undefined ? [] : [{ ...m, workspaceName }];
      });
    },
    updateRole: (workspaceId, userId, role) =>
      ctx.atomic(async (tx) => {
        const id = membershipDocId(workspaceId, userId);
        const doc = await tx.get('memberships', id);
        if (doc) await tx.set('memberships', id, membershipDoc({ ...unpack<Membership>(doc), role }));
      }),
    remove: (workspaceId, userId) => ctx.delete('memberships', membershipDocId(workspaceId, userId)),
    // The owners' documents are read rather than counted by the server: a transaction's query locks the documents
    // it returns (documented), so two owners demoting each other at once cannot both pass the last-owner check.
    // Owners are few.
    countOwners: async (workspaceId) =>
      (
        await ctx.rows({
          collection: 'memberships',
          where: [
            ['workspaceId', '==', workspaceId],
            ['role', '==', 'owner'],
          ],
        })
      ).length,
  };
}

export const peopleCodecs: RecordCodec[] = [
  { collection: 'users', toDocs: (record) => userDocs(record as User) },
  {
    collection: 'workspaces',
    toDocs: (record) => {
      const w = record as Workspace;
      return [{ collection: 'workspaces', id: w.id, doc: workspaceDoc(w) }];
    },
  },
  {
    collection: 'memberships',
    toDocs: (record) => {
      const m = record as Membership;
      return [
        { collection: 'memberships', id: membershipDocId(m.workspaceId, m.userId), doc: membershipDoc(m) },
      ];
    },
  },
];
