import type { JobHandler } from '../ports/job-queue.js';
import type { StatsSyncService } from '../services/analytics/stats-sync.service.js';
import { STATS_IMPORT_JOB, STATS_SYNC_JOB, type StatsImportPayload } from './catalog.js';

/** The recurring stats sweep; it plans its successor first, so a failure never breaks the chain. */
export function statsSyncJob(stats: StatsSyncService): JobHandler<Record<string, never>> {
  return {
    type: STATS_SYNC_JOB,
    handle: async () => {
      await stats.planNext();
      await stats.sweep();
    },
  };
}

/** The import of a connected account's earlier posts. */
export function statsImportJob(stats: StatsSyncService): JobHandler<StatsImportPayload> {
  return {
    type: STATS_IMPORT_JOB,
    handle: async ({ workspaceId, payload }) => {
      await stats.importEarlierPosts(workspaceId, payload.connectionId);
    },
  };
}
