import type { Platform } from '../../src/domain/connection.js';
import { TransientError } from '../../src/domain/errors.js';
import type { AccountPost, PlatformStatsReader, PostReading } from '../../src/ports/platform-stats.js';

/** How the fake answers for one post: numbers, or one of the states without numbers. */
export type FakeAnswer = { views: number } | { state: 'no_stats' | 'lagging'; reason: string } | 'omit';

/**
 * A stats reader that records every call. Posts answer `views` that grow by the call, unless `answers` says
 * otherwise; `failNext` makes the next calls throw (a 429, a 5xx, a dead token).
 */
export class FakeStatsReader implements PlatformStatsReader {
  readonly calls: { accessToken: string; postIds: string[] }[] = [];
  readonly answers = new Map<string, FakeAnswer>();
  readonly failNext: Error[] = [];
  /** Earlier posts listed, newest first, in pages of `pageSize`. */
  posts: AccountPost[] = [];
  pageSize = 20;
  listCalls = 0;

  constructor(
    readonly platform: Platform,
    readonly maxIdsPerCall: number,
    readonly unitsPerCall = 1,
  ) {}

  async readStats(accessToken: string, _account: unknown, postIds: string[]): Promise<PostReading[]> {
    if (postIds.length > this.maxIdsPerCall) throw new Error(`asked ${postIds.length} ids`);
    this.calls.push({ accessToken, postIds });
    const failure = this.failNext.shift();
    if (failure) throw failure;
    return postIds.flatMap((id): PostReading[] => {
      const answer = this.answers.get(id) ?? { views: 100 * this.calls.length };
      if (answer === 'omit') return [];
      if ('views' in answer)
        return [
          {
            platformPostId: id,
            state: 'ok',
            counters: { views: answer.views, likes: 1, comments: 0, shares: 0, extra: {} },
            reason: null,
          },
        ];
      return [{ platformPostId: id, state: answer.state, counters: null, reason: answer.reason }];
    });
  }

  async listPosts(_token: string, _account: unknown, cursor: string | null) {
    this.listCalls++;
    const start = cursor ? Number(cursor) : 0;
    const end = start + this.pageSize;
    return {
      posts: this.posts.slice(start, end),
      nextCursor: end < this.posts.length ? String(end) : null,
    };
  }

  /** Ids asked for, over every call. */
  askedIds(): string[] {
    return this.calls.flatMap((c) => c.postIds);
  }
}

/** The error a reader throws for a 429. */
export const rateLimited = () => new TransientError('platform_rate_limited', 'Too many requests');
/** The error a reader throws for a 5xx. */
export const unavailable = () => new TransientError('platform_unavailable', 'Service unavailable');
