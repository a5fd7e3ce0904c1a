import { createHash } from 'node:crypto';
import { Queue, UnrecoverableError, WaitingError, Worker, type Job as BullJob } from 'bullmq';
import { Redis } from 'ioredis';
import { BugError } from '../../../domain/errors.js';
import { newId } from '../../../domain/ids.js';
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
import { parsePayload, runJob } from '../job-runner.js';

const DEFAULT_GRACE_MS = 10_000;
const DAY_S = 86_400;

/**
 * One BullMQ queue per lane. The render lane keeps the name of the single queue that came before lanes, so a
 * deploy keeps the jobs already waiting there.
 */
const LANE_QUEUES: Record<JobLane, string> = { render: 'jobs', io: 'io-jobs' };

/** What a BullMQ job carries: the workspace and the validated payload. */
interface Envelope {
  workspaceId: string;
  payload: unknown;
}

/** A retry the runner asked for, with the wait it computed (the backoff strategy below reads it). */
class RetryLater extends Error {
  constructor(
    message: string,
    readonly delayMs: number,
  ) {
    super(message);
    this.name = 'RetryLater';
  }
}

export interface BullmqQueueOptions {
  redisUrl: string;
  logger: Logger;
  /** At most this many jobs of each lane run at once in this worker. */
  concurrency: LaneConcurrency;
  /** Keys in Redis start with it (tests use one per run). */
  prefix?: string;
  /**
   * A job's lock lasts this long unless renewed (the worker renews it at half); a killed worker's job is taken
   * back by another worker's stalled check within about lockMs + 2 × stalledCheckMs. 30 s (BullMQ's own default)
   * by default: a worker whose event loop a busy stage holds up for longer than the lock loses the job to another
   * worker while still running it, which the jobs survive (their state is compare-and-set) but which wastes work.
   */
  lockMs?: number;
  stalledCheckMs?: number;
}

/**
 * The production queue: jobs in Redis through BullMQ, shared by any number of workers. Retries, delays and
 * stalled-job recovery are BullMQ's; what a run means (timeouts, which failures retry) is the shared runner's.
 * Each lane has its own queue and its own BullMQ Worker with the lane's concurrency.
 */
export class BullmqQueue implements JobEngine {
  private readonly connection: Redis;
  private readonly queues: Record<JobLane, Queue<Envelope>>;
  private workers: Worker<Envelope>[] = [];
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly options: BullmqQueueOptions) {
    // BullMQ's blocking calls need a client that never gives up on a request.
    this.connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null, lazyConnect: true });
    const queue = (lane: JobLane) =>
      new Queue<Envelope>(LANE_QUEUES[lane], { connection: this.connection, prefix: this.prefix });
    this.queues = { render: queue('render'), io: queue('io') };
  }

  private get prefix(): string {
    return this.options.prefix ?? 'ai-factory';
  }

  async enqueue<P>(type: JobType<P>, workspaceId: string, payload: P, options: EnqueueOptions = {}) {
    const data: Envelope = { workspaceId, payload: parsePayload(type, payload) };
    const job = await this.queues[type.lane].add(type.name, data, {
      // A custom id makes a second add a no-op that returns the first job: the idempotency key, hashed
      // because BullMQ ids may not contain ':'.
      jobId: options.idempotencyKey ? `key-${sha256(options.idempotencyKey)}` : newId(),
      delay: options.runAt ? delayUntil(options.runAt) : 0,
      attempts: type.attempts,
      backoff: { type: 'runner' },
      removeOnComplete: { age: 7 * DAY_S },
      removeOnFail: { age: 30 * DAY_S },
    });
    if (!job.id) throw new BugError('job_without_id', `BullMQ returned a ${type.name} job without an id`);
    return job.id;
  }

  async cancel(jobId: string): Promise<boolean> {
    // The id does not say its type, so its lane: look in each lane's queue (ids are unique across them).
    const found = await Promise.all(JOB_LANES.map((lane) => this.queues[lane].getJob(jobId)));
    const job = found.find((j) => j !== undefined);
    if (!job) return false;
    const state = await job.getState();
    if (state !== 'waiting' && state !== 'delayed' && state !== 'prioritized') return false;
    // A worker may take it between the two calls: then it is locked and removing it fails.
    return job.remove().then(
      () => true,
      () => false,
    );
  }

  async start(handlers: JobHandlers): Promise<void> {
    if (this.workers.length > 0) return;
    const byName = new Map(handlers.map((h) => [h.type.name, h]));
    const lockDuration = this.options.lockMs ?? 30_000;
    this.workers = JOB_LANES.map((lane) => {
      const worker = new Worker<Envelope>(
        LANE_QUEUES[lane],
        (job, token) => this.process(byName, job, token),
        {
          connection: this.connection,
          prefix: this.prefix,
          concurrency: this.options.concurrency[lane],
          lockDuration,
          stalledInterval: this.options.stalledCheckMs ?? lockDuration / 2,
          maxStalledCount: 3,
          settings: {
            backoffStrategy: (_attempts, _type, err) => (err instanceof RetryLater ? err.delayMs : 0),
          },
        },
      );
      worker.on('error', (err) => this.options.logger.error({ err, lane }, 'BullMQ worker error'));
      return worker;
    });
    await Promise.all(this.workers.map((w) => w.waitUntilReady()));
  }

  async stop(graceMs = DEFAULT_GRACE_MS): Promise<void> {
    const workers = this.workers;
    if (workers.length === 0) return;
    this.workers = [];
    const closing = Promise.all(workers.map((w) => w.close()));
    const grace = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
    await Promise.race([closing, grace]);
    // Jobs still running after the grace period are aborted and handed back (see process()).
    for (const controller of this.running.values()) controller.abort(new Error('worker stopping'));
    await closing;
  }

  async ping(): Promise<void> {
    await this.connection.ping();
  }

  async close(): Promise<void> {
    await this.stop();
    await Promise.all(JOB_LANES.map((lane) => this.queues[lane].close()));
    this.connection.disconnect();
  }

  async idle(): Promise<void> {
    for (;;) {
      const counts = await Promise.all(
        JOB_LANES.map((lane) => this.queues[lane].getJobCounts('waiting', 'active', 'prioritized')),
      );
      const empty = counts.every((c) => Object.values(c).every((n) => n === 0));
      if (this.running.size === 0 && empty) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  private async process(
    handlers: Map<string, JobHandler<unknown>>,
    job: BullJob<Envelope>,
    token: string | undefined,
  ): Promise<void> {
    const handler = handlers.get(job.name);
    if (!handler || !job.id) throw new UnrecoverableError(`No handler for job type ${job.name}`);
    const stop = new AbortController();
    this.running.set(job.id, stop);
    try {
      const outcome = await runJob(
        handler,
        {
          id: job.id,
          workspaceId: job.data.workspaceId,
          payload: job.data.payload,
          attempt: job.attemptsMade + 1,
        },
        {
          heartbeat: (progress) => job.updateProgress(progress ?? {}),
          stopSignal: stop.signal,
          logger: this.options.logger,
        },
      );
      if (outcome.kind === 'retry') throw new RetryLater(outcome.error, outcome.delayMs);
      if (outcome.kind === 'failed') throw new UnrecoverableError(outcome.error);
      if (outcome.kind === 'handed-back') {
        await job.moveToWait(token);
        throw new WaitingError();
      }
    } finally {
      this.running.delete(job.id);
    }
  }
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

function delayUntil(runAt: string): number {
  const at = Date.parse(runAt);
  if (Number.isNaN(at)) throw new BugError('invalid_run_at', `Not a time: ${runAt}`);
  return Math.max(0, at - Date.now());
}
