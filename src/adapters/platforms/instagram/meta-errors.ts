import { TransientError } from '../../../domain/errors.js';
import { needsReconnect, platformRefused, throwIfTransient, type PlatformResponse } from '../http.js';
import { asNumber, asText, isRecord } from './body-fields.js';

/** Meta's error, whichever envelope carried it. */
export interface MetaError {
  code: number | null;
  subcode: number | null;
  message: string;
  isTransient: boolean;
}

// PLATFORMS.md §2.3: `type` is nearly always OAuthException, so classification goes by `code`.
const RECONNECT_CODES = new Set([190, 102, 10]);
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613, 80002]);
const UNAVAILABLE_CODES = new Set([1, 2]);

/**
 * Reads Meta's error from a body: the Graph envelope `{"error":{"code",…}}` or the flat
 * `{"error_type","code","error_message"}` that api.instagram.com's token endpoint also uses.
 */
export function readMetaError(body: unknown): MetaError | null {
  if (!isRecord(body)) return null;
  const envelope = isRecord(body.error) ? body.error : null;
  if (envelope) {
    return {
      code: asNumber(envelope.code),
      subcode: asNumber(envelope.error_subcode),
      message: asText(envelope.error_user_msg) ?? asText(envelope.message) ?? 'no reason given',
      isTransient: envelope.is_transient === true,
    };
  }
  const flatMessage = asText(body.error_message);
  if (flatMessage === null && asText(body.error_type) === null) return null;
  return {
    code: asNumber(body.code),
    subcode: null,
    message: flatMessage ?? 'no reason given',
    isTransient: false,
  };
}

/** True when a Meta answer is an error: an error status, or an error body (whatever the status). */
export function isMetaFailure(response: PlatformResponse): boolean {
  return response.status >= 400 || readMetaError(response.json) !== null;
}

/**
 * Throws the product error for a failed Meta call: TransientError for 429/5xx, rate limits (4, 17, 32, 613, 80002)
 * and unknown/unavailable (1, 2, is_transient); needs_reconnect for dead sessions and missing permissions
 * (190, 102, 10, 200–299); a plain refusal otherwise.
 */
export function throwMetaFailure(what: string, response: PlatformResponse): never {
  throwIfTransient(response, what);
  const error = readMetaError(response.json);
  const message = safeMessage(error?.message ?? `answered ${response.status}`);
  const code = error?.code ?? null;
  if (code !== null && (RECONNECT_CODES.has(code) || (code >= 200 && code <= 299)))
    throw needsReconnect(message);
  if (code !== null && RATE_LIMIT_CODES.has(code)) {
    throw new TransientError('platform_rate_limited', `${what} hit Instagram's rate limit: ${message}`);
  }
  if ((code !== null && UNAVAILABLE_CODES.has(code)) || error?.isTransient) {
    throw new TransientError('platform_unavailable', `${what} failed for now: ${message}`);
  }
  throw platformRefused(what, message);
}

// Meta's messages rarely echo request values, but a token or code must never reach a log: long opaque runs go.
function safeMessage(message: string): string {
  return message.replace(/[A-Za-z0-9_\-.|]{32,}/g, '…').slice(0, 300);
}
