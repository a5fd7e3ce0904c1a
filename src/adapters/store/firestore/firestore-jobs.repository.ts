import type { DocumentData } from '@google-cloud/firestore';
import type { Job, JobStatus } from '../../../domain/content-item.js';
import type { JobRepository } from '../../../ports/store.js';
import { pack, unpack } from './codec.js';
import type { DocWrite, RecordCodec } from './collections.js';
import type { FsContext, QuerySpec } from './context.js';

/** Jobs read per kind (due queued, expired running) before one is claimed: enough to step past racing claimers. */
const CLAIM_CANDIDATES = 5;
/** Query rounds of a claim before it reports nothing to run (every candidate was taken by racing workers). */
const CLAIM_ROUNDS = 3;
/** Firestore's bound on the values of one `in` filter. */
const IN_FILTER_MAX = 30;

const STATUSES: JobStatus[] = ['queued', 'running', 'succeeded', 'failed', 'cancelled'];

type Where = NonNullable<QuerySpec['where']>;

function jobDoc(job: Job): DocumentData {
  return pack(job, {
    id: job.id,
    workspaceId: job.workspaceId,
    status: job.status,
    type: job.type,
    runAfter: job.runAfter,
    leaseUntil: job.leaseUntil,
    leaseOwner: job.leaseOwner,
    leaseNode: job.leaseNode,
    idempotencyKey: job.idempotencyKey,
  });
}

/** The job's document and, when it has an idempotency key, the guard document that keeps the key unique. */
function jobDocs(job: Job): DocWrite[] {
  return [
    { collection: 'jobs', id: job.id, doc: jobDoc(job) },
    ...(job.idempotencyKey
      ? [{ collection: 'jobKeys' as const, id: job.idempotencyKey, doc: { jobId: job.id } }]
      : []),
  ];
}

/** Queued and due, or running on a lease that ran out (its worker died or hung); of one of `types` if given. */
function runnable(job: Job, now: string, types: readonly string[] | undefined): boolean {
  if (types && !types.includes(job.type)) return false;
  if (job.status === 'queued') return job.runAfter <= now;
  return job.status === 'running' && job.leaseUntil !== null && job.leaseUntil <= now;
}

const byDueTime = (a: Job, b: Job) =>
  a.runAfter < b.runAfter ? -1 : a.runAfter > b.runAfter ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The type filters to query with: none, or `in` filters of at most 30 types each (merged by the caller). */
function typeFilters(types: readonly string[] | undefined): Where[] {
  if (!types) return [[]];
  const chunks: Where[] = [];
  for (let i = 0; i < types.length; i += IN_FILTER_MAX)
    chunks.push([['type', 'in', types.slice(i, i + IN_FILTER_MAX)]]);
  return chunks;
}

const unheld = { leaseUntil: null, leaseOwner: null, leaseNode: null } as const;

export function firestoreJobs(ctx: FsContext): JobRepository {
  /** Changes a job this worker holds (running, its lease owner) in one transaction; false when it lost the job. */
  const changeHeld = (id: string, workerId: string, change: (job: Job) => Job) =>
    ctx.atomic(async (tx) => {
      const doc = await tx.get('jobs', id);
      const job = doc ? unpack<Job>(doc) : null;
      if (!job || job.status !== 'running' || job.leaseOwner !== workerId) return false;
      await tx.set('jobs', id, jobDoc(change(job)));
      return true;
    });

  /** The first jobs (by `field`, then id) of a status, up to `range` if given, of every type chunk, merged. */
  const firstOf = async (
    status: JobStatus,
    field: 'runAfter' | 'leaseUntil',
    types: readonly string[] | undefined,
    limit: number,
    range?: string,
  ) => {
    const lists = await Promise.all(
      typeFilters(types).map((typeWhere) =>
        ctx.rows({
          collection: 'jobs',
          where: [
            ['status', '==', status],
            ...typeWhere,
            ...(range ? [[field, '<=', range] as Where[number]] : []),
          ],
          orderBy: [
            [field, 'asc'],
            ['id', 'asc'],
          ],
          limit,
        }),
      ),
    );
    return lists.flat().map((doc) => unpack<Job>(doc));
  };

  return {
    enqueue: async (job) => {
      const key = job.idempotencyKey;
      // Without a key there is nothing to check: one write (a fresh id), not a transaction's round trips.
      if (!key) return ctx.set('jobs', job.id, jobDoc(job)).then(() => job);
      return ctx.atomic(async (tx) => {
        // The guard is read in the transaction, so of two clients racing with one key a single job is made.
        const guard = await tx.get('jobKeys', key);
        const stored = guard ? await tx.get('jobs', guard.jobId as string) : null;
        if (stored) return unpack<Job>(stored);
        for (const write of jobDocs(job)) await tx.set(write.collection, write.id, write.doc);
        return job;
      });
    },
    find: async (workspaceId, id) => {
      const doc = await ctx.get('jobs', id);
      return doc && doc.workspaceId === workspaceId ? unpack<Job>(doc) : null;
    },
    claimNext: async (now, leaseUntil, worker, types) => {
      if (types?.length === 0) return null;
      for (let round = 0; round < CLAIM_ROUNDS; round += 1) {
        // Due queued jobs and expired leases are found by indexed queries outside the claim; each candidate is
        // then re-read inside a transaction, so two clients never both take one job.
        const [queued, expired] = await Promise.all([
          firstOf('queued', 'runAfter', types, CLAIM_CANDIDATES, now),
          firstOf('running', 'leaseUntil', types, CLAIM_CANDIDATES, now),
        ]);
        const candidates = [...queued, ...expired].sort(byDueTime);
        if (candidates.length === 0) return null;
        for (const candidate of candidates) {
          const claimed = await ctx.atomic(async (tx) => {
            const doc = await tx.get('jobs', candidate.id);
            const job = doc ? unpack<Job>(doc) : null;
            if (!job || !runnable(job, now, types)) return null;
            const running: Job = {
              ...job,
              status: 'running',
              attempts: job.attempts + 1,
              leaseUntil,
              leaseOwner: worker.id,
              leaseNode: worker.node,
              updatedAt: now,
            };
            await tx.set('jobs', job.id, jobDoc(running));
            return running;
          });
          if (claimed) return claimed;
        }
      }
      return null;
    },
    heartbeat: (id, workerId, progress, leaseUntil) =>
      changeHeld(id, workerId, (job) => ({ ...job, progress, leaseUntil })),
    finish: (id, workerId, status, error, at) =>
      changeHeld(id, workerId, (job) => ({ ...job, ...unheld, status, error, updatedAt: at })),
    requeue: (id, workerId, runAfter, error, at) =>
      changeHeld(id, workerId, (job) => ({
        ...job,
        ...unheld,
        status: 'queued',
        runAfter,
        error,
        updatedAt: at,
      })),
    release: (id, workerId, at) =>
      changeHeld(id, workerId, (job) => ({
        ...job,
        ...unheld,
        status: 'queued',
        runAfter: at,
        attempts: Math.max(job.attempts - 1, 0),
        updatedAt: at,
      })),
    cancel: (id, at) =>
      ctx.atomic(async (tx) => {
        const doc = await tx.get('jobs', id);
        const job = doc ? unpack<Job>(doc) : null;
        if (!job || job.status !== 'queued') return false;
        await tx.set('jobs', id, jobDoc({ ...job, status: 'cancelled', updatedAt: at }));
        return true;
      }),
    requeueInterrupted: (worker, at) =>
      ctx.atomic(async (tx) => {
        const left = (
          await tx.rows({
            collection: 'jobs',
            where: [
              ['status', '==', 'running'],
              ['leaseNode', '==', worker.node],
            ],
          })
        )
          .map((doc) => unpack<Job>(doc))
          .filter((job) => job.leaseOwner !== null && job.leaseOwner !== worker.id);
        for (const job of left)
          await tx.set(
            'jobs',
            job.id,
            jobDoc({ ...job, ...unheld, status: 'queued', runAfter: at, updatedAt: at }),
          );
        return left.length;
      }),
    nextDueAt: async (types) => {
      if (types?.length === 0) return null;
      const [queued, running] = await Promise.all([
        firstOf('queued', 'runAfter', types, 1),
        firstOf('running', 'leaseUntil', types, 1),
      ]);
      const due = [...queued.map((j) => j.runAfter), ...running.flatMap((j) => j.leaseUntil ?? [])].sort();
      return due[0] ?? null;
    },
    countByStatus: async () => {
      const counts = await Promise.all(
        STATUSES.map((status) => ctx.count({ collection: 'jobs', where: [['status', '==', status]] })),
      );
      const nonZero = STATUSES.map((status, i): [string, number] => [status, counts[i] ?? 0]).filter(
        ([, n]) => n !== 0,
      );
      return Object.fromEntries(nonZero);
    },
  };
}

export const jobCodecs: RecordCodec[] = [{ collection: 'jobs', toDocs: (record) => jobDocs(record as Job) }];
