import type { StatsBudgetSettings } from '../../domain/analytics/stats-budgets.js';
import type { Clock } from '../../ports/clock.js';
import type { JobQueue } from '../../ports/job-queue.js';
import type { StatsReaderSet } from '../../ports/platform-stats.js';
import type { Store } from '../../ports/store.js';
import type { TokenRefreshService } from '../token-refresh.service.js';

/** Cadence, budgets and bounds of the stats sync (from config). */
export interface StatsSyncSettings extends StatsBudgetSettings {
  intervalMs: number;
  maxReadingsPerSweep: number;
  importMaxPosts: number;
  importMaxWeeks: number;
}

/** What the stats sync works with. */
export interface StatsSyncDeps {
  store: Store;
  clock: Clock;
  queue: JobQueue;
  readers: StatsReaderSet;
  tokenRefresh: Pick<TokenRefreshService, 'withAccessToken'>;
  settings: StatsSyncSettings;
}

/** The defaults of the configuration, for tests and tools. */
export const DEFAULT_STATS_SYNC_SETTINGS: StatsSyncSettings = {
  intervalMs: 60_000,
  maxReadingsPerSweep: 20_000,
  importMaxPosts: 200,
  importMaxWeeks: 12,
  tiktokCallsPerMinute: 300,
  instagramCallsPerHour: 200,
  youtubeDailyQuotaUnits: 10_000,
  youtubeUploadCostUnits: 100,
  youtubeStatsShare: 0.2,
};
