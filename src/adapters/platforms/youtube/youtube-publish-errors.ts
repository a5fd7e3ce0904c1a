import type { UserError } from '../../../domain/errors.js';
import { PublishFailure, type PublishFailureAction } from '../../../domain/publishing/publish-failure.js';
import { needsReconnect, type PlatformResponse } from '../http.js';
import { asObject, stringField } from './json-fields.js';
import { nextPacificMidnight } from './pacific-time.js';
import { googleApiErrorReason } from './youtube-channel.js';

const HOUR_MS = 3_600_000;
/** A deferred upload starts a few minutes after the reset, so a slightly fast clock does not spend it early. */
export const QUOTA_RESET_MARGIN_MS = 5 * 60_000;

/** What a row of the table decides from: the clock, and the answer's Retry-After if any. */
interface FailureContext {
  now: number;
  retryAfterMs: number | null;
}

/** One refusal: plain words for the person, what to do, and when to try again. */
export interface YoutubeErrorRow {
  message: string;
  action: PublishFailureAction | 'refresh';
  retryAt?: (context: FailureContext) => number | null;
}

const untilRetryAfter = ({ now, retryAfterMs }: FailureContext): number | null =>
  retryAfterMs === null ? null : now + retryAfterMs;

const badMetadata = (message: string): YoutubeErrorRow => ({ message, action: 'fail' });

/**
 * Every `reason` of PLATFORMS.md §3.6. `refresh` means the access token was refused: the caller throws
 * needsReconnect(), the service refreshes once and retries, and only then asks the person to reconnect.
 */
export const YOUTUBE_PUBLISH_ERRORS = {
  quotaExceeded: {
    message:
      "YouTube's daily upload quota for this app is used up; it will go after the reset at midnight Pacific time.",
    action: 'defer',
    retryAt: ({ now }) => nextPacificMidnight(now) + QUOTA_RESET_MARGIN_MS,
  },
  uploadLimitExceeded: {
    message: 'This YouTube channel reached its daily upload limit; it will try again in about 24 hours.',
    action: 'defer',
    retryAt: ({ now }) => now + 24 * HOUR_MS,
  },
  rateLimitExceeded: {
    message: 'YouTube asked to slow down; it will try again shortly.',
    action: 'retry',
    retryAt: untilRetryAfter,
  },
  userRateLimitExceeded: {
    message: 'YouTube asked to slow down for this account; it will try again shortly.',
    action: 'retry',
    retryAt: untilRetryAfter,
  },
  backendError: {
    message: 'YouTube had a temporary problem; it will try again.',
    action: 'retry',
    retryAt: untilRetryAfter,
  },
  forbidden: {
    message: 'YouTube did not allow this connection to upload. Reconnect YouTube, then retry.',
    action: 'reconnect',
  },
  insufficientPermissions: {
    message:
      'AI Factory may not upload to this YouTube channel. Reconnect YouTube and allow every permission asked.',
    action: 'reconnect',
  },
  authError: { message: 'Google did not accept the access token', action: 'refresh' },
  youtubeSignupRequired: {
    message: 'This Google account has no YouTube channel. Create a channel on YouTube, then retry.',
    action: 'fail',
  },
  invalidTitle: badMetadata('YouTube refused the title: it must be 1 to 100 characters, without < or >.'),
  invalidDescription: badMetadata('YouTube refused the description: at most 5,000 bytes, without < or >.'),
  invalidTags: badMetadata('YouTube refused the tags: at most 500 characters in all.'),
  invalidCategoryId: badMetadata('YouTube refused the category; choose another one.'),
  invalidVideoMetadata: badMetadata("YouTube refused the video's details."),
  mediaBodyRequired: badMetadata('YouTube received no video file.'),
  invalidPublishAt: badMetadata('YouTube refused the scheduled time: it must be in the future.'),
} satisfies Record<string, YoutubeErrorRow>;

export type YoutubeErrorReason = keyof typeof YOUTUBE_PUBLISH_ERRORS;

function isKnownReason(reason: string): reason is YoutubeErrorReason {
  return Object.hasOwn(YOUTUBE_PUBLISH_ERRORS, reason);
}

/** Retry-After in seconds or as an HTTP date, as ms from now; null when absent or unreadable. */
export function retryAfterMs(headers: Headers, now: number): number | null {
  const value = headers.get('retry-after');
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds > 0 ? seconds * 1000 : null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * Maps a refused Data API or upload call to what to throw: a PublishFailure (code `youtube.<reason>`), or for a
 * refused access token the needs_reconnect error the service answers with one refresh before asking the person.
 */
export function youtubePublishFailure(
  response: Pick<PlatformResponse, 'status' | 'headers' | 'json'>,
  now: number,
): PublishFailure | UserError {
  const reason = googleApiErrorReason(response.json);
  const context = { now, retryAfterMs: retryAfterMs(response.headers, now) };
  const row: YoutubeErrorRow =
    reason !== null && isKnownReason(reason) ? YOUTUBE_PUBLISH_ERRORS[reason] : unknownRow(response);
  const code = `youtube.${reason ?? `http_${response.status}`}`;
  if (row.action === 'refresh') return needsReconnect(`${row.message} (${reason ?? response.status})`);
  return new PublishFailure('youtube', code, row.message, row.action, row.retryAt?.(context) ?? null);
}

/** A reason the table does not know, judged by its HTTP status. */
function unknownRow(response: Pick<PlatformResponse, 'status' | 'json'>): YoutubeErrorRow {
  if (response.status === 401) return YOUTUBE_PUBLISH_ERRORS.authError;
  if (response.status === 429 || response.status >= 500) {
    return {
      ...YOUTUBE_PUBLISH_ERRORS.backendError,
      message: `YouTube is unavailable for now (${response.status}); it will try again.`,
    };
  }
  const said = stringField(asObject(asObject(response.json)?.error), 'message');
  // Google's messages sometimes carry HTML links; the person gets the words only.
  const plain = said ? `: ${said.replace(/<[^>]*>/g, '').slice(0, 200)}` : '';
  return { message: `YouTube refused the upload (${response.status})${plain}`, action: 'fail' };
}
