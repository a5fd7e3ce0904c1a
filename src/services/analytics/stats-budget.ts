import { windowAllowance, youtubeStatsAllowance } from '../../domain/analytics/stats-budgets.js';
import { dayStart, YOUTUBE_QUOTA_ZONE } from '../../domain/publishing/budgets.js';
import type { Connection } from '../../domain/connection.js';
import type { PlatformStatsReader } from '../../ports/platform-stats.js';
import type { StatsSyncDeps } from './stats-sync-deps.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/**
 * How many readStats calls this connection may make now, counted from the stats call log (and, for YouTube's
 * project-wide quota, the uploads started today). Calls beyond it wait for a later sweep.
 */
export async function callsAllowed(
  deps: Pick<StatsSyncDeps, 'store' | 'clock' | 'settings'>,
  connection: Connection,
  reader: PlatformStatsReader,
): Promise<number> {
  const now = deps.clock.now();
  const s = deps.settings;
  const used = (since: number, perConnection: boolean) =>
    deps.store.statsCalls.unitsSince({
      platform: connection.platform,
      since: new Date(since).toISOString(),
      ...(perConnection ? { connectionId: connection.id } : {}),
    });
  const perCall = Math.max(1, reader.unitsPerCall);
  if (connection.platform === 'tiktok')
    return Math.floor(windowAllowance(await used(now - MINUTE_MS, true), s.tiktokCallsPerMinute) / perCall);
  if (connection.platform === 'instagram')
    return Math.floor(windowAllowance(await used(now - HOUR_MS, true), s.instagramCallsPerHour) / perCall);
  const since = dayStart(YOUTUBE_QUOTA_ZONE, now);
  const units = youtubeStatsAllowance({
    statsUnitsToday: await used(since, false),
    uploadsToday: await deps.store.publications.countStartedSince({
      platform: 'youtube',
      since: new Date(since).toISOString(),
    }),
    settings: s,
  });
  return Math.floor(units / perCall);
}
