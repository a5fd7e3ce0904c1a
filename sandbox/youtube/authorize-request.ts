import type { RegisteredApp } from '../core/settings.js';
import { splitScopes, unknownScopes } from './scopes.js';

/** A validated `/o/oauth2/v2/auth` request. */
export interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state: string | null;
  offline: boolean;
  prompt: string[];
  includeGrantedScopes: boolean;
  challenge: { value: string; method: 'S256' | 'plain' } | null;
}

/** Why Google refuses to go on: shown on its own error page, never redirected to the client. */
export interface AuthorizePageError {
  status: number;
  error: string;
  description: string;
}

const PROMPTS = ['none', 'consent', 'select_account'];
const VERIFIER_CHARSET = /^[A-Za-z0-9\-._~]{43,128}$/;

/** One string per parameter: repeated parameters are invalid on Google's authorize endpoint. */
export function singleValues(raw: unknown): Record<string, string | undefined> | null {
  if (typeof raw !== 'object' || raw === null) return {};
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value === 'string') out[key] = value;
    else if (key !== 'granted_scope') return null;
  }
  return out;
}

/** Validates the authorize parameters in Google's order: client, redirect URI, then the rest. */
export function parseAuthorizeRequest(
  params: Record<string, string | undefined>,
  app: RegisteredApp,
  requirePkce: boolean,
): AuthorizeRequest | AuthorizePageError {
  const clientId = params.client_id;
  if (!clientId) return pageError(400, 'invalid_request', 'Missing required parameter: client_id');
  if (clientId !== app.clientId) return pageError(401, 'invalid_client', 'The OAuth client was not found.');
  const redirectUri = params.redirect_uri;
  if (!redirectUri) return pageError(400, 'invalid_request', 'Missing required parameter: redirect_uri');
  if (!app.redirectUris.includes(redirectUri)) {
    return pageError(
      400,
      'redirect_uri_mismatch',
      `You can't sign in to this app because it doesn't comply with Google's OAuth 2.0 policy. redirect_uri=${redirectUri}`,
    );
  }
  const responseType = params.response_type;
  if (!responseType) return pageError(400, 'invalid_request', 'Required parameter is missing: response_type');
  if (responseType !== 'code') {
    return pageError(400, 'unsupported_response_type', `Invalid response_type: ${responseType}`);
  }
  const scopes = splitScopes(params.scope ?? '');
  if (scopes.length === 0) return pageError(400, 'invalid_request', 'Missing required parameter: scope');
  const unknown = unknownScopes(scopes);
  if (unknown.length > 0) {
    return pageError(
      400,
      'invalid_scope',
      `Some requested scopes were invalid. {invalid=[${unknown.join(', ')}]}`,
    );
  }
  const accessType = params.access_type ?? 'online';
  if (accessType !== 'online' && accessType !== 'offline') {
    return pageError(400, 'invalid_request', `Invalid access_type: ${accessType}`);
  }
  const prompt = splitScopes(params.prompt ?? '');
  if (prompt.some((p) => !PROMPTS.includes(p)) || (prompt.includes('none') && prompt.length > 1)) {
    return pageError(400, 'invalid_request', `Invalid prompt: ${params.prompt ?? ''}`);
  }
  const challenge = parseChallenge(params, requirePkce);
  if ('error' in challenge) return challenge;
  return {
    clientId,
    redirectUri,
    scopes,
    state: params.state ?? null,
    offline: accessType === 'offline',
    prompt,
    includeGrantedScopes: params.include_granted_scopes === 'true',
    challenge: challenge.value,
  };
}

function parseChallenge(
  params: Record<string, string | undefined>,
  requirePkce: boolean,
): { value: AuthorizeRequest['challenge'] } | AuthorizePageError {
  const value = params.code_challenge;
  const method = params.code_challenge_method;
  if (value === undefined) {
    if (method !== undefined) return pageError(400, 'invalid_request', 'Missing code_challenge.');
    if (requirePkce)
      return pageError(400, 'invalid_request', 'Missing code_challenge (PKCE S256 is required).');
    return { value: null };
  }
  if (method !== undefined && method !== 'S256' && method !== 'plain') {
    return pageError(400, 'invalid_request', `Invalid code_challenge_method: ${method}`);
  }
  const resolved = method ?? 'plain';
  if (requirePkce && resolved !== 'S256') {
    return pageError(400, 'invalid_request', 'code_challenge_method must be S256.');
  }
  if (!VERIFIER_CHARSET.test(value)) return pageError(400, 'invalid_request', 'Invalid code_challenge.');
  return { value: { value, method: resolved } };
}

function pageError(status: number, error: string, description: string): AuthorizePageError {
  return { status, error, description };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Google's "Access blocked / Error 400: …" page, shown instead of redirecting to an untrusted URI. */
export function renderErrorPage(error: AuthorizePageError): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Error ${error.status} (${escapeHtml(error.error)})</title></head>
<body><main>
<p>Local sandbox — not the real Google</p>
<h1>Access blocked: authorization error</h1>
<p>${escapeHtml(error.description)}</p>
<p><strong>Error ${error.status}: ${escapeHtml(error.error)}</strong></p>
</main></body></html>`;
}
