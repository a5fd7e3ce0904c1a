import { describe, expect, it } from 'vitest';
import { BASE_URL_SETTINGS, SANDBOX_APPS, type BaseUrlName } from '../../../src/config/platforms.js';
import { TransientError, UserError } from '../../../src/domain/errors.js';
import type { PlatformResponse } from '../../../src/adapters/platforms/http.js';
import {
  GRAPH_API_VERSION,
  InstagramConnector,
} from '../../../src/adapters/platforms/instagram/instagram.connector.js';
import { throwMetaFailure } from '../../../src/adapters/platforms/instagram/meta-errors.js';
import { parseProfile } from '../../../src/adapters/platforms/instagram/profile-response.js';
import {
  parseLongLivedToken,
  parseShortLivedToken,
} from '../../../src/adapters/platforms/instagram/token-response.js';

const HOUR = 3_600_000;
const REDIRECT_URI = 'https://app.example.com/oauth/instagram/callback';
const baseUrls = Object.fromEntries(
  BASE_URL_SETTINGS.map((name) => [name, `https://${name.toLowerCase()}.test/prefix/`]),
) as Record<BaseUrlName, string>;
const connector = new InstagramConnector({
  baseUrls,
  app: SANDBOX_APPS.instagram,
  redirectUri: REDIRECT_URI,
});

function response(status: number, json: unknown): PlatformResponse {
  return { status, headers: new Headers(), json, text: JSON.stringify(json) };
}

function failure(json: unknown, status = 400): unknown {
  try {
    throwMetaFailure('Test call', response(status, json));
  } catch (error) {
    return error;
  }
  return null;
}

describe('InstagramConnector.authorizeUrl', () => {
  it('sends the comma-separated scopes, redirect URI, state and code response type to /oauth/authorize', () => {
    const url = new URL(connector.authorizeUrl({ state: 'st-1', codeChallenge: null, forceConsent: false }));
    expect(`${url.origin}${url.pathname}`).toBe(
      'https://instagram_auth_base_url.test/prefix/oauth/authorize',
    );
    expect(url.searchParams.get('client_id')).toBe(SANDBOX_APPS.instagram.clientId);
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('state')).toBe('st-1');
    expect(url.searchParams.get('scope')).toBe(
      'instagram_business_basic,instagram_business_content_publish,instagram_business_manage_insights',
    );
    expect(url.searchParams.has('force_reauth')).toBe(false);
  });

  it('uses no PKCE and asks for a fresh login on reconnect', () => {
    expect(connector.usesPkce).toBe(false);
    const url = new URL(connector.authorizeUrl({ state: 's', codeChallenge: null, forceConsent: true }));
    expect(url.searchParams.get('force_reauth')).toBe('true');
    expect([...url.searchParams.keys()].some((k) => k.startsWith('code_challenge'))).toBe(false);
  });

  it('requests exactly the three issue-4 scopes and pins one Graph version', () => {
    expect(connector.requestedScopes).toEqual([
      'instagram_business_basic',
      'instagram_business_content_publish',
      'instagram_business_manage_insights',
    ]);
    expect(GRAPH_API_VERSION).toMatch(/^v\d+\.0$/);
  });
});

describe('InstagramConnector.revoke', () => {
  it('has nothing to revoke at Instagram', async () => {
    await expect(connector.revoke({ accessToken: 'IGAA', refreshToken: null })).resolves.toBeUndefined();
  });
});

describe('InstagramConnector.parseCallback', () => {
  it('reads code and state, with no granted scopes in the callback', () => {
    expect(connector.parseCallback({ code: 'AQB', state: 'st' })).toEqual({
      ok: true,
      code: 'AQB',
      state: 'st',
      grantedScopes: null,
    });
  });

  it("strips Meta's #_ when it reached a value", () => {
    expect(connector.parseCallback({ code: 'AQB#_', state: 'st' })).toMatchObject({ ok: true, code: 'AQB' });
    expect(connector.parseCallback({ code: 'AQB', state: 'st#_' })).toMatchObject({ ok: true, state: 'st' });
  });

  it('reports a denial with its reason and keeps the state', () => {
    const result = connector.parseCallback({
      error: 'access_denied',
      error_reason: 'user_denied',
      error_description: 'Permissions error',
      state: 'st',
    });
    expect(result).toEqual({
      ok: false,
      state: 'st',
      error: 'access_denied',
      description: 'Permissions error',
    });
  });

  it('falls back to error_reason, and refuses a callback without code or state', () => {
    expect(connector.parseCallback({ error: 'access_denied', error_reason: 'user_denied' })).toEqual({
      ok: false,
      state: null,
      error: 'access_denied',
      description: 'user_denied',
    });
    expect(connector.parseCallback({ code: 'AQB' })).toMatchObject({ ok: false, error: 'invalid_callback' });
    expect(connector.parseCallback({ state: 'st' })).toMatchObject({ ok: false, state: 'st' });
  });
});

describe('Instagram token responses', () => {
  it('parses the flat short-lived body with its permissions', () => {
    const body = {
      access_token: 'IGAA1',
      user_id: 17841400000000000,
      permissions: ['instagram_business_basic'],
    };
    expect(parseShortLivedToken(body)).toEqual({
      accessToken: 'IGAA1',
      permissions: ['instagram_business_basic'],
    });
  });

  it('parses the data:[…] short-lived body, permissions as a comma list too', () => {
    const body = {
      data: [{ access_token: 'IGAA2', user_id: '1', permissions: 'instagram_business_basic, x' }],
    };
    expect(parseShortLivedToken(body)).toEqual({
      accessToken: 'IGAA2',
      permissions: ['instagram_business_basic', 'x'],
    });
    expect(parseShortLivedToken({ data: [{ access_token: 'IGAA3' }] })).toEqual({
      accessToken: 'IGAA3',
      permissions: null,
    });
  });

  it('refuses bodies without an access token', () => {
    expect(parseShortLivedToken({ data: [] })).toBeNull();
    expect(parseShortLivedToken({ user_id: 1 })).toBeNull();
    expect(parseLongLivedToken(null)).toBeNull();
  });

  it('reads the long-lived lifetime from expires_in only', () => {
    expect(parseLongLivedToken({ access_token: 'L', token_type: 'bearer', expires_in: 5183944 })).toEqual({
      accessToken: 'L',
      expiresIn: 5183944,
    });
    expect(parseLongLivedToken({ access_token: 'L' })).toEqual({ accessToken: 'L', expiresIn: null });
  });
});

describe('Instagram profile', () => {
  it('takes user_id as the account id and the app-scoped id as an alias, without rounding big ids', () => {
    const text =
      '{"user_id":17841400000000123,"username":"maker","name":"Maker Studio","profile_picture_url":"https://cdn/p.jpg","id":7000000000000000123}';
    expect(parseProfile(text)).toEqual({
      profile: {
        externalAccountId: '17841400000000123',
        displayName: 'maker',
        avatarUrl: 'https://cdn/p.jpg',
        aliases: ['7000000000000000123'],
      },
      accountType: null,
    });
  });

  it('has no avatar when none is set, and no profile without user_id', () => {
    expect(parseProfile('{"user_id":"1784","name":"N","id":"9","account_type":"MEDIA_CREATOR"}')).toEqual({
      profile: { externalAccountId: '1784', displayName: 'N', avatarUrl: null, aliases: ['9'] },
      accountType: 'MEDIA_CREATOR',
    });
    expect(parseProfile('{"id":"9","username":"u"}')).toBeNull();
    expect(parseProfile('not json')).toBeNull();
  });
});

describe('Meta error mapping', () => {
  it('maps 190, 102, 10 and 200–299 to needs_reconnect', () => {
    for (const code of [190, 102, 10, 200, 299]) {
      const error = failure({ error: { message: 'Session has expired', type: 'OAuthException', code } });
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).kind).toBe('needs_reconnect');
    }
  });

  it('maps rate limits, 1/2, is_transient and 5xx to TransientError', () => {
    for (const code of [4, 17, 32, 613, 80002]) {
      expect((failure({ error: { message: 'limit', code } }) as TransientError).code).toBe(
        'platform_rate_limited',
      );
    }
    expect((failure({ error: { message: 'x', code: 2 } }) as TransientError).code).toBe(
      'platform_unavailable',
    );
    expect(failure({ error: { message: 'x', code: 100, is_transient: true } })).toBeInstanceOf(
      TransientError,
    );
    expect(failure({ error: { message: 'x', code: 190 } }, 503)).toBeInstanceOf(TransientError);
  });

  it("refuses other errors in plain words, reading api.instagram.com's flat shape too, never echoing tokens", () => {
    const flat = failure({
      error_type: 'OAuthException',
      code: 400,
      error_message: 'Invalid authorization code',
    });
    expect(flat).toMatchObject({ kind: 'validation', code: 'platform_refused' });
    expect((flat as UserError).message).toContain('Invalid authorization code');
    const echoed = failure({
      error: { code: 100, message: 'Bad token IGAAabcdefghijklmnopqrstuvwxyz0123456789' },
    });
    expect((echoed as UserError).message).not.toContain('IGAAabcdefghijklmnopqrstuvwxyz0123456789');
  });
});

describe('InstagramConnector.refreshDueAt', () => {
  const issuedAt = Date.UTC(2026, 0, 1);

  it('refreshes a 60-day token at half its life, read from expires_in', () => {
    expect(
      connector.refreshDueAt({ issuedAt, accessTokenExpiresIn: 5183944, refreshTokenExpiresIn: null }),
    ).toBe(issuedAt + 5183944 * 500);
  });

  it('never schedules a refresh before the token is 24 h old', () => {
    const due = connector.refreshDueAt({
      issuedAt,
      accessTokenExpiresIn: 30 * 3600,
      refreshTokenExpiresIn: null,
    });
    expect(due).not.toBeNull();
    expect(due! - issuedAt).toBeGreaterThanOrEqual(24 * HOUR);
    expect(due! - issuedAt).toBeLessThan(30 * HOUR);
    const unknown = connector.refreshDueAt({
      issuedAt,
      accessTokenExpiresIn: null,
      refreshTokenExpiresIn: null,
    });
    expect(unknown! - issuedAt).toBeGreaterThanOrEqual(24 * HOUR);
  });

  it('gives up on tokens that expire before they may be refreshed', () => {
    expect(
      connector.refreshDueAt({ issuedAt, accessTokenExpiresIn: 3600, refreshTokenExpiresIn: null }),
    ).toBeNull();
  });
});
