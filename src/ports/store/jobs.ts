/** Jobs: durable background work of the in-process queue. */
import type { Job } from '../../domain/content-item.js';

export interface JobRepository {
  enqueue(job: Job): Promise<void>;
  find(workspaceId: string, id: string): Promise<Job | null>;
  /** Takes the oldest runnable job (queued and due, or running with an expired lease) and leases it. */
  claimNext(now: string, leaseUntil: string): Promise<Job | null>;
  /** Saves progress and extends the lease of a running job. */
  heartbeat(id: string, progress: Job['progress'], leaseUntil: string): Promise<void>;
  finish(id: string, status: 'succeeded' | 'failed', error: string | null, at: string): Promise<void>;
  /** Puts a failed or running job back in the queue (retry). */
  requeue(id: string, runAfter: string, at: string): Promise<void>;
  countByStatus(): Promise<Record<string, number>>;
}
