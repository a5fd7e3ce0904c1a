import {
  DELETED_MEMBER,
  DELETION_KINDS,
  type DeletionCounts,
  type DeletionKind,
  type DeletionLogEntry,
} from '../../../domain/privacy/deletion.js';
import type { ErasureRepository } from '../../../ports/store.js';
import type { Db } from './database.js';
import type { Run } from './sqlite-store.js';

/**
 * Every table holding a workspace's records, children before parents, each with the count's name. Some have no
 * foreign key to the workspace (jobs, stage cache, tokens), so the cascade alone would leave them behind.
 */
const WORKSPACE_TABLES: [count: string, sql: string][] = [
  ['statsSnapshots', 'DELETE FROM stats_snapshots WHERE workspace_id = ?'],
  ['statsCalls', 'DELETE FROM stats_calls WHERE workspace_id = ?'],
  ['trackedVideos', 'DELETE FROM tracked_videos WHERE workspace_id = ?'],
  ['publications', 'DELETE FROM publications WHERE workspace_id = ?'],
  ['reviews', 'DELETE FROM version_reviews WHERE workspace_id = ?'],
  ['searchTerms', 'DELETE FROM content_item_terms WHERE workspace_id = ?'],
  ['versions', 'DELETE FROM content_versions WHERE workspace_id = ?'],
  ['items', 'DELETE FROM content_items WHERE workspace_id = ?'],
  ['stageCache', 'DELETE FROM stage_cache WHERE workspace_id = ?'],
  ['jobs', 'DELETE FROM jobs WHERE workspace_id = ?'],
  ['mediaAssets', 'DELETE FROM media_assets WHERE workspace_id = ?'],
  ['tokens', 'DELETE FROM connection_tokens WHERE workspace_id = ?'],
  ['connections', 'DELETE FROM connections WHERE workspace_id = ?'],
  ['oauthStates', 'DELETE FROM oauth_states WHERE workspace_id = ?'],
  ['auditEvents', 'DELETE FROM audit_events WHERE workspace_id = ?'],
  ['invitations', 'DELETE FROM invitations WHERE workspace_id = ?'],
  ['memberships', 'DELETE FROM memberships WHERE workspace_id = ?'],
  // Sessions still pointing here belong to people the service found no other workspace for.
  ['sessions', 'DELETE FROM sessions WHERE current_workspace_id = ?'],
  ['workspaces', 'DELETE FROM workspaces WHERE id = ?'],
];

/** Replaces every string equal to `from` anywhere in a JSON value (review histories nest the person's id). */
function replaceDeep(value: unknown, from: string, to: string): unknown {
  if (value === from) return to;
  if (Array.isArray(value)) return value.map((v) => replaceDeep(v, from, to));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceDeep(v, from, to)]));
  return value;
}

export interface DeletionLogRow {
  id: string;
  kind: string;
  created_at: string;
  counts: string;
}
/** A deletion_log row as the domain DeletionLogEntry; null for a kind this version does not know. */
export function toDeletionLogEntry(row: DeletionLogRow): DeletionLogEntry | null {
  if (!(DELETION_KINDS as readonly string[]).includes(row.kind)) return null;
  return {
    id: row.id,
    kind: row.kind as DeletionKind,
    createdAt: row.created_at,
    counts: JSON.parse(row.counts) as DeletionCounts,
  };
}

export function sqliteErasure(db: Db, run: Run): ErasureRepository {
  const changes = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...params).changes;
  // Nested in a store transaction, better-sqlite3 makes this a savepoint; alone, its own transaction.
  const atomically = <T>(work: () => T): T => db.transaction(work)();

  return {
    deleteWorkspace: (workspaceId) =>
      run(() =>
        atomically(() => {
          const keys = db
            .prepare(
              `SELECT media_key AS k FROM media_assets WHERE workspace_id = ?
               UNION SELECT data ->> '$.outputs.videoKey' FROM content_versions WHERE workspace_id = ?
               UNION SELECT data ->> '$.outputs.coverKey' FROM content_versions WHERE workspace_id = ?`,
            )
            .all(workspaceId, workspaceId, workspaceId) as { k: string | null }[];
          const canceled = db
            .prepare(
              "SELECT COUNT(*) AS n FROM publications WHERE workspace_id = ? AND status IN ('scheduled', 'queued')",
            )
            .get(workspaceId) as { n: number };
          const counts: DeletionCounts = { canceledPublications: canceled.n };
          for (const [name, sql] of WORKSPACE_TABLES) counts[name] = changes(sql, workspaceId);
          return {
            counts,
            mediaKeys: keys.map((r) => r.k).filter((k): k is string => typeof k === 'string' && k !== ''),
          };
        }),
      ),

    handOver: (workspaceId, fromUserId, toUserId) =>
      run(() =>
        atomically(() => {
          const counts: DeletionCounts = {
            items: changes(
              'UPDATE content_items SET created_by = ? WHERE workspace_id = ? AND created_by = ?',
              toUserId,
              workspaceId,
              fromUserId,
            ),
            publications: changes(
              `UPDATE publications SET data = json_set(data, '$.createdBy', ?)
               WHERE workspace_id = ? AND data ->> '$.createdBy' = ?`,
              toUserId,
              workspaceId,
              fromUserId,
            ),
            auditEvents: changes(
              'UPDATE audit_events SET actor_user_id = ? WHERE workspace_id = ? AND actor_user_id = ?',
              DELETED_MEMBER,
              workspaceId,
              fromUserId,
            ),
            invitations: changes(
              'DELETE FROM invitations WHERE workspace_id = ? AND (invited_by = ? OR accepted_by = ?)',
              workspaceId,
              fromUserId,
              fromUserId,
            ),
            oauthStates: changes(
              'DELETE FROM oauth_states WHERE workspace_id = ? AND user_id = ?',
              workspaceId,
              fromUserId,
            ),
            reviews: 0,
          };
          // A review's JSON names its submitter, its decider and each step's actor; instr finds any of them.
          const reviews = db
            .prepare(
              'SELECT version_id, data FROM version_reviews WHERE workspace_id = ? AND instr(data, ?) > 0',
            )
            .all(workspaceId, fromUserId) as { version_id: string; data: string }[];
          const save = db.prepare('UPDATE version_reviews SET data = ? WHERE version_id = ?');
          for (const r of reviews) {
            const data = replaceDeep(JSON.parse(r.data) as unknown, fromUserId, DELETED_MEMBER);
            counts.reviews = (counts.reviews ?? 0) + save.run(JSON.stringify(data), r.version_id).changes;
          }
          return counts;
        }),
      ),

    moveSessions: (userId, fromWorkspaceId, toWorkspaceId) =>
      run(() =>
        changes(
          'UPDATE sessions SET current_workspace_id = ? WHERE user_id = ? AND current_workspace_id = ?',
          toWorkspaceId,
          userId,
          fromWorkspaceId,
        ),
      ),

    deleteUser: (userId, email) =>
      run(() =>
        atomically(() => ({
          invitations: changes(
            'DELETE FROM invitations WHERE email = ? OR invited_by = ? OR accepted_by = ?',
            email,
            userId,
            userId,
          ),
          oauthStates: changes('DELETE FROM oauth_states WHERE user_id = ?', userId),
          sessions: changes('DELETE FROM sessions WHERE user_id = ?', userId),
          passwordResets: changes('DELETE FROM password_resets WHERE user_id = ?', userId),
          memberships: changes('DELETE FROM memberships WHERE user_id = ?', userId),
          users: changes('DELETE FROM users WHERE id = ?', userId),
        })),
      ),

    deleteConnectionData: (workspaceId, connectionId) =>
      run(() =>
        atomically(() => {
          const scoped = (table: string) =>
            changes(
              `DELETE FROM ${table} WHERE workspace_id = ? AND connection_id = ?`,
              workspaceId,
              connectionId,
            );
          return {
            statsSnapshots: scoped('stats_snapshots'),
            statsCalls: scoped('stats_calls'),
            trackedVideos: scoped('tracked_videos'),
            auditEvents: scoped('audit_events'),
            tokens: scoped('connection_tokens'),
            connections: changes(
              'DELETE FROM connections WHERE workspace_id = ? AND id = ?',
              workspaceId,
              connectionId,
            ),
          };
        }),
      ),

    logDeletion: (entry) =>
      run(
        () =>
          void db
            .prepare('INSERT INTO deletion_log (id, kind, created_at, counts) VALUES (?, ?, ?, ?)')
            .run(entry.id, entry.kind, entry.createdAt, JSON.stringify(entry.counts)),
      ),

    findLog: (id) =>
      run(() => {
        const row = db.prepare('SELECT * FROM deletion_log WHERE id = ?').get(id) as
          DeletionLogRow | undefined;
        return row ? toDeletionLogEntry(row) : null;
      }),

    purgeDeleted: () =>
      run(() => {
        // secure_delete (set when the file is opened) zeroes deleted content in the pages; the checkpoint moves those
        // pages into the database file and empties the WAL, which still held the old page images.
        db.pragma('wal_checkpoint(TRUNCATE)');
      }),
  };
}
