import { TransientError } from '../../../domain/errors.js';
import { needsReconnect, platformRefused, throwIfTransient, type PlatformResponse } from '../http.js';

/** TikTok's data-endpoint envelope (PLATFORMS.md §1.2): `{ data, error: { code, message, log_id } }`. */
interface TikTokEnvelopeError {
  code: string;
  logId: string | null;
}

/**
 * The `data` of a TikTok data-endpoint answer, or the matching error. Success is `error.code == "ok"` and nothing
 * else: TikTok branches on the code, not on the HTTP status (§1.2).
 */
export function readTikTokEnvelope(response: PlatformResponse, what: string): Record<string, unknown> {
  throwIfTransient(response, what);
  const error = envelopeError(response.json);
  if (error && error.code !== 'ok') throw envelopeFailure(what, error);
  if (!error || response.status >= 400) {
    throw platformRefused(what, `TikTok answered HTTP ${response.status} without a usable body`);
  }
  const data = (response.json as { data?: unknown }).data;
  if (!isRecord(data)) throw platformRefused(what, 'TikTok answered without data');
  return data;
}

function envelopeFailure(what: string, error: TikTokEnvelopeError): Error {
  const ref = error.logId ? ` (log id ${error.logId})` : '';
  switch (error.code) {
    case 'access_token_invalid':
      // The caller refreshes once before calling again (§1.2); a fresh token refused means the grant is gone.
      return needsReconnect(`TikTok refused the access token (access_token_invalid)${ref}`);
    case 'scope_not_authorized':
    case 'scope_permission_missed':
      return platformRefused(what, `a permission it needs was not granted (${error.code})${ref}`);
    case 'rate_limit_exceeded':
      return new TransientError('platform_rate_limited', `${what} was throttled by TikTok${ref}`);
    case 'internal_error':
      return new TransientError('platform_unavailable', `${what} failed on TikTok's side${ref}`);
    default:
      return platformRefused(what, `TikTok answered ${error.code}${ref}`);
  }
}

function envelopeError(json: unknown): TikTokEnvelopeError | null {
  if (!isRecord(json) || !isRecord(json.error) || typeof json.error.code !== 'string') return null;
  const logId = json.error.log_id;
  return { code: json.error.code, logId: typeof logId === 'string' && logId ? logId : null };
}

/** True for a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
