import type { UserError } from '../../../domain/errors.js';
import { PublishFailure, type PublishFailureAction } from '../../../domain/publishing/publish-failure.js';
import type { Clock } from '../../../ports/clock.js';
import { needsReconnect } from '../http.js';

/** When a deferred or retried publication may go again. */
type RetryAt = 'after_retry_after' | 'next_day';

/** One row of the table: what to do and what to tell the person. */
export interface TiktokErrorRow {
  /** `reconnect_now`: the grant is dead; thrown as needsReconnect() so the service refreshes once, then asks. */
  action: PublishFailureAction | 'reconnect_now';
  message: string;
  retryAt?: RetryAt;
}

const NEXT_DAY = 'next_day' as const;

/** `error.code` values of §1.2 (envelope) and §1.3 (creator_info, init, status/fetch). */
export const TIKTOK_ERROR_CODES: Record<string, TiktokErrorRow> = {
  access_token_invalid: { action: 'reconnect_now', message: 'TikTok no longer accepts this connection' },
  scope_not_authorized: {
    action: 'reconnect',
    message: 'The TikTok connection lacks a permission this needs; reconnect TikTok and allow posting',
  },
  scope_permission_missed: {
    action: 'reconnect',
    message: 'The TikTok connection lacks a permission this needs; reconnect TikTok and allow posting',
  },
  invalid_params: { action: 'fail', message: 'TikTok refused the request as invalid' },
  invalid_param: { action: 'fail', message: 'TikTok refused the post settings as invalid' },
  invalid_file_upload: { action: 'fail', message: 'TikTok refused the video file: it is not to its spec' },
  rate_limit_exceeded: {
    action: 'defer',
    message: 'TikTok allows only a few uploads a minute per account; it will go again in a minute',
    retryAt: 'after_retry_after',
  },
  internal_error: { action: 'retry', message: 'TikTok had a fault on its side; it will be tried again' },
  privacy_level_option_mismatch: {
    action: 'fail',
    message:
      'TikTok no longer offers the chosen privacy for this account; open the composer again and pick one',
  },
  spam_risk_too_many_posts: {
    action: 'defer',
    message: 'TikTok’s daily post limit for this account is reached; it will go tomorrow at 00:05 UTC',
    retryAt: NEXT_DAY,
  },
  spam_risk_user_banned_from_posting: {
    action: 'fail',
    message: 'TikTok has banned this account from posting',
  },
  spam_risk_too_many_pending_share: {
    action: 'defer',
    message:
      'This account has too many TikTok drafts waiting; finish some in the TikTok app. It will go again tomorrow at 00:05 UTC',
    retryAt: NEXT_DAY,
  },
  reached_active_user_cap: {
    action: 'defer',
    message:
      'TikTok’s daily limit of accounts posting through this app is reached; it will go tomorrow at 00:05 UTC',
    retryAt: NEXT_DAY,
  },
  unaudited_client_can_only_post_to_private_accounts: {
    action: 'fail',
    message:
      'TikTok has not audited this app yet, so it can post only to private accounts; make the TikTok account private',
  },
  url_ownership_unverified: {
    action: 'fail',
    message: 'TikTok refused to fetch the video: its web address is not verified for this app',
  },
  app_version_check_failed: {
    action: 'fail',
    message: 'The TikTok app on the creator’s phone is too old; update it, then retry',
  },
  invalid_publish_id: {
    action: 'fail',
    message:
      'TikTok no longer knows this upload, so whether it was posted is unknown; check the TikTok account before retrying',
  },
  token_not_authorized_for_specified_publish_id: {
    action: 'fail',
    message:
      'This upload was started through another TikTok connection, so its outcome cannot be checked; check the TikTok account before retrying',
  },
};

/** `fail_reason` values of a FAILED status (§1.3). */
export const TIKTOK_FAIL_REASONS: Record<string, TiktokErrorRow> = {
  file_format_check_failed: { action: 'fail', message: 'TikTok could not read the video’s file format' },
  duration_check_failed: {
    action: 'fail',
    message: 'TikTok refused the video’s length (3 s up to the account’s maximum)',
  },
  frame_rate_check_failed: { action: 'fail', message: 'TikTok refused the video’s frame rate (23–60 fps)' },
  picture_size_check_failed: {
    action: 'fail',
    message: 'TikTok refused the video’s picture size (360–4096 px a side)',
  },
  internal: { action: 'retry', message: 'TikTok failed to process the upload; it will be sent again' },
  video_pull_failed: { action: 'retry', message: 'TikTok could not fetch the video; it will be tried again' },
  photo_pull_failed: { action: 'fail', message: 'TikTok could not fetch the photos' },
  publish_cancelled: { action: 'fail', message: 'The post was cancelled on TikTok' },
  auth_removed: {
    action: 'reconnect_now',
    message: 'The TikTok account removed this app’s access while the video was being posted',
  },
  spam_risk_too_many_posts: TIKTOK_ERROR_CODES.spam_risk_too_many_posts as TiktokErrorRow,
  spam_risk_user_banned_from_posting: TIKTOK_ERROR_CODES.spam_risk_user_banned_from_posting as TiktokErrorRow,
  spam_risk_text: {
    action: 'fail',
    message: 'TikTok’s moderation refused the caption; change it, then publish again',
  },
  spam_risk: { action: 'fail', message: 'TikTok’s moderation refused the post' },
};

/** Codes this publisher adds for what TikTok answers without a code (upload host statuses, lost answers). */
export const TIKTOK_OWN_CODES: Record<string, TiktokErrorRow> = {
  init_unanswered: {
    action: 'retry',
    message:
      'TikTok did not answer the start of the upload. Nothing was sent to it, so nothing can be posted from that try; it will be started again',
  },
  upload_rejected: { action: 'fail', message: 'TikTok’s upload host refused a part of the video' },
  upload_unavailable: {
    action: 'retry',
    message:
      'TikTok’s upload host did not take a part of the video; the upload will continue where it stopped',
  },
  upload_out_of_sync: {
    action: 'retry',
    message:
      'TikTok and this app disagree on how much of the video arrived; the upload will continue after a check',
  },
  upload_not_found: {
    action: 'retry',
    message: 'TikTok’s upload host no longer knows this upload; its state will be checked again',
  },
  video_too_long: { action: 'fail', message: 'The video is longer than this TikTok account may post' },
  video_too_large: { action: 'fail', message: 'The video file is empty or larger than TikTok’s 4 GB' },
  unexpected_answer: {
    action: 'retry',
    message: 'TikTok answered in a way this app does not understand; it will be tried again',
  },
};

/** What the failure needs to be dated: the clock and a 429's Retry-After header. */
export interface TiktokFailureInput {
  clock: Clock;
  retryAfter?: string | null;
  /** TikTok's own words, shown after ours (its message or log id). */
  platformDetail?: string | null;
}

/** The failure for an `error.code` (§1.2/§1.3); unknown codes fail, or retry when TikTok had a 5xx. */
export function tiktokErrorFailure(
  code: string,
  input: TiktokFailureInput & { httpStatus?: number },
): PublishFailure | UserError {
  const known = TIKTOK_ERROR_CODES[code] ?? TIKTOK_OWN_CODES[code];
  const row: TiktokErrorRow = known ?? {
    action: (input.httpStatus ?? 0) >= 500 ? 'retry' : 'fail',
    message: `TikTok refused it (${code})`,
  };
  return failureFromRow(code, row, input);
}

/** The failure for a FAILED status' `fail_reason` (§1.3); unknown reasons fail with TikTok's word. */
export function tiktokFailReasonFailure(
  reason: string,
  input: TiktokFailureInput,
): PublishFailure | UserError {
  const row = TIKTOK_FAIL_REASONS[reason] ?? {
    action: 'fail',
    message: `TikTok failed the post (${reason})`,
  };
  return failureFromRow(reason, row, input);
}

/** The failure for one of this publisher's own codes. */
export function tiktokOwnFailure(
  code: keyof typeof TIKTOK_OWN_CODES,
  input: TiktokFailureInput,
): PublishFailure | UserError {
  return failureFromRow(code, TIKTOK_OWN_CODES[code] as TiktokErrorRow, input);
}

function failureFromRow(
  code: string,
  row: TiktokErrorRow,
  input: TiktokFailureInput,
): PublishFailure | UserError {
  const detail = input.platformDetail ? ` (${input.platformDetail})` : '';
  if (row.action === 'reconnect_now') return needsReconnect(`${row.message}${detail}`);
  const retryAt =
    row.retryAt === 'next_day'
      ? nextDayAt0005Utc(input.clock.now())
      : row.retryAt === 'after_retry_after'
        ? retryAfterAt(input.clock.now(), input.retryAfter ?? null)
        : null;
  return new PublishFailure('tiktok', `tiktok.${code}`, `${row.message}${detail}`, row.action, retryAt);
}

/** 00:05 UTC of the day after `nowMs`. TikTok's day is a rolling 24 h; a cap still reached then defers again. */
export function nextDayAt0005Utc(nowMs: number): number {
  const d = new Date(nowMs);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1, 0, 5);
}

/** Retry-After (seconds or an HTTP date) from `nowMs`; without one, a minute later (TikTok's sliding window). */
export function retryAfterAt(nowMs: number, header: string | null): number {
  if (header) {
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return nowMs + Math.ceil(seconds * 1000);
    const date = Date.parse(header);
    if (Number.isFinite(date) && date > nowMs) return date;
  }
  return nowMs + 60_000;
}
