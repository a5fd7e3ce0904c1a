import { TransientError, UserError } from '../../../domain/errors.js';
import type { AccountProfile } from '../../../ports/platform-connector.js';
import { needsReconnect, platformRefused, type PlatformResponse } from '../http.js';
import { asObject, stringField } from './json-fields.js';

/** The Google account behind the grant has no YouTube channel to publish to. */
export function noChannelError(): UserError {
  return new UserError(
    'validation',
    'no_channel',
    'This Google account has no YouTube channel. Create a channel on YouTube, then connect again.',
  );
}

/** The connected account from `channels?part=snippet&mine=true`: the channel id, title and thumbnail. */
export function parseChannelProfile(json: unknown): AccountProfile {
  // No channel: Google answers 200 with an empty `items`, or leaves `items` out altogether.
  const items = asObject(json)?.items;
  const channel = Array.isArray(items) ? asObject(items[0]) : null;
  if (!channel) throw noChannelError();
  const id = stringField(channel, 'id');
  if (!id) throw platformRefused('Reading the YouTube channel', 'Google answered without a channel id');
  const snippet = asObject(channel.snippet);
  const thumbnails = asObject(snippet?.thumbnails);
  // medium (240 px) suits an avatar; the others only when it is missing.
  const avatarUrl =
    ['medium', 'high', 'default']
      .map((size) => stringField(asObject(thumbnails?.[size]), 'url'))
      .find((url): url is string => url !== null) ?? null;
  return {
    externalAccountId: id,
    displayName: stringField(snippet, 'title') ?? stringField(snippet, 'customUrl') ?? id,
    avatarUrl,
    aliases: [],
  };
}

/** The `reason` of Google's API error envelope `{"error":{"code","message","errors":[{"reason"}]}}`. */
export function googleApiErrorReason(json: unknown): string | null {
  const errors = asObject(asObject(json)?.error)?.errors;
  return Array.isArray(errors) ? stringField(asObject(errors[0]), 'reason') : null;
}

// Google reports quota and short-term throttling as 403, which throwIfTransient (429/5xx) does not cover.
const THROTTLE_REASONS: Record<string, string> = {
  quotaExceeded: 'platform_quota_exceeded',
  rateLimitExceeded: 'platform_rate_limited',
  userRateLimitExceeded: 'platform_rate_limited',
};

/** Maps a failed YouTube Data API answer (not 429/5xx, which throwIfTransient handles) to an error. */
export function youtubeApiFailure(response: PlatformResponse, what: string): UserError | TransientError {
  const reason = googleApiErrorReason(response.json);
  const suffix = reason ? ` (${reason})` : '';
  if (reason === 'youtubeSignupRequired') return noChannelError();
  if (response.status === 401) return needsReconnect(`Google did not accept the access token${suffix}`);
  const throttle = reason ? THROTTLE_REASONS[reason] : undefined;
  if (throttle) return new TransientError(throttle, `${what} answered ${response.status}${suffix}`);
  if (reason === 'insufficientPermissions') {
    return new UserError(
      'validation',
      'missing_scopes',
      'Google did not let AI Factory view your YouTube channel. Connect again and allow every permission asked.',
    );
  }
  return platformRefused(what, `Google answered ${response.status}${suffix}`);
}
