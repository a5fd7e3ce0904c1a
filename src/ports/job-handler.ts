import type { Job } from '../domain/content-item.js';

/** What a running job may do besides its work. */
export interface JobContext {
  /** Saves progress and keeps the job's lease alive. */
  heartbeat(progress: Job['progress']): Promise<void>;
  /** Aborted when the worker stops (the job is picked up again later). */
  signal: AbortSignal;
}

/** How one job type runs: the queue engines call it; handlers in src/jobs implement it. */
export interface JobDefinition {
  /** Attempts before a transient failure becomes final. */
  maxAttempts: number;
  /** Idempotent: a job resumed after a crash runs again from the start (stage results are cached). */
  handle(job: Job, ctx: JobContext): Promise<void>;
  /** Called once when the job fails for good (after its last attempt), to leave a clear failed state. */
  onFinalFailure(job: Job, error: unknown): Promise<void>;
}

/** The job types a queue engine runs, by name. */
export type JobCatalog = Record<string, JobDefinition>;
