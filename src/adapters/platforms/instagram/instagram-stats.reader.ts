import type { BaseUrlName } from '../../../config/platforms.js';
import { BugError, TransientError } from '../../../domain/errors.js';
import type { Clock } from '../../../ports/clock.js';
import type { AccountPost, PlatformStatsReader, PostReading } from '../../../ports/platform-stats.js';
import type { PlatformResponse } from '../http.js';
import { asText, isRecord } from './body-fields.js';
import { InstagramGraphClient, regainAccessAt, type GraphAnswer } from './instagram-graph-client.js';
import { readMetaError, throwMetaFailure } from './meta-errors.js';
import { INSIGHT_METRICS, LISTING_FIELDS, parseAccountPosts, parseInsights } from './stats-responses.js';

/** Where Instagram is reached and the clock that dates rate-limit waits (as the publisher). */
export interface InstagramStatsReaderOptions {
  baseUrls: Record<BaseUrlName, string>;
  clock: Clock;
  timeoutMs?: number;
}

type Failed = Extract<GraphAnswer, { ok: false }>;

/**
 * Public numbers of Reels (PLATFORMS.md §2.4): one `GET /{ig-media-id}/insights` per media, so one id per call, and
 * the account's earlier posts from `GET /{ig-user-id}/media`. Instagram's two "no number" answers stay apart: an
 * empty set is `lagging` (insights can be 48 h late), `(#10) Not enough viewers` is `no_stats`.
 */
export class InstagramStatsReader implements PlatformStatsReader {
  readonly platform = 'instagram' as const;
  readonly maxIdsPerCall = 1;
  readonly unitsPerCall = 1;
  private readonly graph: InstagramGraphClient;

  constructor(private readonly options: InstagramStatsReaderOptions) {
    this.graph = new InstagramGraphClient(
      options.baseUrls.INSTAGRAM_GRAPH_BASE_URL,
      options.clock,
      options.timeoutMs,
    );
  }

  /** Lifetime insights of one Reel: exactly one call. */
  async readStats(
    accessToken: string,
    _account: { externalAccountId: string },
    postIds: string[],
  ): Promise<PostReading[]> {
    const [mediaId] = postIds;
    if (mediaId === undefined || postIds.length > this.maxIdsPerCall) {
      throw new BugError('stats_batch_size', `Instagram reads one media per call, not ${postIds.length}`);
    }
    const answer = await this.graph.getRaw(
      `/${encodeURIComponent(mediaId)}/insights`,
      { metric: INSIGHT_METRICS.join(',') },
      accessToken,
    );
    if (!answer.ok) return [this.unreadable(mediaId, answer)];
    const counters = parseInsights(answer.body);
    if (counters === null) throw unreadableAnswer('insights without a data list');
    if (counters === 'empty') {
      return [
        reading(
          mediaId,
          'lagging',
          'Instagram has no numbers for this Reel yet (they can be up to 48 hours late)',
        ),
      ];
    }
    return [{ platformPostId: mediaId, state: 'ok', counters, reason: null }];
  }

  /** One page (25) of the account's earlier videos, newest first; `cursor` is Graph's `after` cursor. */
  async listPosts(
    accessToken: string,
    account: { externalAccountId: string },
    cursor: string | null,
  ): Promise<{ posts: AccountPost[]; nextCursor: string | null }> {
    const query: Record<string, string> = { fields: LISTING_FIELDS, limit: '25' };
    if (cursor !== null) query.after = cursor;
    const answer = await this.graph.getRaw(
      `/${encodeURIComponent(account.externalAccountId)}/media`,
      query,
      accessToken,
    );
    if (!answer.ok) this.fail('Listing Instagram posts', answer.response);
    if (!Array.isArray(answer.body.data)) throw unreadableAnswer('a media list without data');
    return parseAccountPosts(answer.body);
  }

  /**
   * A failed insights call: the per-media answers that mean "no number" become readings, the rest is thrown. Meta
   * gives "not enough viewers" the same code (10) as a missing permission, so only its wording tells them apart.
   */
  private unreadable(mediaId: string, failed: Failed): PostReading {
    const error = failed.error;
    if (error?.code === 10 && /not enough viewers/i.test(graphMessage(failed.response.json))) {
      return reading(mediaId, 'no_stats', 'Instagram shows no insights for Reels with too few viewers');
    }
    // 100/33: the media does not exist for this token (deleted, another account's) or, as Meta also does, a passing
    // read error; either way this reading failed, and the next scheduled one asks again.
    if (error?.code === 100 && error.subcode === 33) {
      return reading(mediaId, 'missing', 'Instagram could not find this Reel (deleted, or a passing error)');
    }
    return this.fail('Reading Instagram insights', failed.response);
  }

  /** Throws the product error for a failed call, with the wait Meta's headers announce on a rate limit. */
  private fail(what: string, response: PlatformResponse): never {
    try {
      throwMetaFailure(what, response);
    } catch (error) {
      const now = this.options.clock.now();
      const regainAt = regainAccessAt(response, now);
      if (error instanceof TransientError && error.retryAfterMs === undefined && regainAt !== null) {
        throw new TransientError(error.code, error.message, regainAt - now);
      }
      throw error;
    }
  }
}

function reading(platformPostId: string, state: PostReading['state'], reason: string): PostReading {
  return { platformPostId, state, counters: null, reason };
}

/** Graph's own `message` (readMetaError prefers the user-facing text, which does not name the case). */
function graphMessage(body: unknown): string {
  const envelope = isRecord(body) && isRecord(body.error) ? body.error : null;
  return [asText(envelope?.message), readMetaError(body)?.message].filter(Boolean).join(' ');
}

function unreadableAnswer(what: string): TransientError {
  return new TransientError('platform_unreadable_answer', `Instagram answered oddly (${what})`);
}
