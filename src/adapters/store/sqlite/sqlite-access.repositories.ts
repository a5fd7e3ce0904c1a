import type { Invitation, PasswordReset, Session } from '../../../domain/people.js';
import type { Role } from '../../../domain/roles.js';
import type {
  InvitationRepository,
  PasswordResetRepository,
  SessionRepository,
} from '../../../ports/store.js';
import { decodeCursor, toPage } from './cursor.js';
import type { Db } from './database.js';
import type { Run } from './sqlite-store.js';

export interface SessionRow {
  id: string;
  user_id: string;
  current_workspace_id: string;
  created_at: string;
  expires_at: string;
}
/** A sessions row as the domain Session. */
export const toSession = (r: SessionRow): Session => ({
  id: r.id,
  userId: r.user_id,
  currentWorkspaceId: r.current_workspace_id,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
});

export interface InvitationRow {
  id: string;
  workspace_id: string;
  email: string;
  role: Role;
  token_hash: string;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: string | null;
}
/** An invitations row as the domain Invitation. */
export const toInvitation = (r: InvitationRow): Invitation => ({
  id: r.id,
  workspaceId: r.workspace_id,
  email: r.email,
  role: r.role,
  tokenHash: r.token_hash,
  invitedBy: r.invited_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  acceptedAt: r.accepted_at,
  acceptedBy: r.accepted_by,
});

export interface PasswordResetRow {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}
/** A password_resets row as the domain PasswordReset. */
export const toPasswordReset = (r: PasswordResetRow): PasswordReset => ({
  tokenHash: r.token_hash,
  userId: r.user_id,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  usedAt: r.used_at,
});

export function sqliteSessions(db: Db, run: Run): SessionRepository {
  return {
    create: (s) =>
      run(
        () =>
          void db
            .prepare(
              'INSERT INTO sessions (id, user_id, current_workspace_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
            )
            .run(s.id, s.userId, s.currentWorkspaceId, s.createdAt, s.expiresAt),
      ),
    findById: (id) =>
      run(() => {
        const row = db.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as SessionRow | undefined;
        return row ? toSession(row) : null;
      }),
    setCurrentWorkspace: (id, workspaceId) =>
      run(
        () =>
          void db.prepare('UPDATE sessions SET current_workspace_id = ? WHERE id = ?').run(workspaceId, id),
      ),
    delete: (id) => run(() => void db.prepare('DELETE FROM sessions WHERE id = ?').run(id)),
    deleteByUser: (userId) =>
      run(() => void db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId)),
    deleteExpired: (before) =>
      run(() => db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(before).changes),
    listByUser: (userId) =>
      run(() =>
        (
          db
            .prepare('SELECT * FROM sessions WHERE user_id = ? ORDER BY created_at, id')
            .all(userId) as SessionRow[]
        ).map(toSession),
      ),
  };
}

export function sqliteInvitations(db: Db, run: Run): InvitationRepository {
  return {
    create: (i) =>
      run(
        () =>
          void db
            .prepare(
              `INSERT INTO invitations (id, workspace_id, email, role, token_hash, invited_by, created_at, expires_at, accepted_at, accepted_by)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(
              i.id,
              i.workspaceId,
              i.email,
              i.role,
              i.tokenHash,
              i.invitedBy,
              i.createdAt,
              i.expiresAt,
              i.acceptedAt,
              i.acceptedBy,
            ),
      ),
    listPending: (workspaceId, now, page) =>
      run(() => {
        const before = decodeCursor(page.cursor) ?? '~';
        const rows = db
          .prepare(
            `SELECT * FROM invitations WHERE workspace_id = ? AND accepted_at IS NULL AND expires_at > ? AND id < ?
             ORDER BY id DESC LIMIT ?`,
          )
          .all(workspaceId, now, before, page.limit + 1) as InvitationRow[];
        return toPage(rows.map(toInvitation), page.limit, (i) => i.id);
      }),
    findById: (workspaceId, id) =>
      run(() => {
        const row = db
          .prepare('SELECT * FROM invitations WHERE workspace_id = ? AND id = ?')
          .get(workspaceId, id) as InvitationRow | undefined;
        return row ? toInvitation(row) : null;
      }),
    findByTokenHash: (tokenHash) =>
      run(() => {
        const row = db.prepare('SELECT * FROM invitations WHERE token_hash = ?').get(tokenHash) as
          InvitationRow | undefined;
        return row ? toInvitation(row) : null;
      }),
    markAccepted: (workspaceId, id, userId, at) =>
      run(
        () =>
          db
            .prepare(
              'UPDATE invitations SET accepted_at = ?, accepted_by = ? WHERE workspace_id = ? AND id = ? AND accepted_at IS NULL',
            )
            .run(at, userId, workspaceId, id).changes === 1,
      ),
    delete: (workspaceId, id) =>
      run(
        () =>
          db.prepare('DELETE FROM invitations WHERE workspace_id = ? AND id = ?').run(workspaceId, id)
            .changes === 1,
      ),
    listAllByWorkspace: (workspaceId) =>
      run(() =>
        (
          db
            .prepare('SELECT * FROM invitations WHERE workspace_id = ? ORDER BY id')
            .all(workspaceId) as InvitationRow[]
        ).map(toInvitation),
      ),
    listByEmail: (email) =>
      run(() =>
        (
          db.prepare('SELECT * FROM invitations WHERE email = ? ORDER BY id').all(email) as InvitationRow[]
        ).map(toInvitation),
      ),
  };
}

export function sqlitePasswordResets(db: Db, run: Run): PasswordResetRepository {
  return {
    create: (r) =>
      run(
        () =>
          void db
            .prepare(
              'INSERT INTO password_resets (token_hash, user_id, created_at, expires_at, used_at) VALUES (?, ?, ?, ?, ?)',
            )
            .run(r.tokenHash, r.userId, r.createdAt, r.expiresAt, r.usedAt),
      ),
    find: (tokenHash) =>
      run(() => {
        const row = db.prepare('SELECT * FROM password_resets WHERE token_hash = ?').get(tokenHash) as
          PasswordResetRow | undefined;
        return row ? toPasswordReset(row) : null;
      }),
    consume: (tokenHash, now) =>
      run(() => {
        const row = db
          .prepare(
            'UPDATE password_resets SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING user_id',
          )
          .get(now, tokenHash, now) as { user_id: string } | undefined;
        return row?.user_id ?? null;
      }),
    deleteByUser: (userId) =>
      run(() => void db.prepare('DELETE FROM password_resets WHERE user_id = ?').run(userId)),
  };
}
