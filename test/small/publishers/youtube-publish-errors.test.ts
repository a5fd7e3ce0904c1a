import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/domain/errors.js';
import { PublishFailure } from '../../../src/domain/publishing/publish-failure.js';
import { nextPacificMidnight } from '../../../src/adapters/platforms/youtube/pacific-time.js';
import {
  QUOTA_RESET_MARGIN_MS,
  retryAfterMs,
  YOUTUBE_PUBLISH_ERRORS,
  youtubePublishFailure,
  type YoutubeErrorReason,
} from '../../../src/adapters/platforms/youtube/youtube-publish-errors.js';

// 2026-03-05 10:00 PST (18:00 UTC).
const NOW = Date.UTC(2026, 2, 5, 18, 0, 0);
const HOUR = 3_600_000;

function answer(status: number, reason: string | null, headers: Record<string, string> = {}) {
  const json =
    reason === null
      ? null
      : {
          error: {
            code: status,
            message: `Google says ${reason}`,
            errors: [{ reason, domain: 'youtube', message: '' }],
          },
        };
  return { status, headers: new Headers(headers), json };
}

function failureOf(
  status: number,
  reason: string | null,
  headers: Record<string, string> = {},
): PublishFailure {
  const result = youtubePublishFailure(answer(status, reason, headers), NOW);
  if (!(result instanceof PublishFailure))
    throw new Error(`expected a PublishFailure, got ${result.message}`);
  return result;
}

/** Every §3.6 reason with the HTTP status Google sends it with, and what must come of it. */
const TABLE: [
  YoutubeErrorReason,
  number,
  'retry' | 'defer' | 'reconnect' | 'fail' | 'refresh',
  number | null,
][] = [
  ['quotaExceeded', 403, 'defer', Date.UTC(2026, 2, 6, 8, 0, 0) + QUOTA_RESET_MARGIN_MS],
  ['forbidden', 403, 'reconnect', null],
  ['uploadLimitExceeded', 400, 'defer', NOW + 24 * HOUR],
  ['rateLimitExceeded', 403, 'retry', null],
  ['userRateLimitExceeded', 429, 'retry', null],
  ['insufficientPermissions', 403, 'reconnect', null],
  ['authError', 401, 'refresh', null],
  ['youtubeSignupRequired', 401, 'fail', null],
  ['invalidTitle', 400, 'fail', null],
  ['invalidDescription', 400, 'fail', null],
  ['invalidTags', 400, 'fail', null],
  ['invalidCategoryId', 400, 'fail', null],
  ['invalidVideoMetadata', 400, 'fail', null],
  ['mediaBodyRequired', 400, 'fail', null],
  ['invalidPublishAt', 400, 'fail', null],
  ['backendError', 503, 'retry', null],
];

describe('YouTube publish error table', () => {
  it('covers every reason of the table, and nothing else', () => {
    expect(Object.keys(YOUTUBE_PUBLISH_ERRORS).sort()).toEqual(TABLE.map(([reason]) => reason).sort());
  });

  it.each(TABLE)('%s (%i) → %s', (reason, status, action, retryAt) => {
    const result = youtubePublishFailure(answer(status, reason), NOW);
    if (action === 'refresh') {
      expect(result).toBeInstanceOf(UserError);
      expect(result).toMatchObject({ kind: 'needs_reconnect', code: 'needs_reconnect' });
      return;
    }
    expect(result).toBeInstanceOf(PublishFailure);
    expect(result).toMatchObject({ platform: 'youtube', code: `youtube.${reason}`, action, retryAt });
    // Plain words: never Google's own message, never markup.
    expect(result.message).not.toContain('Google says');
    expect(result.message).not.toMatch(/<\/?[a-z]/i);
    expect(result.message.length).toBeGreaterThan(20);
  });

  it('says to create a channel when the account has none', () => {
    expect(failureOf(401, 'youtubeSignupRequired').message).toMatch(/create a channel/i);
  });

  it('rate limits and backend errors retry at Retry-After when YouTube gives one', () => {
    expect(failureOf(429, 'rateLimitExceeded', { 'retry-after': '30' }).retryAt).toBe(NOW + 30_000);
    expect(failureOf(503, 'backendError', { 'retry-after': '5' }).retryAt).toBe(NOW + 5_000);
    const date = new Date(NOW + 90_000).toUTCString();
    expect(failureOf(403, 'userRateLimitExceeded', { 'retry-after': date }).retryAt).toBe(NOW + 90_000);
  });

  it('reads Retry-After as seconds or an HTTP date, and ignores junk', () => {
    expect(retryAfterMs(new Headers({ 'retry-after': '12' }), NOW)).toBe(12_000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }), NOW)).toBeNull();
    expect(retryAfterMs(new Headers(), NOW)).toBeNull();
  });

  it('the quota deferral waits for midnight Pacific time, counted from the clock', () => {
    const failure = failureOf(403, 'quotaExceeded');
    expect(failure.retryAt).toBe(nextPacificMidnight(NOW) + QUOTA_RESET_MARGIN_MS);
    expect(failure.retriable).toBe(true);
  });

  describe('unknown reasons fall back on the HTTP status', () => {
    it('5xx and 429 retry', () => {
      expect(failureOf(500, 'somethingNew')).toMatchObject({ code: 'youtube.somethingNew', action: 'retry' });
      expect(failureOf(502, null)).toMatchObject({ code: 'youtube.http_502', action: 'retry' });
      expect(failureOf(429, null, { 'retry-after': '7' })).toMatchObject({
        action: 'retry',
        retryAt: NOW + 7_000,
      });
    });

    it('401 asks for a refresh (needs_reconnect)', () => {
      expect(youtubePublishFailure(answer(401, 'required'), NOW)).toMatchObject({ kind: 'needs_reconnect' });
    });

    it('other 4xx fail with Google’s words stripped of markup', () => {
      const failure = youtubePublishFailure(
        {
          status: 400,
          headers: new Headers(),
          json: {
            error: { code: 400, message: 'Bad <a href="/x">thing</a>', errors: [{ reason: 'weird' }] },
          },
        },
        NOW,
      );
      expect(failure).toMatchObject({ code: 'youtube.weird', action: 'fail' });
      expect(failure.message).toBe('YouTube refused the upload (400): Bad thing');
    });
  });
});
