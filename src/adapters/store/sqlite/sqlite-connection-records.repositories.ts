import type { Platform } from '../../../domain/connection.js';
import type {
  AuditEvent,
  AuditEventType,
  DeletionRequest,
  OAuthState,
} from '../../../domain/connection-records.js';
import type {
  AuditRepository,
  DeletionRequestRepository,
  OAuthStateRepository,
  WebhookReceiptRepository,
} from '../../../ports/store.js';
import { decodeCursor, toPage } from './cursor.js';
import type { Db } from './database.js';
import type { Run } from './sqlite-store.js';

export interface StateRow {
  state_hash: string;
  workspace_id: string;
  session_id: string;
  user_id: string;
  platform: Platform;
  code_verifier: string | null;
  reconnect_id: string | null;
  force_consent: number;
  created_at: string;
  expires_at: string;
}

/** An oauth_states row as the domain OAuthState. */
export const toOAuthState = (row: StateRow): OAuthState => ({
  stateHash: row.state_hash,
  workspaceId: row.workspace_id,
  sessionId: row.session_id,
  userId: row.user_id,
  platform: row.platform,
  codeVerifier: row.code_verifier,
  reconnectId: row.reconnect_id,
  forceConsent: row.force_consent === 1,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
});

export function sqliteOAuthStates(db: Db, run: Run): OAuthStateRepository {
  return {
    create: (s) =>
      run(
        () =>
          void db
            .prepare(
              `INSERT INTO oauth_states (state_hash, workspace_id, session_id, user_id, platform, code_verifier, reconnect_id, force_consent, created_at, expires_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(
              s.stateHash,
              s.workspaceId,
              s.sessionId,
              s.userId,
              s.platform,
              s.codeVerifier,
              s.reconnectId,
              s.forceConsent ? 1 : 0,
              s.createdAt,
              s.expiresAt,
            ),
      ),
    consume: (stateHash, now) =>
      run(() => {
        const row = db.prepare('DELETE FROM oauth_states WHERE state_hash = ? RETURNING *').get(stateHash) as
          StateRow | undefined;
        if (!row || row.expires_at <= now) return null;
        return toOAuthState(row);
      }),
    deleteExpired: (before) =>
      run(() => db.prepare('DELETE FROM oauth_states WHERE expires_at <= ?').run(before).changes),
  };
}

export interface AuditRow {
  id: string;
  workspace_id: string;
  type: AuditEventType;
  platform: Platform;
  connection_id: string | null;
  external_account_id: string | null;
  actor_user_id: string | null;
  detail: string;
  created_at: string;
}

/** An audit_events row as the domain AuditEvent. */
export const toAuditEvent = (r: AuditRow): AuditEvent => ({
  id: r.id,
  workspaceId: r.workspace_id,
  type: r.type,
  platform: r.platform,
  connectionId: r.connection_id,
  externalAccountId: r.external_account_id,
  actorUserId: r.actor_user_id,
  detail: r.detail,
  createdAt: r.created_at,
});

export function sqliteAudit(db: Db, run: Run): AuditRepository {
  return {
    append: (e) =>
      run(
        () =>
          void db
            .prepare(
              `INSERT INTO audit_events (id, workspace_id, type, platform, connection_id, external_account_id, actor_user_id, detail, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(
              e.id,
              e.workspaceId,
              e.type,
              e.platform,
              e.connectionId,
              e.externalAccountId,
              e.actorUserId,
              e.detail,
              e.createdAt,
            ),
      ),
    list: (workspaceId, page) =>
      run(() => {
        const before = decodeCursor(page.cursor) ?? '~';
        const rows = db
          .prepare('SELECT * FROM audit_events WHERE workspace_id = ? AND id < ? ORDER BY id DESC LIMIT ?')
          .all(workspaceId, before, page.limit + 1) as AuditRow[];
        return toPage(rows.map(toAuditEvent), page.limit, (e) => e.id);
      }),
  };
}

export function sqliteWebhookReceipts(db: Db, run: Run): WebhookReceiptRepository {
  return {
    remember: (digest, platform, at) =>
      run(
        () =>
          db
            .prepare(
              'INSERT OR IGNORE INTO webhook_receipts (digest, platform, received_at) VALUES (?, ?, ?)',
            )
            .run(digest, platform, at).changes === 1,
      ),
  };
}

export interface DeletionRequestRow {
  code: string;
  platform: Platform;
  external_user_id: string;
  connections_deleted: number;
  created_at: string;
}
/** A deletion_requests row as the domain DeletionRequest. */
export const toDeletionRequest = (row: DeletionRequestRow): DeletionRequest => ({
  code: row.code,
  platform: row.platform,
  externalUserId: row.external_user_id,
  connectionsDeleted: row.connections_deleted,
  createdAt: row.created_at,
});

export function sqliteDeletionRequests(db: Db, run: Run): DeletionRequestRepository {
  return {
    create: (r) =>
      run(
        () =>
          void db
            .prepare(
              'INSERT INTO deletion_requests (code, platform, external_user_id, connections_deleted, created_at) VALUES (?, ?, ?, ?, ?)',
            )
            .run(r.code, r.platform, r.externalUserId, r.connectionsDeleted, r.createdAt),
      ),
    find: (code) =>
      run(() => {
        const row = db.prepare('SELECT * FROM deletion_requests WHERE code = ?').get(code) as
          DeletionRequestRow | undefined;
        return row ? toDeletionRequest(row) : null;
      }),
  };
}
