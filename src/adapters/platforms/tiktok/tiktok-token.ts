import type { IssuedTokens } from '../../../ports/platform-connector.js';
import { needsReconnect, platformRefused, throwIfTransient, type PlatformResponse } from '../http.js';
import { isRecord } from './tiktok-envelope.js';

/** Which grant the token call carried: a dead grant means "connect again" only for a refresh. */
export type TikTokGrant = 'authorization_code' | 'refresh_token';

/** TikTok's flat OAuth error (§1.1), which may arrive with HTTP 200. */
interface TikTokOAuthError {
  error: string;
  logId: string | null;
}

/** The OAuth error in a token/revoke answer, whatever its HTTP status; null when the body carries none. */
function tiktokOAuthError(json: unknown): TikTokOAuthError | null {
  if (!isRecord(json) || typeof json.error !== 'string' || json.error === '') return null;
  return { error: json.error, logId: typeof json.log_id === 'string' && json.log_id ? json.log_id : null };
}

/**
 * Tokens from a `/v2/oauth/token/` answer (flat body, §1.1). Errors are read from the body first because TikTok
 * can answer them with HTTP 200. Lifetimes come only from `expires_in` / `refresh_expires_in`.
 */
export function parseTikTokTokenResponse(
  response: PlatformResponse,
  grant: TikTokGrant,
  requestedScopes: readonly string[],
): IssuedTokens {
  const what = grant === 'refresh_token' ? 'Refreshing the TikTok connection' : 'Connecting TikTok';
  throwIfTransient(response, what);
  const oauthError = tiktokOAuthError(response.json);
  if (oauthError) throw tokenCallFailure(what, grant, oauthError);
  const body = response.json;
  if (response.status >= 400 || !isRecord(body)) {
    throw platformRefused(what, `TikTok answered HTTP ${response.status} without a token`);
  }
  const accessToken = nonEmptyString(body.access_token);
  if (!accessToken) throw platformRefused(what, 'TikTok answered without an access token');
  const scope = nonEmptyString(body.scope);
  return {
    accessToken,
    // Rotation: every refresh returns a new refresh token and kills the old one, so it is always passed on.
    refreshToken: nonEmptyString(body.refresh_token),
    accessTokenExpiresIn: lifetimeSeconds(body.expires_in),
    refreshTokenExpiresIn: lifetimeSeconds(body.refresh_expires_in),
    // `scope` is what the user actually granted (toggleable scopes may be unticked).
    scopes: scope ? splitTikTokScopes(scope) : [...requestedScopes],
    accountId: nonEmptyString(body.open_id),
  };
}

/** Accepts a `/v2/oauth/revoke/` answer (200, empty body); a grant that is already dead (invalid_grant) counts as revoked. */
export function checkTikTokRevokeResponse(response: PlatformResponse): void {
  const what = 'Disconnecting TikTok';
  throwIfTransient(response, what);
  const oauthError = tiktokOAuthError(response.json);
  if (oauthError?.error === 'invalid_grant') return;
  if (oauthError) throw platformRefused(what, `TikTok answered ${oauthError.error}`);
  if (response.status >= 400) throw platformRefused(what, `TikTok answered HTTP ${response.status}`);
}

/** The plain-language error for a failed token call; never echoes the code or tokens sent. */
function tokenCallFailure(what: string, grant: TikTokGrant, oauthError: TikTokOAuthError): Error {
  const ref = oauthError.logId ? ` (log id ${oauthError.logId})` : '';
  if (oauthError.error === 'invalid_grant') {
    return grant === 'refresh_token'
      ? needsReconnect(`TikTok rejected the refresh token (invalid_grant)${ref}`)
      : platformRefused(
          what,
          `the authorization code is invalid, expired or already used (invalid_grant)${ref}`,
        );
  }
  if (oauthError.error === 'invalid_client' || oauthError.error === 'unauthorized_client') {
    return platformRefused(what, `TikTok rejected the app credentials (${oauthError.error})${ref}`);
  }
  return platformRefused(what, `TikTok answered ${oauthError.error}${ref}`);
}

/** TikTok lists scopes comma-separated (`scope` in the token answer, `scopes` in the callback). */
export function splitTikTokScopes(list: string): string[] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** A lifetime in seconds as the platform sent it (number or numeric string); null when absent or unusable. */
function lifetimeSeconds(value: unknown): number | null {
  const seconds = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}
