import type { Connection, ConnectionStatus, Platform } from '../../../domain/connection.js';
import type { ConnectionRepository } from '../../../ports/store.js';
import type { SealedTokens } from '../../../ports/token-vault.js';
import { decodeCursor, toPage } from './cursor.js';
import type { Db } from './database.js';
import type { Run } from './sqlite-store.js';

export interface ConnectionRow {
  id: string;
  workspace_id: string;
  platform: Platform;
  external_account_id: string;
  display_name: string;
  avatar_url: string | null;
  scopes: string;
  status: ConnectionStatus;
  access_token_expires_at: string | null;
  refresh_token_expires_at: string | null;
  masked_access_token: string | null;
  masked_refresh_token: string | null;
  last_refreshed_at: string | null;
  last_error: string | null;
  next_refresh_at: string | null;
  sandbox: number;
  aliases: string;
  created_at: string;
  updated_at: string;
}

/** A connections row as the domain Connection. */
export const toConnection = (r: ConnectionRow): Connection => ({
  id: r.id,
  workspaceId: r.workspace_id,
  platform: r.platform,
  externalAccountId: r.external_account_id,
  displayName: r.display_name,
  avatarUrl: r.avatar_url,
  scopes: JSON.parse(r.scopes) as string[],
  status: r.status,
  accessTokenExpiresAt: r.access_token_expires_at,
  refreshTokenExpiresAt: r.refresh_token_expires_at,
  maskedAccessToken: r.masked_access_token,
  maskedRefreshToken: r.masked_refresh_token,
  lastRefreshedAt: r.last_refreshed_at,
  lastError: r.last_error,
  nextRefreshAt: r.next_refresh_at,
  sandbox: r.sandbox === 1,
  aliases: JSON.parse(r.aliases) as string[],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const COLUMNS = `workspace_id, platform, external_account_id, display_name, avatar_url, scopes, status,
  access_token_expires_at, refresh_token_expires_at, masked_access_token, masked_refresh_token, last_refreshed_at,
  last_error, next_refresh_at, sandbox, aliases, created_at, updated_at`;

const values = (c: Connection) => [
  c.workspaceId,
  c.platform,
  c.externalAccountId,
  c.displayName,
  c.avatarUrl,
  JSON.stringify(c.scopes),
  c.status,
  c.accessTokenExpiresAt,
  c.refreshTokenExpiresAt,
  c.maskedAccessToken,
  c.maskedRefreshToken,
  c.lastRefreshedAt,
  c.lastError,
  c.nextRefreshAt,
  c.sandbox ? 1 : 0,
  JSON.stringify(c.aliases),
  c.createdAt,
  c.updatedAt,
];

export interface TokenRow {
  connection_id: string;
  workspace_id: string;
  key_id: string;
  wrapped_key: string;
  ciphertext: string;
}
/** A connection_tokens row as the sealed tokens the vault opens. */
export const toSealed = (r: TokenRow): SealedTokens => ({
  keyId: r.key_id,
  wrappedKey: r.wrapped_key,
  ciphertext: r.ciphertext,
});

export function sqliteConnections(db: Db, run: Run): ConnectionRepository {
  const one = (sql: string, ...args: unknown[]) => {
    const row = db.prepare(sql).get(...args) as ConnectionRow | undefined;
    return row ? toConnection(row) : null;
  };
  return {
    create: (c) =>
      run(
        () =>
          void db
            .prepare(`INSERT INTO connections (id, ${COLUMNS}) VALUES (?${', ?'.repeat(18)})`)
            .run(c.id, ...values(c)),
      ),
    update: (c) =>
      run(() => {
        const sets = COLUMNS.split(',')
          .map((col) => `${col.trim()} = ?`)
          .join(', ');
        db.prepare(`UPDATE connections SET ${sets} WHERE id = ? AND workspace_id = ?`).run(
          ...values(c),
          c.id,
          c.workspaceId,
        );
      }),
    findById: (workspaceId, id) =>
      run(() => one('SELECT * FROM connections WHERE workspace_id = ? AND id = ?', workspaceId, id)),
    findByAccount: (workspaceId, platform, accountId) =>
      run(() =>
        one(
          'SELECT * FROM connections WHERE workspace_id = ? AND platform = ? AND external_account_id = ?',
          workspaceId,
          platform,
          accountId,
        ),
      ),
    findAllByAccount: (platform, accountId) =>
      run(() => {
        const rows = db
          .prepare(
            `SELECT c.* FROM connections c WHERE c.platform = ? AND (c.external_account_id = ?
             OR EXISTS (SELECT 1 FROM json_each(c.aliases) a WHERE a.value = ?)) ORDER BY c.id`,
          )
          .all(platform, accountId, accountId) as ConnectionRow[];
        return rows.map(toConnection);
      }),
    listByWorkspace: (workspaceId, page) =>
      run(() => {
        const after = decodeCursor(page.cursor) ?? '';
        const rows = db
          .prepare('SELECT * FROM connections WHERE workspace_id = ? AND id > ? ORDER BY id LIMIT ?')
          .all(workspaceId, after, page.limit + 1) as ConnectionRow[];
        return toPage(rows.map(toConnection), page.limit, (c) => c.id);
      }),
    delete: (workspaceId, id) =>
      run(
        () =>
          db.prepare('DELETE FROM connections WHERE workspace_id = ? AND id = ?').run(workspaceId, id)
            .changes === 1,
      ),
    saveTokens: (workspaceId, connectionId, sealed, at) =>
      run(
        () =>
          void db
            .prepare(
              `INSERT INTO connection_tokens (connection_id, workspace_id, key_id, wrapped_key, ciphertext, updated_at)
               VALUES (?, ?, ?, ?, ?, ?)
               ON CONFLICT (connection_id) DO UPDATE SET key_id = excluded.key_id, wrapped_key = excluded.wrapped_key,
                 ciphertext = excluded.ciphertext, updated_at = excluded.updated_at
               WHERE connection_tokens.workspace_id = excluded.workspace_id`,
            )
            .run(connectionId, workspaceId, sealed.keyId, sealed.wrappedKey, sealed.ciphertext, at),
      ),
    loadTokens: (workspaceId, connectionId) =>
      run(() => {
        const row = db
          .prepare('SELECT * FROM connection_tokens WHERE workspace_id = ? AND connection_id = ?')
          .get(workspaceId, connectionId) as TokenRow | undefined;
        return row ? toSealed(row) : null;
      }),
    deleteTokens: (workspaceId, connectionId) =>
      run(
        () =>
          void db
            .prepare('DELETE FROM connection_tokens WHERE workspace_id = ? AND connection_id = ?')
            .run(workspaceId, connectionId),
      ),
    listDueRefreshes: (before, limit) =>
      run(() => {
        const rows = db
          .prepare(
            `SELECT * FROM connections WHERE next_refresh_at IS NOT NULL AND next_refresh_at <= ?
             AND (refresh_lease_until IS NULL OR refresh_lease_until <= ?) ORDER BY next_refresh_at LIMIT ?`,
          )
          .all(before, before, limit) as ConnectionRow[];
        return rows.map(toConnection);
      }),
    acquireRefreshLease: (workspaceId, id, now, until) =>
      run(
        () =>
          db
            .prepare(
              `UPDATE connections SET refresh_lease_until = ? WHERE workspace_id = ? AND id = ?
               AND (refresh_lease_until IS NULL OR refresh_lease_until <= ?)`,
            )
            .run(until, workspaceId, id, now).changes === 1,
      ),
    releaseRefreshLease: (workspaceId, id) =>
      run(
        () =>
          void db
            .prepare('UPDATE connections SET refresh_lease_until = NULL WHERE workspace_id = ? AND id = ?')
            .run(workspaceId, id),
      ),
    listSealedAfter: (afterId, limit) =>
      run(() => {
        const rows = db
          .prepare('SELECT * FROM connection_tokens WHERE connection_id > ? ORDER BY connection_id LIMIT ?')
          .all(afterId, limit) as TokenRow[];
        return rows.map((r) => ({
          connectionId: r.connection_id,
          workspaceId: r.workspace_id,
          sealed: toSealed(r),
        }));
      }),
    replaceSealed: (workspaceId, connectionId, expected, next) =>
      run(
        () =>
          db
            .prepare(
              `UPDATE connection_tokens SET key_id = ?, wrapped_key = ?, ciphertext = ?
               WHERE workspace_id = ? AND connection_id = ? AND wrapped_key = ? AND ciphertext = ?`,
            )
            .run(
              next.keyId,
              next.wrappedKey,
              next.ciphertext,
              workspaceId,
              connectionId,
              expected.wrappedKey,
              expected.ciphertext,
            ).changes === 1,
      ),
  };
}
