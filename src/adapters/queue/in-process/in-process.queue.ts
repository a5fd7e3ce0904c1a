import type { Job } from '../../../domain/content-item.js';
import { BugError } from '../../../domain/errors.js';
import { newId } from '../../../domain/ids.js';
import { isoNow, type Clock } from '../../../ports/clock.js';
import {
  JOB_LANES,
  type EnqueueOptions,
  type JobEngine,
  type JobHandler,
  type JobHandlers,
  type JobLane,
  type JobType,
  type LaneConcurrency,
} from '../../../ports/job-queue.js';
import type { Logger } from '../../../ports/logger.js';
import type { JobWorkerId, Store } from '../../../ports/store.js';
import { parsePayload, runJob } from '../job-runner.js';

const DEFAULT_LEASE_MS = 60_000;
const DEFAULT_GRACE_MS = 10_000;
// setTimeout's ceiling is about 24.8 days; a later job is looked at again then.
const LONGEST_SLEEP_MS = 2 ** 31 - 1;

export interface InProcessQueueOptions {
  store: Store;
  clock: Clock;
  logger: Logger;
  /** At most this many jobs of each lane run at once. */
  concurrency: LaneConcurrency;
  /** The node this process runs for (the install): at start it takes back what an earlier process left running. */
  node: string;
  /** How long a claim lasts without renewal; the worker renews it while the job runs. */
  leaseMs?: number;
}

/**
 * The embedded default's queue: jobs live in the store and run in this process. It sleeps until the next job is
 * due (a timer armed at the earliest due time, re-armed on every enqueue), not on a fixed poll. Each lane claims
 * only its own job types into its own slots, so a lane full of renders never holds up a due io job.
 */
export class InProcessQueue implements JobEngine {
  /** This process's identity as a worker: a new id at each start of the install. */
  readonly worker: JobWorkerId;
  private readonly leaseMs: number;
  private handlers = new Map<string, JobHandler<unknown>>();
  /** The job types each lane claims: those of the started handlers. */
  private laneTypes: Record<JobLane, string[]> = { render: [], io: [] };
  private readonly running: Record<JobLane, Map<string, { stop: AbortController; done: Promise<void> }>> = {
    render: new Map(),
    io: new Map(),
  };
  private timer: NodeJS.Timeout | null = null;
  private started = false;
  private pumping: Promise<void> | null = null;
  private pumpAgain = false;

  constructor(private readonly options: InProcessQueueOptions) {
    this.worker = { node: options.node, id: `${options.node}/${newId()}` };
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  }

  async enqueue<P>(type: JobType<P>, workspaceId: string, payload: P, options: EnqueueOptions = {}) {
    const now = isoNow(this.options.clock);
    const stored = await this.options.store.jobs.enqueue(
      newJob(type.name, workspaceId, parsePayload(type, payload), options, now),
    );
    this.wake();
    return stored.id;
  }

  async cancel(jobId: string): Promise<boolean> {
    const cancelled = await this.options.store.jobs.cancel(jobId, isoNow(this.options.clock));
    this.wake();
    return cancelled;
  }

  async start(handlers: JobHandlers): Promise<void> {
    if (this.started) return;
    this.handlers = new Map(handlers.map((h) => [h.type.name, h]));
    for (const lane of JOB_LANES)
      this.laneTypes[lane] = handlers.filter((h) => h.type.lane === lane).map((h) => h.type.name);
    this.started = true;
    const taken = await this.options.store.jobs.requeueInterrupted(this.worker, isoNow(this.options.clock));
    if (taken > 0) this.options.logger.info({ jobs: taken }, 'took back jobs interrupted by a restart');
    this.wake();
  }

  async stop(graceMs = DEFAULT_GRACE_MS): Promise<void> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const runs = () => JOB_LANES.flatMap((lane) => [...this.running[lane].values()]);
    const finished = Promise.all(runs().map((r) => r.done));
    const grace = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
    await Promise.race([finished, grace]);
    for (const run of runs()) run.stop.abort(new Error('worker stopping'));
    await Promise.all(runs().map((r) => r.done));
    await this.pumping;
  }

  // Its jobs live in the store, which readiness checks on its own.
  async ping(): Promise<void> {}

  async close(): Promise<void> {
    await this.stop();
  }

  async idle(): Promise<void> {
    for (;;) {
      // Only the types this worker runs: a job of an unknown type waits for a worker that knows it.
      const due = await this.options.store.jobs.nextDueAt(JOB_LANES.flatMap((l) => this.laneTypes[l]));
      const nothingDue = due === null || due > isoNow(this.options.clock);
      const nothingRuns = JOB_LANES.every((lane) => this.running[lane].size === 0);
      if (nothingRuns && nothingDue && !this.pumping) return;
      this.wake();
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Claims what is due now, then sleeps until the next due time. */
  private wake(): void {
    if (!this.started) return;
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = this.pump()
      .catch((err: unknown) => this.options.logger.error({ err }, 'job queue could not claim jobs'))
      .finally(() => {
        this.pumping = null;
        if (this.pumpAgain) {
          this.pumpAgain = false;
          this.wake();
        }
      });
  }

  private async pump(): Promise<void> {
    const { store, clock } = this.options;
    for (const lane of JOB_LANES) {
      const running = this.running[lane];
      while (this.started && this.hasRoom(lane)) {
        const job = await store.jobs.claimNext(
          isoNow(clock),
          isoNow(clock, this.leaseMs),
          this.worker,
          this.laneTypes[lane],
        );
        if (!job) break;
        const stop = new AbortController();
        const done = this.run(job, stop.signal).finally(() => {
          running.delete(job.id);
          this.wake();
        });
        running.set(job.id, { stop, done });
      }
    }
    await this.arm();
  }

  private hasRoom(lane: JobLane): boolean {
    return this.running[lane].size < this.options.concurrency[lane];
  }

  /**
   * Sleeps until the next due job of a lane with a free slot. A full lane is left out (its next finished job
   * wakes the queue): counting its overdue backlog would fire the timer at once, again and again.
   */
  private async arm(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const open = JOB_LANES.filter((lane) => this.hasRoom(lane));
    const due = await this.options.store.jobs.nextDueAt(open.flatMap((lane) => this.laneTypes[lane]));
    if (!this.started || due === null) return;
    const wait = Math.min(Math.max(0, Date.parse(due) - this.options.clock.now()), LONGEST_SLEEP_MS);
    this.timer = setTimeout(() => this.wake(), wait);
    this.timer.unref();
  }

  private async run(job: Job, stopSignal: AbortSignal): Promise<void> {
    const { store, clock, logger } = this.options;
    const owner = this.worker.id;
    const handler = this.handlers.get(job.type);
    if (!handler) {
      await store.jobs.finish(job.id, owner, 'failed', `No handler for job type ${job.type}`, isoNow(clock));
      return;
    }
    if (job.attempts > handler.type.attempts) {
      // Its last attempt was cut short by crashes, again and again: stop trying.
      await store.jobs.finish(job.id, owner, 'failed', 'Interrupted too many times', isoNow(clock));
      await handler.onFinalFailure?.(runOf(job), new Error('The job was interrupted too many times'));
      return;
    }
    // The lease is renewed while the job runs, so only a dead or hung process loses it.
    const renew = setInterval(
      () => void store.jobs.heartbeat(job.id, owner, job.progress, isoNow(clock, this.leaseMs)),
      Math.max(50, Math.floor(this.leaseMs / 3)),
    );
    renew.unref();
    const heartbeat = async (progress: Job['progress']) => {
      job.progress = progress;
      await store.jobs.heartbeat(job.id, owner, progress, isoNow(clock, this.leaseMs));
    };
    try {
      const outcome = await runJob(handler, runOf(job), { heartbeat, stopSignal, logger });
      const now = isoNow(clock);
      if (outcome.kind === 'succeeded') await store.jobs.finish(job.id, owner, 'succeeded', null, now);
      else if (outcome.kind === 'failed')
        await store.jobs.finish(job.id, owner, 'failed', outcome.error, now);
      else if (outcome.kind === 'retry')
        await store.jobs.requeue(job.id, owner, isoNow(clock, outcome.delayMs), outcome.error, now);
      else await store.jobs.release(job.id, owner, now);
    } finally {
      clearInterval(renew);
    }
  }
}

// Due times are compared as ISO strings in the store, so they must all have the same shape.
function dueTime(runAt: string): string {
  const ms = Date.parse(runAt);
  if (Number.isNaN(ms)) throw new BugError('invalid_run_at', `Not a time: ${runAt}`);
  return new Date(ms).toISOString();
}

const runOf = (job: Job) => ({
  id: job.id,
  workspaceId: job.workspaceId,
  payload: job.payload,
  attempt: job.attempts,
});

function newJob(
  type: string,
  workspaceId: string,
  payload: unknown,
  options: EnqueueOptions,
  now: string,
): Job {
  return {
    id: newId(),
    workspaceId,
    type,
    payload: payload as Job['payload'],
    status: 'queued',
    attempts: 0,
    progress: null,
    error: null,
    runAfter: options.runAt ? dueTime(options.runAt) : now,
    leaseUntil: null,
    leaseOwner: null,
    leaseNode: null,
    idempotencyKey: options.idempotencyKey ?? null,
    createdAt: now,
    updatedAt: now,
  };
}
