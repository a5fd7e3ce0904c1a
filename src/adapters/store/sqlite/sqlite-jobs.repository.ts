import type { Job, JobStatus } from '../../../domain/content-item.js';
import type { JobRepository } from '../../../ports/store.js';
import type { Db } from './database.js';
import type { Run } from './sqlite-store.js';

export interface JobRow {
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
  lease_owner: string | null;
  lease_node: string | null;
  idempotency_key: string | null;
  created_at: string;
  updated_at: string;
}
/** A jobs row as the domain Job. */
export const toJob = (r: JobRow): Job => ({
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
  leaseOwner: r.lease_owner,
  leaseNode: r.lease_node,
  idempotencyKey: r.idempotency_key,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

// A runnable job: queued and due, or running on a lease that ran out (its worker died or hung).
const RUNNABLE = `(status = 'queued' AND run_after <= @now) OR (status = 'running' AND lease_until <= @now)`;

/** An SQL condition on the job type, with its parameters: any type when `types` is absent. */
function typeFilter(types: readonly string[] | undefined): { sql: string; params: Record<string, string> } {
  if (!types) return { sql: '1', params: {} };
  const params = Object.fromEntries(types.map((type, i) => [`type${i}`, type]));
  return {
    sql: `type IN (${Object.keys(params)
      .map((name) => `@${name}`)
      .join(', ')})`,
    params,
  };
}

export function sqliteJobs(db: Db, run: Run): JobRepository {
  const byId = (id: string) => db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
  const changed = (sql: string, ...params: unknown[]) =>
    run(() => db.prepare(sql).run(...params).changes > 0);

  return {
    enqueue: (j) =>
      run(() => {
        db.prepare(
          `INSERT INTO jobs (id, workspace_id, type, payload, status, attempts, progress, error, run_after, lease_until,
             lease_owner, lease_node, idempotency_key, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING`,
        ).run(
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
          j.leaseOwner,
          j.leaseNode,
          j.idempotencyKey,
          j.createdAt,
          j.updatedAt,
        );
        const stored = j.idempotencyKey
          ? (db.prepare('SELECT * FROM jobs WHERE idempotency_key = ?').get(j.idempotencyKey) as JobRow)
          : byId(j.id);
        if (!stored) throw new Error(`job ${j.id} was not stored`);
        return toJob(stored);
      }),
    find: (workspaceId, id) =>
      run(() => {
        const row = db
          .prepare('SELECT * FROM jobs WHERE workspace_id = ? AND id = ?')
          .get(workspaceId, id) as JobRow | undefined;
        return row ? toJob(row) : null;
      }),
    claimNext: (now, leaseUntil, worker, types) =>
      run(() =>
        // IMMEDIATE: another process on the same file cannot claim the same row between our read and write.
        db
          .transaction(() => {
            if (types?.length === 0) return null;
            const only = typeFilter(types);
            const row = db
              .prepare(
                `SELECT * FROM jobs WHERE (${RUNNABLE}) AND ${only.sql} ORDER BY run_after, id LIMIT 1`,
              )
              .get({ now, ...only.params }) as JobRow | undefined;
            if (!row) return null;
            db.prepare(
              `UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_until = ?, lease_owner = ?,
                 lease_node = ?, updated_at = ? WHERE id = ?`,
            ).run(leaseUntil, worker.id, worker.node, now, row.id);
            return toJob(byId(row.id)!);
          })
          .immediate(),
      ),
    heartbeat: (id, workerId, progress, leaseUntil) =>
      changed(
        "UPDATE jobs SET progress = ?, lease_until = ? WHERE id = ? AND status = 'running' AND lease_owner = ?",
        progress ? JSON.stringify(progress) : null,
        leaseUntil,
        id,
        workerId,
      ),
    finish: (id, workerId, status, error, at) =>
      changed(
        `UPDATE jobs SET status = ?, error = ?, lease_until = NULL, lease_owner = NULL, lease_node = NULL, updated_at = ?
         WHERE id = ? AND status = 'running' AND lease_owner = ?`,
        status,
        error,
        at,
        id,
        workerId,
      ),
    requeue: (id, workerId, runAfter, error, at) =>
      changed(
        `UPDATE jobs SET status = 'queued', run_after = ?, error = ?, lease_until = NULL, lease_owner = NULL,
           lease_node = NULL, updated_at = ? WHERE id = ? AND status = 'running' AND lease_owner = ?`,
        runAfter,
        error,
        at,
        id,
        workerId,
      ),
    release: (id, workerId, at) =>
      changed(
        `UPDATE jobs SET status = 'queued', run_after = ?, attempts = MAX(attempts - 1, 0), lease_until = NULL,
           lease_owner = NULL, lease_node = NULL, updated_at = ? WHERE id = ? AND status = 'running' AND lease_owner = ?`,
        at,
        at,
        id,
        workerId,
      ),
    cancel: (id, at) =>
      changed(
        "UPDATE jobs SET status = 'cancelled', updated_at = ? WHERE id = ? AND status = 'queued'",
        at,
        id,
      ),
    requeueInterrupted: (worker, at) =>
      run(
        () =>
          db
            .prepare(
              `UPDATE jobs SET status = 'queued', run_after = ?, lease_until = NULL, lease_owner = NULL,
                 lease_node = NULL, updated_at = ? WHERE status = 'running' AND lease_node = ? AND lease_owner <> ?`,
            )
            .run(at, at, worker.node, worker.id).changes,
      ),
    nextDueAt: (types) =>
      run(() => {
        if (types?.length === 0) return null;
        const only = typeFilter(types);
        const row = db
          .prepare(
            `SELECT MIN(due) AS due FROM (
               SELECT MIN(run_after) AS due FROM jobs WHERE status = 'queued' AND ${only.sql}
               UNION ALL SELECT MIN(lease_until) FROM jobs WHERE status = 'running' AND ${only.sql})`,
          )
          .get(only.params) as { due: string | null };
        return row.due;
      }),
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
