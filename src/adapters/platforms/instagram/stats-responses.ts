import type { StatsCounters } from '../../../domain/analytics/stats.js';
import type { AccountPost } from '../../../ports/platform-stats.js';
import { asNumber, asText, isRecord } from './body-fields.js';
import { graphTime, parseId } from './publish-responses.js';

/** The insights the stats reader asks for: current names only (one retired name fails the whole call). */
export const INSIGHT_METRICS = [
  'views',
  'reach',
  'likes',
  'comments',
  'shares',
  'saved',
  'total_interactions',
  'ig_reels_avg_watch_time',
] as const;

/** Metrics that land in `extra`, under the product's names. */
const EXTRA_NAMES: Record<string, string> = {
  reach: 'reach',
  saved: 'saved',
  total_interactions: 'totalInteractions',
  ig_reels_avg_watch_time: 'avgWatchTimeMs',
};

/**
 * Reads `{"data":[{"name":"views","values":[{"value":123}],…}]}`: the counters, `empty` for an empty set (Instagram
 * has nothing yet), or null when the body is not that shape. A metric Instagram leaves out stays null.
 */
export function parseInsights(body: Record<string, unknown>): StatsCounters | 'empty' | null {
  if (!Array.isArray(body.data)) return null;
  if (body.data.length === 0) return 'empty';
  const values = new Map<string, number>();
  for (const entry of body.data.filter(isRecord)) {
    const name = asText(entry.name);
    const first: unknown = Array.isArray(entry.values) ? entry.values[0] : null;
    const value = isRecord(first) ? asNumber(first.value) : null;
    if (name !== null && value !== null) values.set(name, value);
  }
  const extra: Record<string, number> = {};
  for (const [metric, key] of Object.entries(EXTRA_NAMES)) {
    const value = values.get(metric);
    if (value !== undefined) extra[key] = value;
  }
  return {
    views: values.get('views') ?? null,
    likes: values.get('likes') ?? null,
    comments: values.get('comments') ?? null,
    shares: values.get('shares') ?? null,
    extra,
  };
}

/** The fields the listing of earlier posts asks for. */
export const LISTING_FIELDS = 'id,caption,media_type,media_product_type,timestamp,permalink';

/**
 * Reads one page of `GET /{ig-user-id}/media`: its videos (Reels, and feed videos of older accounts) as earlier posts,
 * and the cursor of the next page, which Graph gives only while `paging.next` says there is one. Instagram lists no
 * numbers and no duration, so both stay null.
 */
export function parseAccountPosts(body: Record<string, unknown>): {
  posts: AccountPost[];
  nextCursor: string | null;
} {
  const data = Array.isArray(body.data) ? body.data.filter(isRecord) : [];
  const posts = data.flatMap((m): AccountPost[] => {
    const id = parseId(m);
    const publishedAt = graphTime(m.timestamp);
    const isVideo = m.media_product_type === 'REELS' || m.media_type === 'VIDEO';
    if (id === null || publishedAt === null || !isVideo) return [];
    return [
      {
        platformPostId: id,
        title: asText(m.caption) ?? '',
        url: asText(m.permalink),
        durationSec: null,
        publishedAt: new Date(publishedAt).toISOString(),
        counters: null,
      },
    ];
  });
  return { posts, nextCursor: nextCursor(body.paging) };
}

function nextCursor(paging: unknown): string | null {
  if (!isRecord(paging)) return null;
  const next = asText(paging.next);
  if (next === null) return null;
  const cursors = isRecord(paging.cursors) ? paging.cursors : {};
  const after = asText(cursors.after);
  if (after !== null) return after;
  try {
    return new URL(next).searchParams.get('after');
  } catch {
    return null;
  }
}
