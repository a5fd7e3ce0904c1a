import type { Platform } from '../domain/connection.js';
import type { SnapshotState, StatsCounters } from '../domain/analytics/stats.js';

/** One post's reading, as a stats reader returns it. `counters` is set only when state is ok. */
export interface PostReading {
  platformPostId: string;
  state: SnapshotState;
  counters: StatsCounters | null;
  reason: string | null;
}

/** An earlier post of the account, for the import that gives the learning loop a start. */
export interface AccountPost {
  platformPostId: string;
  title: string;
  url: string | null;
  durationSec: number | null;
  publishedAt: string;
  /** Its numbers now, when the listing carries them (TikTok, YouTube); null: read them separately. */
  counters: StatsCounters | null;
}

/**
 * Reads public numbers of one platform. One `readStats` call is exactly one platform API call (so the sync can
 * count calls against the theoretical minimum), and asks for at most `maxIdsPerCall` posts.
 */
export interface PlatformStatsReader {
  readonly platform: Platform;
  /** TikTok video.query 20, YouTube videos.list 50, Instagram insights 1 (one media per call). */
  readonly maxIdsPerCall: number;
  /** API calls (or quota units) one readStats call costs. */
  readonly unitsPerCall: number;
  /**
   * Numbers of these posts (≤ maxIdsPerCall), one entry per id asked, in any order. A post the platform has no
   * numbers for comes back as no_stats or lagging; the whole call failing throws (TransientError for
   * 429/5xx/timeouts, UserError('needs_reconnect') for a dead token).
   */
  readStats(
    accessToken: string,
    account: { externalAccountId: string },
    postIds: string[],
  ): Promise<PostReading[]>;
  /** One page of the account's earlier posts, newest first; `cursor` null for the first page. */
  listPosts(
    accessToken: string,
    account: { externalAccountId: string },
    cursor: string | null,
  ): Promise<{ posts: AccountPost[]; nextCursor: string | null }>;
}

/** The readers this run has, by platform. */
export type StatsReaderSet = Partial<Record<Platform, PlatformStatsReader>>;
