import type { StatsCounters } from '../../../domain/analytics/stats.js';
import { TransientError, type UserError } from '../../../domain/errors.js';
import type { PostReading } from '../../../ports/platform-stats.js';
import type { PlatformResponse } from '../http.js';
import { asObject, numberField } from './json-fields.js';
import { nextPacificMidnight } from './pacific-time.js';
import { googleApiErrorReason, youtubeApiFailure } from './youtube-channel.js';
import { QUOTA_RESET_MARGIN_MS } from './youtube-publish-errors.js';

/** A counter YouTube sent (as a string of digits); null when it left it out (hidden likes, comments off). */
function counter(statistics: Record<string, unknown>, key: string): number | null {
  const value = numberField(statistics, key);
  return value !== null && Number.isInteger(value) && value >= 0 ? value : null;
}

/** The `statistics` of a video as counters: YouTube has no share count; dislikes come to the owner only. */
export function countersOf(statistics: Record<string, unknown>): StatsCounters {
  const dislikes = counter(statistics, 'dislikeCount');
  return {
    views: counter(statistics, 'viewCount'),
    likes: counter(statistics, 'likeCount'),
    comments: counter(statistics, 'commentCount'),
    shares: null,
    extra: dislikes === null ? {} : { dislikes },
  };
}

/** One asked id read from the `videos.list` items: absent means deleted, private or otherwise unavailable. */
export function readingOf(videoId: string, item: Record<string, unknown> | undefined): PostReading {
  if (!item) {
    return {
      platformPostId: videoId,
      state: 'no_stats',
      counters: null,
      reason: 'YouTube did not return this video: it was deleted, made private, or is not available.',
    };
  }
  const statistics = asObject(item.statistics);
  if (!statistics) {
    return {
      platformPostId: videoId,
      state: 'no_stats',
      counters: null,
      reason: 'YouTube returned this video without its statistics.',
    };
  }
  return { platformPostId: videoId, state: 'ok', counters: countersOf(statistics), reason: null };
}

/** Seconds of an ISO 8601 duration (`PT1M5S`, `P1DT2H`); null for P0D (not processed yet) or anything else. */
export function isoDurationSeconds(value: string | null): number | null {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(value ?? '');
  if (!match) return null;
  const [days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
  ];
  const total = ((days * 24 + hours) * 60 + minutes) * 60 + seconds;
  return total > 0 ? total : null;
}

/**
 * What a refused read (not 429/5xx, which throwIfTransient handles) throws: for a spent daily quota a
 * TransientError that waits for the reset at midnight Pacific time; otherwise the connector's mapping
 * (needs_reconnect for a refused token, TransientError for short-term limits).
 */
export function youtubeStatsFailure(
  response: PlatformResponse,
  what: string,
  now: number,
): UserError | TransientError {
  if (googleApiErrorReason(response.json) === 'quotaExceeded') {
    return new TransientError(
      'platform_quota_exceeded',
      `${what}: YouTube's daily quota for this app is used up (quotaExceeded); it is read again after the reset at midnight Pacific time.`,
      nextPacificMidnight(now) + QUOTA_RESET_MARGIN_MS - now,
    );
  }
  return youtubeApiFailure(response, what);
}
