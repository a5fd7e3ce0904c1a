import {
  dayStart,
  TIKTOK_DAY_ZONE,
  tiktokBudget,
  YOUTUBE_QUOTA_ZONE,
  youtubeBudget,
  type BudgetVerdict,
} from '../../domain/publishing/budgets.js';
import type { Publication } from '../../domain/publishing/publication.js';
import type { PublishingDeps } from './publishing-deps.js';

/**
 * Whether a publication may start now under the platform's budgets, counted from the publications that started
 * before it. Instagram's limit is read from the platform by its publisher, right before media_publish.
 */
export async function checkBudget(
  deps: Pick<PublishingDeps, 'store' | 'clock' | 'settings'>,
  p: Publication,
): Promise<BudgetVerdict> {
  const now = deps.clock.now();
  const count = (since: number, connectionId?: string) =>
    deps.store.publications.countStartedSince({
      platform: p.platform,
      since: new Date(since).toISOString(),
      ...(connectionId ? { connectionId } : {}),
    });
  const displayZone = p.timeZone ?? 'UTC';
  const s = deps.settings;
  if (p.platform === 'tiktok') {
    return tiktokBudget({
      startedLastMinute: await count(now - 60_000, p.connectionId),
      startedToday: await count(dayStart(TIKTOK_DAY_ZONE, now), p.connectionId),
      perMinute: s.tiktokInitsPerMinute,
      dailyCap: s.tiktokDailyPostsPerCreator,
      now,
      displayZone,
    });
  }
  if (p.platform === 'youtube') {
    // The quota belongs to the app's Google project, so every channel's uploads and stats reads count.
    const since = dayStart(YOUTUBE_QUOTA_ZONE, now);
    const statsUnits = await deps.store.statsCalls.unitsSince({
      platform: 'youtube',
      since: new Date(since).toISOString(),
    });
    return youtubeBudget({
      startedToday: await count(since),
      dailyUnits: s.youtubeDailyQuotaUnits - statsUnits,
      costPerUpload: s.youtubeUploadCostUnits,
      now,
      displayZone,
    });
  }
  return 'go';
}
