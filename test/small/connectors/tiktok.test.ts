import { describe, expect, it } from 'vitest';
import type { BaseUrlName } from '../../../src/config/platforms.js';
import { TransientError, UserError } from '../../../src/domain/errors.js';
import type { PlatformResponse } from '../../../src/adapters/platforms/http.js';
import { TiktokConnector } from '../../../src/adapters/platforms/tiktok/tiktok.connector.js';
import {
  checkTikTokRevokeResponse,
  parseTikTokTokenResponse,
} from '../../../src/adapters/platforms/tiktok/tiktok-token.js';
import { parseTikTokProfile } from '../../../src/adapters/platforms/tiktok/tiktok-profile.js';

const baseUrls = {
  TIKTOK_AUTH_BASE_URL: 'https://www.tiktok.com/',
  TIKTOK_API_BASE_URL: 'http://127.0.0.1:4010/tiktok',
} as Record<BaseUrlName, string>;
const redirectUri = 'https://app.example.com/oauth/tiktok/callback';
const connector = new TiktokConnector({ baseUrls, app: { clientId: 'ck', clientSecret: 'cs' }, redirectUri });
const scopes = ['user.info.basic', 'video.publish', 'video.upload', 'video.list'];

/** A platform answer as platformFetch returns it. */
function answer(status: number, json: unknown, headers: Record<string, string> = {}): PlatformResponse {
  return { status, headers: new Headers(headers), json, text: JSON.stringify(json) };
}

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('TikTok authorize URL', () => {
  it('asks for exactly the issue-4 scopes, comma-separated, with the redirect URI and state, and no PKCE', () => {
    const url = new URL(connector.authorizeUrl({ state: 'st-1', codeChallenge: null, forceConsent: false }));
    expect(`${url.origin}${url.pathname}`).toBe('https://www.tiktok.com/v2/auth/authorize/');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_key: 'ck',
      scope: 'user.info.basic,video.publish,video.upload,video.list',
      response_type: 'code',
      redirect_uri: redirectUri,
      state: 'st-1',
    });
    expect(connector.requestedScopes).toEqual(scopes);
    expect(connector.usesPkce).toBe(false);
  });

  it('keeps a base URL path prefix and ignores forceConsent (TikTok has no such parameter)', () => {
    const prefixed = new TiktokConnector({
      baseUrls: { ...baseUrls, TIKTOK_AUTH_BASE_URL: 'http://127.0.0.1:4010/tiktok/www/' },
      app: { clientId: 'ck', clientSecret: 'cs' },
      redirectUri,
    });
    const url = prefixed.authorizeUrl({ state: 's', codeChallenge: null, forceConsent: true });
    expect(url.startsWith('http://127.0.0.1:4010/tiktok/www/v2/auth/authorize/?')).toBe(true);
    expect(new URL(url).searchParams.has('prompt')).toBe(false);
  });
});

describe('TikTok callback', () => {
  it('reads code, state and the granted scopes', () => {
    expect(
      connector.parseCallback({ code: 'c*1!x', state: 'st', scopes: 'user.info.basic,video.upload' }),
    ).toEqual({ ok: true, code: 'c*1!x', state: 'st', grantedScopes: ['user.info.basic', 'video.upload'] });
    expect(connector.parseCallback({ code: 'c', state: 'st' })).toEqual({
      ok: true,
      code: 'c',
      state: 'st',
      grantedScopes: null,
    });
  });

  it('reports a denial with its state and description', () => {
    expect(
      connector.parseCallback({ error: 'access_denied', error_description: 'The user denied', state: 'st' }),
    ).toEqual({ ok: false, state: 'st', error: 'access_denied', description: 'The user denied' });
  });

  it('refuses a callback without state or without code', () => {
    expect(connector.parseCallback({ code: 'c' })).toMatchObject({
      ok: false,
      state: null,
      error: 'invalid_request',
    });
    expect(connector.parseCallback({ state: 'st' })).toMatchObject({
      ok: false,
      state: 'st',
      error: 'invalid_request',
    });
  });
});

describe('TikTok token answers', () => {
  const flat = {
    open_id: '-000abc',
    scope: 'user.info.basic,video.publish',
    access_token: 'act.x',
    expires_in: 7200,
    refresh_token: 'rft.x',
    refresh_expires_in: 15552000,
    token_type: 'Bearer',
  };

  it('parses the flat body with lifetimes, granted scope and open_id', () => {
    expect(parseTikTokTokenResponse(answer(200, flat), 'authorization_code', scopes)).toEqual({
      accessToken: 'act.x',
      refreshToken: 'rft.x',
      accessTokenExpiresIn: 7200,
      refreshTokenExpiresIn: 15552000,
      scopes: ['user.info.basic', 'video.publish'],
      accountId: '-000abc',
    });
  });

  it('takes lifetimes only from the answer (legacy 24 h / 365 d, or none)', () => {
    const legacy = { ...flat, expires_in: 86400, refresh_expires_in: 31536000 };
    expect(parseTikTokTokenResponse(answer(200, legacy), 'refresh_token', scopes)).toMatchObject({
      accessTokenExpiresIn: 86400,
      refreshTokenExpiresIn: 31536000,
    });
    const bare = { access_token: 'act.y', refresh_token: 'rft.y', open_id: 'o' };
    expect(parseTikTokTokenResponse(answer(200, bare), 'refresh_token', scopes)).toMatchObject({
      accessTokenExpiresIn: null,
      refreshTokenExpiresIn: null,
      scopes,
    });
  });

  it('reads OAuth errors from the body even with HTTP 200', () => {
    const body = {
      error: 'invalid_grant',
      error_description: 'Refresh token rft.secret is invalid',
      log_id: 'L1',
    };
    const onRefresh = caught(() => parseTikTokTokenResponse(answer(200, body), 'refresh_token', scopes));
    expect(onRefresh).toBeInstanceOf(UserError);
    expect(onRefresh).toMatchObject({ kind: 'needs_reconnect', code: 'needs_reconnect' });
    expect((onRefresh as Error).message).not.toContain('rft.secret');
    const onExchange = caught(() =>
      parseTikTokTokenResponse(answer(400, body), 'authorization_code', scopes),
    );
    expect(onExchange).toMatchObject({ kind: 'validation', code: 'platform_refused' });
    const badClient = caught(() =>
      parseTikTokTokenResponse(
        answer(401, { error: 'invalid_client', log_id: 'L2' }),
        'refresh_token',
        scopes,
      ),
    );
    expect(badClient).toMatchObject({ kind: 'validation', code: 'platform_refused' });
  });

  it('turns 429 and 5xx into TransientError with Retry-After', () => {
    const error = caught(() =>
      parseTikTokTokenResponse(answer(429, { error: 'x' }, { 'retry-after': '7' }), 'refresh_token', scopes),
    );
    expect(error).toBeInstanceOf(TransientError);
    expect(error).toMatchObject({ code: 'platform_rate_limited', retryAfterMs: 7000 });
    expect(
      caught(() => parseTikTokTokenResponse(answer(503, null), 'authorization_code', scopes)),
    ).toBeInstanceOf(TransientError);
  });

  it('refuses an answer without an access token', () => {
    expect(
      caught(() => parseTikTokTokenResponse(answer(200, {}), 'authorization_code', scopes)),
    ).toMatchObject({
      code: 'platform_refused',
    });
  });
});

describe('TikTok revoke answers', () => {
  it('accepts 200 with an empty body and an already-dead grant, refuses other errors', () => {
    expect(() =>
      checkTikTokRevokeResponse({ status: 200, headers: new Headers(), json: null, text: '' }),
    ).not.toThrow();
    expect(() =>
      checkTikTokRevokeResponse(answer(200, { error: 'invalid_grant', log_id: 'L' })),
    ).not.toThrow();
    expect(caught(() => checkTikTokRevokeResponse(answer(401, { error: 'invalid_client' })))).toMatchObject({
      code: 'platform_refused',
    });
    expect(caught(() => checkTikTokRevokeResponse(answer(502, null)))).toBeInstanceOf(TransientError);
  });
});

describe('TikTok user info', () => {
  const ok = { code: 'ok', message: '', log_id: 'L' };

  it('maps open_id, display name and avatar', () => {
    const body = {
      data: { user: { open_id: 'o-1', display_name: 'Ana', avatar_url: 'https://a/x.jpg' } },
      error: ok,
    };
    expect(parseTikTokProfile(answer(200, body))).toEqual({
      externalAccountId: 'o-1',
      displayName: 'Ana',
      avatarUrl: 'https://a/x.jpg',
      aliases: [],
    });
  });

  it('branches on error.code: access_token_invalid needs a reconnect, scope errors are refused', () => {
    const invalid = { data: {}, error: { code: 'access_token_invalid', message: 'm', log_id: 'L' } };
    expect(caught(() => parseTikTokProfile(answer(401, invalid)))).toMatchObject({ kind: 'needs_reconnect' });
    const scope = { data: {}, error: { code: 'scope_not_authorized', message: 'm', log_id: 'L' } };
    expect(caught(() => parseTikTokProfile(answer(401, scope)))).toMatchObject({ code: 'platform_refused' });
    const throttled = { data: {}, error: { code: 'rate_limit_exceeded', message: 'm', log_id: 'L' } };
    expect(caught(() => parseTikTokProfile(answer(429, throttled)))).toBeInstanceOf(TransientError);
  });
});

describe('TikTok refresh schedule', () => {
  it('is due at 75% of expires_in, well before the 2 h expiry', () => {
    const issuedAt = 1_700_000_000_000;
    expect(
      connector.refreshDueAt({ issuedAt, accessTokenExpiresIn: 7200, refreshTokenExpiresIn: 15552000 }),
    ).toBe(issuedAt + 5400_000);
    expect(
      connector.refreshDueAt({ issuedAt, accessTokenExpiresIn: 86400, refreshTokenExpiresIn: null }),
    ).toBe(issuedAt + 64800_000);
    expect(
      connector.refreshDueAt({ issuedAt, accessTokenExpiresIn: null, refreshTokenExpiresIn: null }),
    ).toBeNull();
  });
});
