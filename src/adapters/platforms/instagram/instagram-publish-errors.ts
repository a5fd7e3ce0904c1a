import type { UserError } from '../../../domain/errors.js';
import { PublishFailure, type PublishFailureAction } from '../../../domain/publishing/publish-failure.js';
import { needsReconnect } from '../http.js';
import type { MetaError } from './meta-errors.js';

/**
 * One row of PLATFORMS.md §2.3 as publishing reads it. `recreate`: the container can never be published, but a new
 * one made from the same file may work (timeouts, expiry, server-side failures).
 */
export interface InstagramPublishErrorRow {
  /** Meta's `code`; null when the docs give only the subcode (container ERROR statuses carry only that). */
  code: number | null;
  /** Matching subcodes; empty: the row matches the code whatever the subcode. */
  subcodes: number[];
  action: PublishFailureAction;
  /** Plain words for the person. */
  message: string;
  recreate?: boolean;
  /** A rate limit: retryAt comes from the usage headers, else this default wait. */
  backoffMs?: number;
}

const RECONNECT_HINT = 'Reconnect Instagram to publish again.';

/** §2.3, subcode rows first: a subcode row wins over the bare code (4/2207051 is spam, not a rate limit). */
export const INSTAGRAM_PUBLISH_ERRORS: readonly InstagramPublishErrorRow[] = [
  {
    code: 190,
    subcodes: [458, 460, 463, 464, 467],
    action: 'reconnect',
    message: `Instagram no longer accepts this connection. ${RECONNECT_HINT}`,
  },
  {
    code: 9,
    subcodes: [2207042],
    action: 'defer',
    message: "Instagram's daily publishing limit for this account is reached",
  },
  {
    code: 9004,
    subcodes: [2207052],
    action: 'fail',
    message:
      'Instagram could not download the video from this app. The public address (PUBLIC_BASE_URL) must be reachable from the internet over https.',
  },
  {
    code: 9007,
    subcodes: [2207027],
    action: 'retry',
    message: 'Instagram has not finished preparing the video yet.',
  },
  {
    code: 24,
    subcodes: [2207008],
    action: 'retry',
    recreate: true,
    message: 'Instagram dropped the prepared video; it will be sent again.',
  },
  {
    code: 25,
    subcodes: [2207050],
    action: 'fail',
    message:
      'Instagram has restricted this account, so it cannot publish. Check the account in the Instagram app.',
  },
  {
    code: 4,
    subcodes: [2207051],
    action: 'fail',
    message: 'Instagram blocked this post as spam or suspicious activity.',
  },
  {
    code: -2,
    subcodes: [2207003, 2207020],
    action: 'retry',
    recreate: true,
    message: 'Instagram took too long to download the video, or the link expired; it will be sent again.',
  },
  {
    code: -1,
    subcodes: [2207001, 2207032, 2207053],
    action: 'retry',
    recreate: true,
    message: 'Instagram had a server error while taking the video; it will be sent again.',
  },
  {
    code: 1,
    subcodes: [2207057],
    action: 'fail',
    message: 'The cover frame is outside the video. Pick a cover time within the video and publish again.',
  },
  {
    code: null,
    subcodes: [2207026],
    action: 'fail',
    message:
      'Instagram does not accept this video file (Reels need MP4 with H.264/AAC, 9:16, 3 s to 15 min, under 300 MB).',
  },
  {
    code: null,
    subcodes: [2207010],
    action: 'fail',
    message: 'The caption is too long for Instagram (at most 2,200 characters, 30 hashtags and 20 mentions).',
  },
  {
    code: null,
    subcodes: [2207082, 2207085],
    action: 'fail',
    message: 'Instagram could not process this video (for example, an audio track on a silent video).',
  },
  {
    code: null,
    subcodes: [2207089],
    action: 'fail',
    message: 'Instagram refused the video as a standalone post: it must be sent as a Reel.',
  },
  {
    code: 190,
    subcodes: [],
    action: 'reconnect',
    message: `Instagram no longer accepts this connection. ${RECONNECT_HINT}`,
  },
  {
    code: 102,
    subcodes: [],
    action: 'reconnect',
    message: `The Instagram session has ended. ${RECONNECT_HINT}`,
  },
  {
    code: 10,
    subcodes: [],
    action: 'reconnect',
    message: `Instagram did not give this app permission to publish for this account (it must be a Business or Creator account that allowed publishing). ${RECONNECT_HINT}`,
  },
  {
    code: 100,
    subcodes: [33],
    action: 'retry',
    message: 'Instagram could not find the post being prepared for a moment; it will be checked again.',
  },
  { code: 100, subcodes: [], action: 'fail', message: 'Instagram refused one of the post settings.' },
  ...[4, 17, 32, 613].map((code) => ({
    code,
    subcodes: [],
    action: 'defer' as const,
    backoffMs: 15 * 60_000,
    message: "Instagram's request limit for this app is reached",
  })),
  {
    code: 80002,
    subcodes: [],
    action: 'defer',
    backoffMs: 60 * 60_000,
    message: "Instagram's request limit for this account is reached",
  },
  ...[1, 2].map((code) => ({
    code,
    subcodes: [],
    action: 'retry' as const,
    message: 'Instagram is having trouble right now; it will try again.',
  })),
];

// 200–299 are the permission codes (#200 "Permissions error" and its siblings): the grant lacks something.
const PERMISSION_ROW: InstagramPublishErrorRow = {
  code: 200,
  subcodes: [],
  action: 'reconnect',
  message: `Instagram did not grant the permission needed to publish. ${RECONNECT_HINT}`,
};

/** The §2.3 row for a Meta error (code and/or subcode), or null when the table has none. */
export function findPublishErrorRow(
  code: number | null,
  subcode: number | null,
): InstagramPublishErrorRow | null {
  // Each subcode appears in one row only, and is more specific than the code (Meta varies the code it pairs).
  const bySubcode =
    subcode === null ? undefined : INSTAGRAM_PUBLISH_ERRORS.find((row) => row.subcodes.includes(subcode));
  if (bySubcode) return bySubcode;
  if (code === null) return null;
  if (code >= 200 && code <= 299) return PERMISSION_ROW;
  return INSTAGRAM_PUBLISH_ERRORS.find((row) => row.code === code && row.subcodes.length === 0) ?? null;
}

/** The stable failure code: `instagram.<code>[.<subcode>]`, or `instagram.<subcode>` when only that is known. */
export function publishErrorCode(code: number | null, subcode: number | null): string {
  const parts = [code, subcode].filter((p): p is number => p !== null);
  return `instagram.${parts.length ? parts.join('.') : 'unknown'}`;
}

/** "HH:MM UTC" of an instant, for deferral reasons. */
export function clockTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(11, 16)} UTC`;
}

export interface PublishErrorContext {
  now: number;
  /** When the limit frees, if the caller knows better than the row's default (usage headers, rolling window). */
  retryAt?: number | null;
  /** HTTP status, for answers without a Meta code (429 → limit, 5xx → retry). */
  httpStatus?: number;
}

/**
 * Maps a Meta error to what the publisher throws: needs_reconnect (UserError) for a dead token (190, 102), so the
 * service refreshes once and then asks for a reconnect; a PublishFailure for everything else.
 */
export function instagramPublishError(
  error: MetaError | null,
  context: PublishErrorContext,
): PublishFailure | UserError {
  const code = error?.code ?? null;
  const subcode = error?.subcode ?? null;
  const status = context.httpStatus ?? 0;
  const failureCode =
    code === null && subcode === null && status
      ? `instagram.http_${status}`
      : publishErrorCode(code, subcode);
  const row = findPublishErrorRow(code, subcode);
  if (row?.action === 'reconnect' && (code === 190 || code === 102)) return needsReconnect(row.message);
  if (!row) {
    if (status === 429)
      return limitFailure(failureCode, "Instagram's request limit is reached", context, 15 * 60_000);
    // A 5xx, or an answer that is not an error but unreadable (no status known, or under 400): worth another go.
    const transient = error?.isTransient === true || status >= 500 || status < 400;
    return new PublishFailure(
      'instagram',
      failureCode,
      transient
        ? 'Instagram is having trouble right now; it will try again.'
        : `Instagram refused the post: ${error?.message ?? 'no reason given'}`,
      transient ? 'retry' : 'fail',
    );
  }
  if (row.action === 'defer')
    return limitFailure(failureCode, row.message, context, row.backoffMs ?? 60 * 60_000);
  return new PublishFailure('instagram', failureCode, row.message, row.action);
}

function limitFailure(
  code: string,
  reason: string,
  context: PublishErrorContext,
  backoffMs: number,
): PublishFailure {
  const retryAt = context.retryAt ?? context.now + backoffMs;
  return new PublishFailure(
    'instagram',
    code,
    `${reason}; it will go at ${clockTime(retryAt)}`,
    'defer',
    retryAt,
  );
}

/** The daily publishing cap (9/2207042) as a deferral until `retryAt`, when the rolling window frees. */
export function dailyCapFailure(retryAt: number): PublishFailure {
  const row = findPublishErrorRow(9, 2207042);
  return limitFailure(
    publishErrorCode(9, 2207042),
    row?.message ?? 'Instagram publishing limit reached',
    { now: retryAt, retryAt },
    0,
  );
}
