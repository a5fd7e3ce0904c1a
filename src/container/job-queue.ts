import { availableParallelism, hostname } from 'node:os';
import type { Config } from '../config/schema.js';
import { dataExportJob } from '../jobs/data-export.job.js';
import { generateJob } from '../jobs/generate.job.js';
import { housekeepingJob } from '../jobs/housekeeping.job.js';
import { publishJob } from '../jobs/publish.job.js';
import { refreshTokenJob } from '../jobs/refresh-token.job.js';
import { retentionJob } from '../jobs/retention.job.js';
import { statsImportJob, statsSyncJob } from '../jobs/stats-sync.job.js';
import type { Clock } from '../ports/clock.js';
import type { JobEngine, JobHandlers } from '../ports/job-queue.js';
import type { Logger } from '../ports/logger.js';
import type { SchedulerLease } from '../ports/scheduler-lease.js';
import type { Store } from '../ports/store.js';
import type { StatsSyncService } from '../services/analytics/stats-sync.service.js';
import type { HousekeepingService } from '../services/housekeeping.service.js';
import type { ItemGenerationService } from '../services/item-generation.service.js';
import { Scheduler } from '../services/scheduler.service.js';
import type { RetentionService } from '../services/privacy/retention.service.js';
import type { PublishingService } from '../services/publishing/publishing.service.js';
import type { DataExportService } from '../services/privacy/data-export.service.js';
import type { RefreshPlanner } from '../services/refresh-planner.js';
import type { TokenRefreshService } from '../services/token-refresh.service.js';

/**
 * Picks the queue engine: BullMQ when REDIS_URL is set (several workers share the jobs), otherwise the
 * in-process queue kept in the store. BullMQ is imported only then, so SQLite users never load it.
 */
export async function buildJobQueue(
  config: Config,
  deps: { store: Store; clock: Clock; logger: Logger },
): Promise<JobEngine> {
  const concurrency = {
    render: config.RENDER_CONCURRENCY ?? availableParallelism(),
    io: config.IO_JOB_CONCURRENCY,
  };
  if (config.REDIS_URL) {
    const { BullmqQueue } = await import('../adapters/queue/bullmq/bullmq.queue.js');
    return new BullmqQueue({ redisUrl: config.REDIS_URL, logger: deps.logger, concurrency });
  }
  const { InProcessQueue } = await import('../adapters/queue/in-process/in-process.queue.js');
  // One process per SQLite file, so the host names the install: a restart takes back what the last run left.
  return new InProcessQueue({ ...deps, concurrency, node: `embedded@${hostname()}` });
}

/** The services the worker's handlers and the scheduler's plans call. */
export interface JobServices {
  items: ItemGenerationService;
  tokenRefresh: TokenRefreshService;
  planner: RefreshPlanner;
  housekeeping: HousekeepingService;
  publishing: PublishingService;
  stats: StatsSyncService;
  dataExports: DataExportService;
  retention: RetentionService;
}

/** Starts this process's worker with every job handler (the worker role). */
export async function startWorker(queue: JobEngine, services: JobServices): Promise<void> {
  const handlers: JobHandlers = [
    generateJob(services.items),
    refreshTokenJob(services.tokenRefresh),
    housekeepingJob(services.housekeeping),
    publishJob(services.publishing),
    statsSyncJob(services.stats),
    statsImportJob(services.stats),
    dataExportJob(services.dataExports),
    retentionJob(services.retention),
  ];
  await queue.start(handlers);
}

/**
 * Plans the recurring jobs (the scheduler role): each connection's next token refresh, and the next housekeeping,
 * stats sweep and retention run. Each is a keyed job, so planning again, or from two schedulers, adds nothing;
 * once run, each job plans its successor.
 */
export async function planRecurringJobs(services: JobServices): Promise<void> {
  await services.planner.planAll();
  await services.housekeeping.planNext();
  await services.stats.planNext();
  await services.retention.planNext();
}

/**
 * The scheduler's lease: in Redis when REDIS_URL is set (schedulers on several machines take turns), otherwise
 * held for good by this one process (the embedded default, where nothing else shares the store).
 */
export async function buildSchedulerLease(config: Config): Promise<SchedulerLease> {
  if (config.REDIS_URL) {
    const { RedisLease } = await import('../adapters/lease/redis-lease.js');
    return new RedisLease({
      redisUrl: config.REDIS_URL,
      key: 'ai-factory:scheduler-lease',
      ttlMs: config.SCHEDULER_LEASE_SECONDS * 1000,
    });
  }
  const { SoloLease } = await import('../adapters/lease/solo-lease.js');
  return new SoloLease();
}

/** The scheduler role over the configured lease, planning the recurring jobs of `services`. */
export async function buildScheduler(
  config: Config,
  services: JobServices,
  logger: Logger,
): Promise<{ scheduler: Scheduler; lease: SchedulerLease }> {
  const lease = await buildSchedulerLease(config);
  const scheduler = new Scheduler({
    lease,
    plan: () => planRecurringJobs(services),
    logger,
    replanMs: config.SCHEDULER_REPLAN_MINUTES * 60_000,
  });
  return { scheduler, lease };
}
