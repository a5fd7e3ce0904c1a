import type { PublishFailure } from '../../../domain/publishing/publish-failure.js';
import type { Clock } from '../../../ports/clock.js';
import type { InstagramGraphClient } from './instagram-graph-client.js';
import { dailyCapFailure, instagramPublishError } from './instagram-publish-errors.js';
import {
  parseMediaList,
  parsePublishingLimit,
  type MediaSummary,
  type PublishingLimit,
} from './publish-responses.js';

const DAY_MS = 86_400_000;
// Meta's window may free a little after our reading of it (clock skew, rounding): one more minute.
const WINDOW_MARGIN_MS = 60_000;
// When the account's media do not say when the window frees, look again in an hour.
const FALLBACK_WAIT_MS = 3_600_000;

/** The rolling 24 h publishing cap (`content_publishing_limit`, PLATFORMS.md §2.2) and the account's recent media. */
export class InstagramPublishLimits {
  constructor(
    private readonly graph: InstagramGraphClient,
    private readonly clock: Clock,
  ) {}

  /** `GET /{ig-user-id}/content_publishing_limit?fields=quota_usage,config&since=<24 h ago>`. */
  async read(token: string, igUserId: string): Promise<PublishingLimit> {
    // "since" must lie within the last 24 h; a minute inside keeps a slow clock from asking for more.
    const since = Math.ceil((this.clock.now() - DAY_MS + WINDOW_MARGIN_MS) / 1000);
    const body = await this.graph.get(
      `/${igUserId}/content_publishing_limit`,
      { fields: 'quota_usage,config', since: String(since) },
      token,
    );
    const limit = parsePublishingLimit(body);
    if (!limit) {
      throw instagramPublishError(
        { code: null, subcode: null, message: 'no quota in the answer', isTransient: true },
        { now: this.clock.now() },
      );
    }
    return limit;
  }

  /** Throws the deferral when the account has no publish left in the window (checked before media_publish). */
  async assertRoom(token: string, igUserId: string): Promise<void> {
    const limit = await this.read(token, igUserId);
    if (limit.usage >= limit.total) throw await this.capReached(token, igUserId, limit);
  }

  /**
   * The daily-cap deferral (9/2207042), dated when the rolling window frees: the publish that leaves the window
   * first (the account's media, oldest first within the last 24 h) plus the window's length.
   */
  async capReached(token: string, igUserId: string, known?: PublishingLimit): Promise<PublishFailure> {
    const now = this.clock.now();
    const limit = known ?? (await this.read(token, igUserId).catch(() => null));
    const windowMs = (limit?.durationSec ?? 86_400) * 1000;
    const inWindow = (await this.recentMedia(token, igUserId).catch(() => []))
      .map((m) => m.publishedAt)
      .filter((t): t is number => t !== null && t > now - windowMs && t <= now)
      .sort((a, b) => a - b);
    // With `usage - total + 1` publishes to drop out, the one that frees the last needed slot decides.
    const index = Math.max(0, limit ? limit.usage - limit.total : 0);
    const frees = inWindow[index];
    const retryAt = frees === undefined ? now + FALLBACK_WAIT_MS : frees + windowMs + WINDOW_MARGIN_MS;
    return dailyCapFailure(retryAt);
  }

  /** The account's latest media (newest first), with their links and publish times. */
  async recentMedia(token: string, igUserId: string): Promise<MediaSummary[]> {
    const body = await this.graph.get(
      `/${igUserId}/media`,
      { fields: 'id,permalink,timestamp,caption', limit: '100' },
      token,
    );
    return parseMediaList(body);
  }
}
