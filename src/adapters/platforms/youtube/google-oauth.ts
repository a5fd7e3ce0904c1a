import type { UserError } from '../../../domain/errors.js';
import type { CallbackResult, IssuedTokens } from '../../../ports/platform-connector.js';
import { needsReconnect, platformRefused } from '../http.js';
import { asObject, numberField, stringField } from './json-fields.js';

/** What issue 4 asks of Google: upload videos, and read the channel and its videos. */
export const YOUTUBE_SCOPES = [
  'https://www.googleapis.com/auth/youtube.upload',
  'https://www.googleapis.com/auth/youtube.readonly',
] as const;

/** Google separates scopes with spaces in the authorize URL, the callback and the token response. */
export function splitScopes(scope: string | null | undefined): string[] | null {
  if (scope === null || scope === undefined) return null;
  return scope.split(/\s+/).filter((s) => s !== '');
}

/** Reads Google's redirect back to us: `code`, `scope` and `state`, or `error` (e.g. access_denied). */
export function parseGoogleCallback(query: Record<string, string | undefined>): CallbackResult {
  const state = query.state || null;
  if (query.error)
    return { ok: false, state, error: query.error, description: describeCallbackError(query.error) };
  if (!query.code) {
    return {
      ok: false,
      state,
      error: 'invalid_request',
      description: 'Google sent back neither an authorization nor an error.',
    };
  }
  if (!state) {
    return {
      ok: false,
      state: null,
      error: 'invalid_request',
      description: 'Google sent back no state, so the answer cannot be matched to a connection attempt.',
    };
  }
  return { ok: true, code: query.code, state, grantedScopes: splitScopes(query.scope) };
}

// The callback's text comes from a URL anyone can craft, so only the error code is echoed, never free text.
function describeCallbackError(error: string): string {
  if (error === 'access_denied') return 'Access was declined on Google, so YouTube was not connected.';
  return `Google did not grant access (${error}).`;
}

/**
 * The tokens of a successful /token answer, or null when the body carries no access token (an error body).
 * Scopes fall back to `requested` only when Google leaves `scope` out.
 */
export function parseGoogleTokens(json: unknown, requested: readonly string[]): IssuedTokens | null {
  const body = asObject(json);
  const accessToken = stringField(body, 'access_token');
  if (!accessToken) return null;
  return {
    accessToken,
    // Absent on refresh, and on a code exchange without prompt=consent after the first consent.
    refreshToken: stringField(body, 'refresh_token'),
    accessTokenExpiresIn: numberField(body, 'expires_in'),
    // Google sets this only for time-limited grants; otherwise a refresh token has no fixed end.
    refreshTokenExpiresIn: numberField(body, 'refresh_token_expires_in'),
    scopes: splitScopes(stringField(body, 'scope')) ?? [...requested],
    accountId: null,
  };
}

export type TokenCall = 'code_exchange' | 'refresh';

const TOKEN_CALL_NAMES: Record<TokenCall, string> = {
  code_exchange: 'Connecting YouTube',
  refresh: 'Refreshing the YouTube connection',
};

const TOKEN_ERROR_DETAILS: Record<string, string> = {
  invalid_grant: 'the sign-in with Google expired or was already used; please connect again (invalid_grant)',
  invalid_client: "Google did not recognise this app's client id or secret (invalid_client)",
  unauthorized_client: 'Google does not allow this app to make this request (unauthorized_client)',
  invalid_request: 'Google found the request malformed (invalid_request)',
  invalid_scope: 'Google did not accept the requested permissions (invalid_scope)',
};

/** The name of a token call in messages ("Connecting YouTube answered 503"). */
export function tokenCallName(call: TokenCall): string {
  return TOKEN_CALL_NAMES[call];
}

/** Maps a failed /token answer (Google's flat `{error, error_description}`) to a user error. */
export function tokenCallFailure(call: TokenCall, status: number, json: unknown): UserError {
  const error = stringField(asObject(json), 'error');
  // On refresh, invalid_grant means the grant is gone: revoked, unused for 6 months, or a 7-day "Testing" token.
  if (call === 'refresh' && error === 'invalid_grant') {
    return needsReconnect('Google says the access was revoked or has expired (invalid_grant)');
  }
  const detail =
    (error && TOKEN_ERROR_DETAILS[error]) ?? `Google answered ${status}${error ? ` (${error})` : ''}`;
  return platformRefused(TOKEN_CALL_NAMES[call], detail);
}
