import type { BaseUrlName } from '../../../config/platforms.js';
import { BugError, TransientError } from '../../../domain/errors.js';
import type { Clock } from '../../../ports/clock.js';
import type { AccountPost, PlatformStatsReader, PostReading } from '../../../ports/platform-stats.js';
import { platformFetch, platformUrl, type PlatformResponse } from '../http.js';
import { isRecord, readTikTokEnvelope } from './tiktok-envelope.js';
import { parseTiktokJson } from './tiktok-json.js';
import { retryAfterAt } from './tiktok-publish-errors.js';
import { accountPostOf, countersOf, videoObjectId, videoObjectsOf } from './tiktok-video-object.js';

/** Where TikTok is reached, and the clock that dates a throttled call's retry. */
export interface TiktokStatsReaderOptions {
  baseUrls: Record<BaseUrlName, string>;
  clock: Clock;
  timeoutMs?: number;
}

const QUERY_FIELDS = ['id', 'view_count', 'like_count', 'comment_count', 'share_count'];
const LIST_FIELDS = [
  'id',
  'create_time',
  'title',
  'video_description',
  'duration',
  'share_url',
  ...QUERY_FIELDS.slice(1),
];
/** video.query takes at most 20 ids; video.list answers at most 20 videos a page (§1.7). */
const MAX_IDS = 20;
const PAGE_SIZE = 20;

/** Why a post asked for is absent from video.query: TikTok answers only for the user's public posts. */
export const NOT_PUBLIC_REASON =
  'TikTok shares numbers only for public posts (this one is private, not public yet, or removed)';

/** TikTok's public numbers through the Display API (PLATFORMS.md §1.7): video.query and video.list. */
export class TiktokStatsReader implements PlatformStatsReader {
  readonly platform = 'tiktok' as const;
  readonly maxIdsPerCall = MAX_IDS;
  readonly unitsPerCall = 1;

  constructor(private readonly options: TiktokStatsReaderOptions) {}

  /** One video.query for these ids; an id TikTok leaves out is `no_stats` (not public), never 0. */
  async readStats(
    accessToken: string,
    _account: { externalAccountId: string },
    postIds: string[],
  ): Promise<PostReading[]> {
    const ids = [...new Set(postIds)];
    if (ids.length === 0) return [];
    // More than 20 ids go to TikTok as asked: its invalid_params refusal names the caller's mistake.
    const data = await this.call(
      'Reading TikTok video numbers',
      '/v2/video/query/',
      QUERY_FIELDS,
      accessToken,
      {
        filters: { video_ids: ids },
      },
    );
    const found = new Map<string, Record<string, unknown>>();
    for (const video of videoObjectsOf(data)) {
      const id = videoObjectId(video);
      if (id !== null) found.set(id, video);
    }
    return ids.map((id): PostReading => {
      const video = found.get(id);
      return video
        ? { platformPostId: id, state: 'ok', counters: countersOf(video), reason: null }
        : { platformPostId: id, state: 'no_stats', counters: null, reason: NOT_PUBLIC_REASON };
    });
  }

  /** One page of video.list (public posts, newest first) with their numbers; the cursor is TikTok's ms time. */
  async listPosts(
    accessToken: string,
    _account: { externalAccountId: string },
    cursor: string | null,
  ): Promise<{ posts: AccountPost[]; nextCursor: string | null }> {
    const before = cursor === null ? null : cursorTime(cursor);
    const data = await this.call('Listing TikTok videos', '/v2/video/list/', LIST_FIELDS, accessToken, {
      max_count: PAGE_SIZE,
      ...(before === null ? {} : { cursor: before }),
    });
    const posts = videoObjectsOf(data).flatMap((video) => accountPostOf(video) ?? []);
    const next = data.cursor;
    // Only a cursor that moves back in time continues, so a misbehaving answer can never loop the import.
    const moves =
      typeof next === 'number' &&
      Number.isSafeInteger(next) &&
      next >= 0 &&
      (before === null || next < before);
    return { posts, nextCursor: data.has_more === true && moves ? String(next) : null };
  }

  /** One Display API call; its answer's `data`, or the error TikTok's answer means. */
  private async call(
    what: string,
    path: string,
    fields: string[],
    accessToken: string,
    body: unknown,
  ): Promise<Record<string, unknown>> {
    const response = await platformFetch(
      platformUrl(this.options.baseUrls.TIKTOK_API_BASE_URL, path, { fields: fields.join(',') }),
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${accessToken}`,
          'content-type': 'application/json; charset=UTF-8',
        },
        body: JSON.stringify(body),
      },
      { timeoutMs: this.options.timeoutMs },
    );
    // Ids are int64: parsed keeping long integers whole, in case TikTok writes one as a bare number.
    const json = parseTiktokJson(response.text);
    if (isThrottled(response, json)) throw this.throttled(what, response);
    return readTikTokEnvelope({ ...response, json }, what);
  }

  /** TikTok's one-minute sliding window sends no Retry-After: without one, a retry waits the window out. */
  private throttled(what: string, response: PlatformResponse): TransientError {
    const now = this.options.clock.now();
    const retryAt = retryAfterAt(now, response.headers.get('retry-after'));
    return new TransientError(
      'platform_rate_limited',
      `${what} was throttled by TikTok (600 calls a minute per account)`,
      retryAt - now,
    );
  }
}

function isThrottled(response: PlatformResponse, json: unknown): boolean {
  const code = isRecord(json) && isRecord(json.error) ? json.error.code : null;
  return response.status === 429 || code === 'rate_limit_exceeded';
}

/** The ms time a cursor of ours stands for; anything else was not made by listPosts. */
function cursorTime(cursor: string): number {
  const time = Number(cursor);
  if (!/^\d+$/.test(cursor) || !Number.isSafeInteger(time)) {
    throw new BugError('invalid_cursor', `A TikTok listing cursor is a time in ms, not "${cursor}"`);
  }
  return time;
}
