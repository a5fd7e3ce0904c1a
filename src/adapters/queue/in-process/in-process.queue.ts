import { TransientError } from '../../../domain/errors.js';
import { newId } from '../../../domain/ids.js';
import type { JobCatalog } from '../../../ports/job-handler.js';
import { isoNow, type Clock } from '../../../ports/clock.js';
import type { JobQueue } from '../../../ports/job-queue.js';
import type { Logger } from '../../../ports/logger.js';
import type { Store } from '../../../ports/store.js';

const LEASE_MS = 60_000;

export interface InProcessQueueOptions {
  store: Store;
  clock: Clock;
  catalog: JobCatalog;
  logger: Logger;
  /** At most this many jobs run at once (CPU count by default). */
  concurrency: number;
  pollMs?: number;
}

/**
 * The embedded default's queue: jobs live in the store (so a restart resumes them: an expired lease makes a
 * running job claimable again) and run in this process, at most `concurrency` at a time.
 */
export class InProcessQueue implements JobQueue {
  private running = new Map<string, AbortController>();
  private timer: NodeJS.Timeout | null = null;
  private pumping = false;

  constructor(private readonly options: InProcessQueueOptions) {}

  async enqueue(type: string, workspaceId: string, payload: Record<string, unknown>): Promise<string> {
    if (!this.options.catalog[type]) throw new Error(`Unknown job type ${type}`);
    const now = isoNow(this.options.clock);
    const id = newId();
    await this.options.store.jobs.enqueue({
      id,
      workspaceId,
      type,
      payload,
      status: 'queued',
      attempts: 0,
      progress: null,
      error: null,
      runAfter: now,
      leaseUntil: null,
      createdAt: now,
      updatedAt: now,
    });
    this.wake();
    return id;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.wake(), this.options.pollMs ?? 1000);
    this.timer.unref();
    this.wake();
  }

  /** Stops taking jobs and aborts the running ones; their leases expire and they resume after a restart. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const controller of this.running.values()) controller.abort();
    while (this.running.size > 0) await new Promise((r) => setTimeout(r, 20));
  }

  /** Resolves when no job is queued or running; for tests and the CLI. */
  async idle(): Promise<void> {
    for (;;) {
      const counts = await this.options.store.jobs.countByStatus();
      if (!counts.queued && !counts.running && this.running.size === 0) return;
      this.wake();
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  private wake(): void {
    if (this.pumping) return;
    this.pumping = true;
    void this.pump().finally(() => {
      this.pumping = false;
    });
  }

  private async pump(): Promise<void> {
    const { store, clock, concurrency } = this.options;
    while (this.running.size < concurrency && this.timer !== null) {
      const job = await store.jobs.claimNext(isoNow(clock), isoNow(clock, LEASE_MS));
      if (!job) return;
      const controller = new AbortController();
      this.running.set(job.id, controller);
      void this.run(job, controller).finally(() => {
        this.running.delete(job.id);
        this.wake();
      });
    }
  }

  private async run(
    job: Parameters<JobCatalog[string]['handle']>[0],
    controller: AbortController,
  ): Promise<void> {
    const { store, clock, catalog, logger } = this.options;
    const definition = catalog[job.type];
    if (!definition) return;
    const heartbeat = async (progress: typeof job.progress) =>
      store.jobs.heartbeat(job.id, progress, isoNow(clock, LEASE_MS));
    try {
      await definition.handle(job, { heartbeat, signal: controller.signal });
      await store.jobs.finish(job.id, 'succeeded', null, isoNow(clock));
    } catch (error) {
      if (controller.signal.aborted) return; // stopped: the lease expires and the job resumes later
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof TransientError && job.attempts < definition.maxAttempts) {
        const backoff = error.retryAfterMs ?? 2_000 * 2 ** (job.attempts - 1);
        logger.warn(
          { jobId: job.id, type: job.type, attempt: job.attempts, code: error.code },
          'job failed, retrying',
        );
        await store.jobs.requeue(job.id, isoNow(clock, backoff), isoNow(clock));
        return;
      }
      logger.warn({ jobId: job.id, type: job.type, err: error }, 'job failed');
      await store.jobs.finish(job.id, 'failed', message, isoNow(clock));
      await definition
        .onFinalFailure(job, error)
        .catch((err: unknown) => logger.error({ err, jobId: job.id }, 'could not record the failure'));
    }
  }
}
