import type { ZodType } from 'zod';

/**
 * The lanes jobs run in, each with its own concurrency: `render` for CPU-heavy work (making videos), `io` for work
 * that mostly waits on the network (publishing, token refreshes, housekeeping), so a long render never holds up a
 * due publication.
 */
export const JOB_LANES = ['render', 'io'] as const;
export type JobLane = (typeof JOB_LANES)[number];

/** How many jobs of each lane a worker runs at once. */
export type LaneConcurrency = Record<JobLane, number>;

/**
 * How a job type runs: `attempts` runs at most, waiting `backoff` between them; each run may last `timeoutMs`;
 * it runs in `lane`.
 */
export interface RetryPolicy {
  attempts: number;
  backoff: { type: 'fixed' | 'exponential'; delayMs: number };
  timeoutMs: number;
  lane: JobLane;
}

/** A catalog entry: the job's name, the schema its payload must match, its retry policy and its lane. */
export interface JobType<P> extends RetryPolicy {
  name: string;
  payload: ZodType<P>;
}

export interface EnqueueOptions {
  /** Not before this instant (ISO-8601); now when absent. */
  runAt?: string;
  /** A second enqueue with the same key adds nothing and returns the first job's id. */
  idempotencyKey?: string;
}

/** Puts durable background work in line; the in-process queue keeps it in the store, BullMQ in Redis. */
export interface JobQueue {
  /** Validates the payload against the type's schema and enqueues it; returns the job id. */
  enqueue<P>(type: JobType<P>, workspaceId: string, payload: P, options?: EnqueueOptions): Promise<string>;
  /** Removes a job that has not started yet; false when it is running, finished or unknown. */
  cancel(jobId: string): Promise<boolean>;
}

/** One run of a job, as its handler sees it. */
export interface JobRun<P> {
  id: string;
  workspaceId: string;
  payload: P;
  /** 1 on the first run. */
  attempt: number;
}

export interface JobContext {
  /** Saves progress and keeps the job's lease alive. */
  heartbeat(progress: { stage: string; fraction: number } | null): Promise<void>;
  /** Aborted when the run times out or the worker stops (the job is then handed back). */
  signal: AbortSignal;
}

/** Runs one job type; must be idempotent, since a job resumed after a crash runs again from the start. */
export interface JobHandler<P> {
  type: JobType<P>;
  /** Does the work; a TransientError is retried per the type's policy, any other error fails the job. */
  handle(run: JobRun<P>, ctx: JobContext): Promise<void>;
  /** Called once when the job fails for good, to leave a clear failed state. */
  onFinalFailure?(run: JobRun<P>, error: unknown): Promise<void>;
}

/** The handlers a worker runs, one per job type. */
export type JobHandlers = readonly JobHandler<unknown>[];

/** The worker side of a queue engine. */
export interface JobWorker {
  /** Starts taking jobs, in each lane at most that lane's concurrency at once. */
  start(handlers: JobHandlers): Promise<void>;
  /**
   * Stops taking jobs; running ones get `graceMs` to finish, then are aborted and handed back to the queue
   * (a hand-back does not count as an attempt).
   */
  stop(graceMs?: number): Promise<void>;
  /** Resolves when no due job is waiting or running (tests and the CLI). */
  idle(): Promise<void>;
}

/** A queue engine: both sides. */
export interface JobEngine extends JobQueue, JobWorker {
  /** Resolves when the engine's backing service answers (readiness); the in-process queue has none of its own. */
  ping(): Promise<void>;
  /** Stops the worker and lets go of the engine's connections; nothing can be enqueued after. */
  close(): Promise<void>;
}
