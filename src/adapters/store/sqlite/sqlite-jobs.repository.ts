import type { Job, JobStatus } from '../../../domain/content-item.js';
import type { JobRepository } from '../../../ports/store.js';
import type { Db } from './database.js';
import type { Run } from './sqlite-store.js';

interface JobRow {
  id: string;
  workspace_id: string;
  type: string;
  payload: string;
  status: JobStatus;
  attempts: number;
  progress: string | null;
  error: string | null;
  run_after: string;
  lease_until: string | null;
  created_at: string;
  updated_at: string;
}
const toJob = (r: JobRow): Job => ({
  id: r.id,
  workspaceId: r.workspace_id,
  type: r.type,
  payload: JSON.parse(r.payload) as Job['payload'],
  status: r.status,
  attempts: r.attempts,
  progress: r.progress ? (JSON.parse(r.progress) as Job['progress']) : null,
  error: r.error,
  runAfter: r.run_after,
  leaseUntil: r.lease_until,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function sqliteJobs(db: Db, run: Run): JobRepository {
  return {
    enqueue: (j) =>
      run(
        () =>
          void db
            .prepare(
              `INSERT INTO jobs (id, workspace_id, type, payload, status, attempts, progress, error, run_after, lease_until, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(
              j.id,
              j.workspaceId,
              j.type,
              JSON.stringify(j.payload),
              j.status,
              j.attempts,
              j.progress ? JSON.stringify(j.progress) : null,
              j.error,
              j.runAfter,
              j.leaseUntil,
              j.createdAt,
              j.updatedAt,
            ),
      ),
    find: (workspaceId, id) =>
      run(() => {
        const row = db
          .prepare('SELECT * FROM jobs WHERE workspace_id = ? AND id = ?')
          .get(workspaceId, id) as JobRow | undefined;
        return row ? toJob(row) : null;
      }),
    claimNext: (now, leaseUntil) =>
      run(() =>
        db.transaction(() => {
          const row = db
            .prepare(
              `SELECT * FROM jobs WHERE (status = 'queued' AND run_after <= ?) OR (status = 'running' AND lease_until <= ?)
               ORDER BY run_after, id LIMIT 1`,
            )
            .get(now, now) as JobRow | undefined;
          if (!row) return null;
          db.prepare(
            "UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_until = ?, updated_at = ? WHERE id = ?",
          ).run(leaseUntil, now, row.id);
          return toJob({
            ...row,
            status: 'running',
            attempts: row.attempts + 1,
            lease_until: leaseUntil,
            updated_at: now,
          });
        })(),
      ),
    heartbeat: (id, progress, leaseUntil) =>
      run(
        () =>
          void db
            .prepare("UPDATE jobs SET progress = ?, lease_until = ? WHERE id = ? AND status = 'running'")
            .run(progress ? JSON.stringify(progress) : null, leaseUntil, id),
      ),
    finish: (id, status, error, at) =>
      run(
        () =>
          void db
            .prepare('UPDATE jobs SET status = ?, error = ?, lease_until = NULL, updated_at = ? WHERE id = ?')
            .run(status, error, at, id),
      ),
    requeue: (id, runAfter, at) =>
      run(
        () =>
          void db
            .prepare(
              "UPDATE jobs SET status = 'queued', run_after = ?, lease_until = NULL, error = NULL, updated_at = ? WHERE id = ?",
            )
            .run(runAfter, at, id),
      ),
    countByStatus: () =>
      run(() => {
        const rows = db.prepare('SELECT status, COUNT(*) AS n FROM jobs GROUP BY status').all() as {
          status: string;
          n: number;
        }[];
        return Object.fromEntries(rows.map((r) => [r.status, r.n]));
      }),
  };
}
