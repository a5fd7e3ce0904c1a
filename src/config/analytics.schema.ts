import { z } from 'zod';

const count = (min: number, max: number, def: number) =>
  z.coerce.number().int().min(min).max(max).default(def);

/** Stats sync and the import of earlier posts (docs/analytics.md): cadence, budgets and bounds. */
export const analyticsSettings = {
  STATS_SYNC_INTERVAL_SECONDS: count(5, 3600, 60).describe(
    'How often the stats sweep looks for videos due a reading (1 h, 6 h, 24 h, 48 h, 7 d, 28 d, then weekly to 90 d after publishing)',
  ),
  STATS_MAX_READINGS_PER_SWEEP: count(100, 1_000_000, 20_000).describe(
    'Readings one sweep takes at most; the rest wait for the next sweep',
  ),
  STATS_TIKTOK_CALLS_PER_MINUTE: count(1, 600, 300).describe(
    'TikTok video.query calls per account per minute (TikTok allows 600 a token); readings beyond wait for a later sweep',
  ),
  STATS_INSTAGRAM_CALLS_PER_HOUR: count(1, 100_000, 200).describe(
    "Instagram insights calls per account per hour (one call per media; Meta's Business Use Case budget); readings beyond wait",
  ),
  STATS_YOUTUBE_QUOTA_SHARE: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(0.2)
    .describe(
      'Share of YOUTUBE_DAILY_QUOTA_UNITS that stats reads (videos.list, 1 unit per 50 videos) may use a day, so they never starve uploads',
    ),
  STATS_IMPORT_MAX_POSTS: count(0, 10_000, 200).describe(
    'Earlier posts imported when an account is connected (their public numbers start the learning loop); 0 turns the import off',
  ),
  STATS_IMPORT_MAX_WEEKS: count(1, 520, 12).describe(
    'How far back the import of earlier posts goes, in weeks',
  ),
};
