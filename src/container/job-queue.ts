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
import type { Store } from '../ports/store.js';
import type { StatsSyncService } from '../services/analytics/stats-sync.service.js';
import type { HousekeepingService } from '../services/housekeeping.service.js';
import type { ItemGenerationService } from '../services/item-generation.service.js';
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

/** Starts the worker with every job handler, and plans the recurring jobs (idempotent, so every boot may). */
export async function startJobs(
  queue: JobEngine,
  services: {
    items: ItemGenerationService;
    tokenRefresh: TokenRefreshService;
    planner: RefreshPlanner;
    housekeeping: HousekeepingService;
    publishing: PublishingService;
    stats: StatsSyncService;
    dataExports: DataExportService;
    retention: RetentionService;
  },
): Promise<void> {
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
  await services.planner.planAll();
  await services.housekeeping.planNext();
  await services.stats.planNext();
  await services.retention.planNext();
}
