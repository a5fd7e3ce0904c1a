import { UserError } from '../../../domain/errors.js';
import type {
  MemberDetails,
  Membership,
  User,
  Workspace,
  WorkspaceSettings,
  WorkspaceMembership,
} from '../../../domain/people.js';
import type { Role } from '../../../domain/roles.js';
import type { MembershipRepository, UserRepository, WorkspaceRepository } from '../../../ports/store.js';
import { decodeCursor, toPage } from './cursor.js';
import type { Db } from './database.js';
import type { Run } from './sqlite-store.js';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: string;
}
/** A users row as the domain User. */
export const toUser = (r: UserRow): User => ({
  id: r.id,
  email: r.email,
  name: r.name,
  passwordHash: r.password_hash,
  createdAt: r.created_at,
});

export interface MembershipRow {
  id: string;
  workspace_id: string;
  user_id: string;
  role: Role;
  joined_at: string;
}
/** A memberships row as the domain Membership. */
export const toMembership = (r: MembershipRow): Membership => ({
  id: r.id,
  workspaceId: r.workspace_id,
  userId: r.user_id,
  role: r.role,
  joinedAt: r.joined_at,
});

export function sqliteUsers(db: Db, run: Run): UserRepository {
  return {
    create: (u) =>
      run(() => {
        try {
          db.prepare(
            'INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
          ).run(u.id, u.email, u.name, u.passwordHash, u.createdAt);
        } catch (error) {
          if (String(error).includes('UNIQUE constraint failed: users.email')) {
            throw new UserError('conflict', 'email_taken', 'An account with this email already exists');
          }
          throw error;
        }
      }),
    findByEmail: (email) =>
      run(() => {
        const row = db.prepare('SELECT * FROM users WHERE email = ?').get(email) as UserRow | undefined;
        return row ? toUser(row) : null;
      }),
    findById: (id) =>
      run(() => {
        const row = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
        return row ? toUser(row) : null;
      }),
    updatePasswordHash: (id, hash) =>
      run(() => void db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(hash, id)),
  };
}

export interface WorkspaceRow {
  id: string;
  name: string;
  created_at: string;
  settings: string | null;
}

/** A workspaces row as the domain Workspace. */
export function toWorkspace(row: WorkspaceRow): Workspace {
  const workspace: Workspace = { id: row.id, name: row.name, createdAt: row.created_at };
  if (row.settings) workspace.settings = JSON.parse(row.settings) as WorkspaceSettings;
  return workspace;
}

export function sqliteWorkspaces(db: Db, run: Run): WorkspaceRepository {
  return {
    create: (w) =>
      run(
        () =>
          void db
            .prepare('INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)')
            .run(w.id, w.name, w.createdAt),
      ),
    findById: (workspaceId) =>
      run(() => {
        const row = db
          .prepare('SELECT id, name, created_at, settings FROM workspaces WHERE id = ?')
          .get(workspaceId) as WorkspaceRow | undefined;
        return row ? toWorkspace(row) : null;
      }),
    listAll: (page) =>
      run(() => {
        const rows = db
          .prepare('SELECT id, name, created_at, settings FROM workspaces WHERE id > ? ORDER BY id LIMIT ?')
          .all(decodeCursor(page.cursor) ?? '', page.limit + 1) as WorkspaceRow[];
        return toPage(rows.map(toWorkspace), page.limit, (w) => w.id);
      }),
    rename: (workspaceId, name) =>
      run(() => void db.prepare('UPDATE workspaces SET name = ? WHERE id = ?').run(name, workspaceId)),
    updateSettings: (workspaceId, settings) =>
      run(
        () =>
          void db
            .prepare('UPDATE workspaces SET settings = ? WHERE id = ?')
            .run(JSON.stringify(settings), workspaceId),
      ),
  };
}

export function sqliteMemberships(db: Db, run: Run): MembershipRepository {
  return {
    add: (m) =>
      run(
        () =>
          void db
            .prepare(
              'INSERT INTO memberships (id, workspace_id, user_id, role, joined_at) VALUES (?, ?, ?, ?, ?)',
            )
            .run(m.id, m.workspaceId, m.userId, m.role, m.joinedAt),
      ),
    find: (workspaceId, userId) =>
      run(() => {
        const row = db
          .prepare('SELECT * FROM memberships WHERE workspace_id = ? AND user_id = ?')
          .get(workspaceId, userId) as MembershipRow | undefined;
        return row ? toMembership(row) : null;
      }),
    listByWorkspace: (workspaceId, page) =>
      run(() => {
        const after = decodeCursor(page.cursor) ?? '';
        const rows = db
          .prepare(
            `SELECT m.*, u.email, u.name FROM memberships m JOIN users u ON u.id = m.user_id
             WHERE m.workspace_id = ? AND m.id > ? ORDER BY m.id LIMIT ?`,
          )
          .all(workspaceId, after, page.limit + 1) as (MembershipRow & { email: string; name: string })[];
        const details = rows.map((r): MemberDetails => ({
          ...toMembership(r),
          email: r.email,
          name: r.name,
        }));
        return toPage(details, page.limit, (m) => m.id);
      }),
    listByUser: (userId) =>
      run(() => {
        const rows = db
          .prepare(
            `SELECT m.*, w.name AS workspace_name FROM memberships m JOIN workspaces w ON w.id = m.workspace_id
             WHERE m.user_id = ? ORDER BY m.id`,
          )
          .all(userId) as (MembershipRow & { workspace_name: string })[];
        return rows.map((r): WorkspaceMembership => ({
          ...toMembership(r),
          workspaceName: r.workspace_name,
        }));
      }),
    updateRole: (workspaceId, userId, role) =>
      run(
        () =>
          void db
            .prepare('UPDATE memberships SET role = ? WHERE workspace_id = ? AND user_id = ?')
            .run(role, workspaceId, userId),
      ),
    remove: (workspaceId, userId) =>
      run(
        () =>
          void db
            .prepare('DELETE FROM memberships WHERE workspace_id = ? AND user_id = ?')
            .run(workspaceId, userId),
      ),
    countOwners: (workspaceId) =>
      run(() => {
        const row = db
          .prepare("SELECT COUNT(*) AS n FROM memberships WHERE workspace_id = ? AND role = 'owner'")
          .get(workspaceId) as { n: number };
        return row.n;
      }),
  };
}
