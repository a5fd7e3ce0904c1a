import type { DataExport, DataExportStatus } from '../../../domain/privacy/data-export.js';
import type { DataExportRepository } from '../../../ports/store.js';
import type { Db } from './database.js';
import type { Run } from './sqlite-store.js';

export interface DataExportRow {
  id: string;
  user_id: string;
  workspace_id: string;
  status: DataExportStatus;
  progress: number;
  file_key: string | null;
  size_bytes: number | null;
  error: string | null;
  created_at: string;
  updated_at: string;
  ready_at: string | null;
  expires_at: string | null;
}

/** A data_exports row as the domain DataExport. */
export const toDataExport = (r: DataExportRow): DataExport => ({
  id: r.id,
  userId: r.user_id,
  workspaceId: r.workspace_id,
  status: r.status,
  progress: r.progress,
  fileKey: r.file_key,
  sizeBytes: r.size_bytes,
  error: r.error,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  readyAt: r.ready_at,
  expiresAt: r.expires_at,
});

export function sqliteDataExports(db: Db, run: Run): DataExportRepository {
  return {
    create: (e) =>
      run(
        () =>
          void db
            .prepare(
              `INSERT INTO data_exports (id, user_id, workspace_id, status, progress, file_key, size_bytes, error,
                 created_at, updated_at, ready_at, expires_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(
              e.id,
              e.userId,
              e.workspaceId,
              e.status,
              e.progress,
              e.fileKey,
              e.sizeBytes,
              e.error,
              e.createdAt,
              e.updatedAt,
              e.readyAt,
              e.expiresAt,
            ),
      ),
    find: (userId, id) =>
      run(() => {
        const row = db.prepare('SELECT * FROM data_exports WHERE user_id = ? AND id = ?').get(userId, id) as
          DataExportRow | undefined;
        return row ? toDataExport(row) : null;
      }),
    findById: (id) =>
      run(() => {
        const row = db.prepare('SELECT * FROM data_exports WHERE id = ?').get(id) as
          DataExportRow | undefined;
        return row ? toDataExport(row) : null;
      }),
    update: (e) =>
      run(
        () =>
          void db
            .prepare(
              `UPDATE data_exports SET status = ?, progress = ?, file_key = ?, size_bytes = ?, error = ?,
                 updated_at = ?, ready_at = ?, expires_at = ?
               WHERE id = ? AND user_id = ?`,
            )
            .run(
              e.status,
              e.progress,
              e.fileKey,
              e.sizeBytes,
              e.error,
              e.updatedAt,
              e.readyAt,
              e.expiresAt,
              e.id,
              e.userId,
            ),
      ),
    listByUser: (userId) =>
      run(() =>
        (
          db
            .prepare('SELECT * FROM data_exports WHERE user_id = ? ORDER BY id DESC')
            .all(userId) as DataExportRow[]
        ).map(toDataExport),
      ),
    listExpired: (before, limit) =>
      run(() =>
        (
          db
            .prepare(
              `SELECT * FROM data_exports WHERE status = 'ready' AND expires_at <= ?
               ORDER BY expires_at, id LIMIT ?`,
            )
            .all(before, limit) as DataExportRow[]
        ).map(toDataExport),
      ),
    deleteByUser: (userId) =>
      run(() =>
        (
          db.prepare('DELETE FROM data_exports WHERE user_id = ? RETURNING file_key').all(userId) as {
            file_key: string | null;
          }[]
        ).flatMap((r) => (r.file_key ? [r.file_key] : [])),
      ),
  };
}
