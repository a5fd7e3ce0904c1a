import type { Platform } from '../connection.js';
import type { IsoDate } from '../people.js';

/**
 * What one read of a video's public numbers found. Only `ok` carries numbers; the other three are distinct
 * states that are never stored or shown as 0:
 * - `no_stats`: the platform has none to give (TikTok SELF_ONLY posts, Instagram "not enough viewers");
 * - `lagging`: not there yet (Instagram answers an empty set for up to 48 h);
 * - `missing`: our call failed (network, 5xx, rate limit after retries, a dead token).
 */
export type SnapshotState = 'ok' | 'no_stats' | 'lagging' | 'missing';
export const SNAPSHOT_STATES: readonly SnapshotState[] = ['ok', 'no_stats', 'lagging', 'missing'];

/** Counters as a platform reports them; a counter the platform omits is null (never 0). */
export interface StatsCounters {
  views: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  /** Platform-specific extras (Instagram reach, saved, ig_reels_avg_watch_time in ms). */
  extra: Record<string, number>;
}

/** One append-only reading of a tracked video's numbers at an age. Never updated once stored. */
export interface StatsSnapshot {
  id: string;
  workspaceId: string;
  trackedVideoId: string;
  connectionId: string;
  platform: Platform;
  /** The planned age of this reading (1, 6, 24, 48, 168, 672, then weekly to 2160 hours). */
  scheduledAgeHours: number;
  /** The actual age when it was taken (hours since publishedAt, fractional). */
  ageHours: number;
  takenAt: IsoDate;
  state: SnapshotState;
  /** Null unless state is `ok`. */
  counters: StatsCounters | null;
  /** Why there are no numbers (state other than ok), in plain words. */
  reason: string | null;
}

/** Where a tracked video came from: published by the product, or imported from the account's earlier posts. */
export type TrackedVideoSource = 'published' | 'imported';

/** A video on a connected account whose public numbers are followed over time. */
export interface TrackedVideo {
  id: string;
  workspaceId: string;
  connectionId: string;
  platform: Platform;
  /** The platform's public id (TikTok post id, Instagram media id, YouTube video id). */
  platformPostId: string;
  source: TrackedVideoSource;
  /** Set when the product published it. */
  publicationId: string | null;
  itemId: string | null;
  versionId: string | null;
  /** Series the item belongs to, when it was made in one (filters). */
  seriesId: string | null;
  title: string;
  url: string | null;
  durationSec: number | null;
  publishedAt: IsoDate;
  /** The parameters the product controlled (or, for imports, what can be observed), for the learning loop. */
  factors: Record<string, string>;
  /** The next planned reading; null when the schedule is over (90 days) or the video is gone. */
  nextSnapshotAt: IsoDate | null;
  nextSnapshotAgeHours: number | null;
  /** The newest `ok` counters, kept with the video so dashboards do not scan every snapshot. */
  latest: StatsCounters | null;
  latestAt: IsoDate | null;
  /** State of the newest reading (null before the first). */
  latestState: SnapshotState | null;
  /** Views at the fixed comparison age (7 days), once a reading at that age exists. */
  viewsAt7d: number | null;
  createdAt: IsoDate;
  updatedAt: IsoDate;
}
