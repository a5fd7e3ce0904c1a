/** Jobs: durable background work of the in-process queue. */
import type { Job } from '../../domain/content-item.js';

/** Who takes a job: a worker process (`id`, new at each start) on a node (one install, or one host). */
export interface JobWorkerId {
  node: string;
  id: string;
}

export interface JobRepository {
  /** Inserts the job unless one with its idempotency key exists; returns the stored job either way. */
  enqueue(job: Job): Promise<Job>;
  /** One job of a workspace. */
  find(workspaceId: string, id: string): Promise<Job | null>;
  /**
   * Takes the runnable job due first (queued and due, or running with an expired lease) and leases it; with
   * `types`, only a job of one of those types (a lane's).
   */
  claimNext(
    now: string,
    leaseUntil: string,
    worker: JobWorkerId,
    types?: readonly string[],
  ): Promise<Job | null>;
  /** Saves progress and extends the lease, if this worker still holds it; false when it lost the job. */
  heartbeat(id: string, workerId: string, progress: Job['progress'], leaseUntil: string): Promise<boolean>;
  /** Ends a job this worker holds; false when it no longer holds it. */
  finish(
    id: string,
    workerId: string,
    status: 'succeeded' | 'failed',
    error: string | null,
    at: string,
  ): Promise<boolean>;
  /** Puts a job this worker holds back in line for a retry at `runAfter`, keeping its attempt count. */
  requeue(id: string, workerId: string, runAfter: string, error: string, at: string): Promise<boolean>;
  /** Hands a job this worker holds back, due now, without counting the interrupted run as an attempt. */
  release(id: string, workerId: string, at: string): Promise<boolean>;
  /** Cancels a queued job; false when it is running, finished or unknown. */
  cancel(id: string, at: string): Promise<boolean>;
  /**
   * Makes due now every running job that a previous process of this worker's node left behind (a crash):
   * a restarted single-process install takes its jobs back at once instead of waiting for their leases.
   */
  requeueInterrupted(worker: JobWorkerId, at: string): Promise<number>;
  /**
   * When the next job becomes runnable: the earliest due time of a queued job or lease end of a running one;
   * with `types`, of a job of one of those types.
   */
  nextDueAt(types?: readonly string[]): Promise<string | null>;
  /** How many jobs are in each status. */
  countByStatus(): Promise<Record<string, number>>;
}
