import { describe, expect, it } from 'vitest';
import type { BaseUrlName } from '../../../src/config/platforms.js';
import { TransientError, UserError } from '../../../src/domain/errors.js';
import { YoutubeConnector } from '../../../src/adapters/platforms/youtube/youtube.connector.js';
import { parseGoogleTokens, tokenCallFailure } from '../../../src/adapters/platforms/youtube/google-oauth.js';
import {
  parseChannelProfile,
  youtubeApiFailure,
} from '../../../src/adapters/platforms/youtube/youtube-channel.js';

const UPLOAD = 'https://www.googleapis.com/auth/youtube.upload';
const READONLY = 'https://www.googleapis.com/auth/youtube.readonly';
const REDIRECT = 'https://app.example.com/oauth/youtube/callback';

const baseUrls: Record<BaseUrlName, string> = {
  TIKTOK_AUTH_BASE_URL: 'https://www.tiktok.com',
  TIKTOK_API_BASE_URL: 'https://open.tiktokapis.com',
  INSTAGRAM_AUTH_BASE_URL: 'https://www.instagram.com',
  INSTAGRAM_API_BASE_URL: 'https://api.instagram.com',
  INSTAGRAM_GRAPH_BASE_URL: 'https://graph.instagram.com',
  GOOGLE_AUTH_BASE_URL: 'https://accounts.google.com/',
  GOOGLE_OAUTH2_BASE_URL: 'https://oauth2.googleapis.com',
  YOUTUBE_API_BASE_URL: 'https://www.googleapis.com',
};

const connector = new YoutubeConnector({
  baseUrls,
  app: { clientId: 'client.apps.googleusercontent.com', clientSecret: 'shh-secret' },
  redirectUri: REDIRECT,
});

const response = (status: number, json: unknown) => ({ status, headers: new Headers(), json, text: '' });

describe('YouTube authorize URL', () => {
  it('asks for exactly the two scopes, space-separated, with offline access and PKCE S256', () => {
    const url = new URL(
      connector.authorizeUrl({ state: 'st-1', codeChallenge: 'chal_LENGE-1', forceConsent: false }),
    );
    expect(`${url.origin}${url.pathname}`).toBe('https://accounts.google.com/o/oauth2/v2/auth');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'client.apps.googleusercontent.com',
      redirect_uri: REDIRECT,
      response_type: 'code',
      scope: `${UPLOAD} ${READONLY}`,
      state: 'st-1',
      access_type: 'offline',
      code_challenge: 'chal_LENGE-1',
      code_challenge_method: 'S256',
    });
    expect(connector.requestedScopes).toEqual([UPLOAD, READONLY]);
    expect(connector.usesPkce).toBe(true);
  });

  it('adds prompt=consent on reconnect so Google issues a refresh token again', () => {
    const url = new URL(connector.authorizeUrl({ state: 's', codeChallenge: 'c', forceConsent: true }));
    expect(url.searchParams.get('prompt')).toBe('consent');
    expect(url.searchParams.get('access_type')).toBe('offline');
  });

  it('keeps a path prefix of the base URL', () => {
    const sandboxed = new YoutubeConnector({
      baseUrls: { ...baseUrls, GOOGLE_AUTH_BASE_URL: 'http://127.0.0.1:4010/google/accounts/' },
      app: { clientId: 'id', clientSecret: 'secret' },
      redirectUri: REDIRECT,
    });
    const url = sandboxed.authorizeUrl({ state: 's', codeChallenge: 'c', forceConsent: false });
    expect(url.startsWith('http://127.0.0.1:4010/google/accounts/o/oauth2/v2/auth?')).toBe(true);
  });
});

describe('YouTube callback', () => {
  it('reads the code, the state and the granted scopes', () => {
    expect(
      connector.parseCallback({ code: '4/0Ab-x', scope: `${UPLOAD} ${READONLY}`, state: 'st-1' }),
    ).toEqual({
      ok: true,
      code: '4/0Ab-x',
      state: 'st-1',
      grantedScopes: [UPLOAD, READONLY],
    });
  });

  it('reports scopes the person unticked as not granted, and no scope list as unknown', () => {
    const partial = connector.parseCallback({ code: 'c', scope: UPLOAD, state: 's' });
    expect(partial.ok && partial.grantedScopes).toEqual([UPLOAD]);
    const unknown = connector.parseCallback({ code: 'c', state: 's' });
    expect(unknown.ok && unknown.grantedScopes).toBeNull();
  });

  it('turns a denial into a plain error that keeps the state', () => {
    expect(connector.parseCallback({ error: 'access_denied', state: 'st-1' })).toEqual({
      ok: false,
      state: 'st-1',
      error: 'access_denied',
      description: 'Access was declined on Google, so YouTube was not connected.',
    });
  });

  it('never echoes free text from the callback URL', () => {
    const result = connector.parseCallback({
      error: 'admin_policy_enforced',
      error_description: 'Visit evil',
    });
    expect(result).toMatchObject({ ok: false, state: null, error: 'admin_policy_enforced' });
    expect(!result.ok && result.description).not.toContain('evil');
  });

  it('refuses an answer without a code or without a state', () => {
    expect(connector.parseCallback({ state: 's' })).toMatchObject({ ok: false, error: 'invalid_request' });
    expect(connector.parseCallback({ code: 'c' })).toMatchObject({
      ok: false,
      state: null,
      error: 'invalid_request',
    });
  });
});

describe('Google token answers', () => {
  it('reads the code-exchange answer, lifetimes from the body', () => {
    const tokens = parseGoogleTokens(
      {
        access_token: 'ya29.a',
        expires_in: 3599,
        refresh_token: '1//0g',
        scope: `${READONLY} ${UPLOAD}`,
        token_type: 'Bearer',
      },
      [UPLOAD, READONLY],
    );
    expect(tokens).toEqual({
      accessToken: 'ya29.a',
      refreshToken: '1//0g',
      accessTokenExpiresIn: 3599,
      refreshTokenExpiresIn: null,
      scopes: [READONLY, UPLOAD],
      accountId: null,
    });
  });

  it('reads a refresh answer without refresh token, and a time-limited grant', () => {
    const tokens = parseGoogleTokens(
      { access_token: 'ya29.b', expires_in: 1800, scope: UPLOAD, refresh_token_expires_in: 604799 },
      [UPLOAD, READONLY],
    );
    expect(tokens).toMatchObject({
      refreshToken: null,
      accessTokenExpiresIn: 1800,
      refreshTokenExpiresIn: 604799,
      scopes: [UPLOAD],
    });
  });

  it('falls back to the requested scopes only when Google omits scope, and rejects error bodies', () => {
    expect(parseGoogleTokens({ access_token: 'x', expires_in: 10 }, [UPLOAD])?.scopes).toEqual([UPLOAD]);
    expect(parseGoogleTokens({ error: 'invalid_grant' }, [UPLOAD])).toBeNull();
    expect(parseGoogleTokens('not json', [UPLOAD])).toBeNull();
  });

  it('maps invalid_grant on refresh to needs_reconnect, and on code exchange to a refusal', () => {
    const body = { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' };
    expect(tokenCallFailure('refresh', 400, body)).toMatchObject({
      kind: 'needs_reconnect',
      code: 'needs_reconnect',
    });
    expect(tokenCallFailure('code_exchange', 400, body)).toMatchObject({
      kind: 'validation',
      code: 'platform_refused',
    });
  });

  it('maps invalid_client and unknown answers to refusals naming only the error code', () => {
    const error = tokenCallFailure('refresh', 401, {
      error: 'invalid_client',
      error_description: 'secret shh',
    });
    expect(error).toMatchObject({ kind: 'validation', code: 'platform_refused' });
    expect(error.message).toContain('invalid_client');
    expect(error.message).not.toContain('shh');
    expect(tokenCallFailure('refresh', 418, null).message).toContain('418');
  });
});

describe('YouTube channel', () => {
  const channel = {
    kind: 'youtube#channelListResponse',
    items: [
      {
        id: 'UCabc123',
        snippet: {
          title: 'AI Factory',
          customUrl: '@aifactory',
          thumbnails: {
            default: { url: 'https://yt3.example/88.jpg' },
            medium: { url: 'https://yt3.example/240.jpg' },
          },
        },
      },
    ],
  };

  it('is the profile: channel id, title and thumbnail', () => {
    expect(parseChannelProfile(channel)).toEqual({
      externalAccountId: 'UCabc123',
      displayName: 'AI Factory',
      avatarUrl: 'https://yt3.example/240.jpg',
      aliases: [],
    });
  });

  it('tolerates a channel without thumbnails', () => {
    expect(parseChannelProfile({ items: [{ id: 'UCx', snippet: { title: 'T' } }] }).avatarUrl).toBeNull();
  });

  it('is a no_channel user error when items is empty or missing', () => {
    for (const body of [
      { items: [] },
      { kind: 'youtube#channelListResponse', pageInfo: { totalResults: 0 } },
    ]) {
      expect(() => parseChannelProfile(body)).toThrow(
        expect.objectContaining({ kind: 'validation', code: 'no_channel' }) as Error,
      );
    }
  });

  it('maps API errors: 401 → needs_reconnect, 403 quota → transient, missing scope → user error', () => {
    const envelope = (code: number, reason: string) => ({
      error: { code, message: 'm', errors: [{ message: 'm', domain: 'youtube.x', reason }] },
    });
    expect(youtubeApiFailure(response(401, envelope(401, 'authError')), 'Reading')).toMatchObject({
      kind: 'needs_reconnect',
    });
    const quota = youtubeApiFailure(response(403, envelope(403, 'quotaExceeded')), 'Reading');
    expect(quota).toBeInstanceOf(TransientError);
    expect(quota.code).toBe('platform_quota_exceeded');
    expect(
      youtubeApiFailure(response(403, envelope(403, 'insufficientPermissions')), 'Reading'),
    ).toMatchObject({
      code: 'missing_scopes',
    });
    expect(youtubeApiFailure(response(401, envelope(401, 'youtubeSignupRequired')), 'Reading')).toMatchObject(
      {
        code: 'no_channel',
      },
    );
    const other = youtubeApiFailure(response(400, envelope(400, 'badRequest')), 'Reading');
    expect(other).toBeInstanceOf(UserError);
    expect(other.message).toContain('badRequest');
  });
});

describe('YouTube refresh schedule', () => {
  it('refreshes five minutes before the access token expires, from expires_in', () => {
    const issuedAt = Date.UTC(2026, 0, 1);
    expect(
      connector.refreshDueAt({ issuedAt, accessTokenExpiresIn: 3599, refreshTokenExpiresIn: null }),
    ).toBe(issuedAt + 3599_000 - 300_000);
  });

  it('never schedules before half the lifetime of a short token, and not at all without a lifetime', () => {
    expect(
      connector.refreshDueAt({ issuedAt: 0, accessTokenExpiresIn: 120, refreshTokenExpiresIn: null }),
    ).toBe(60_000);
    expect(
      connector.refreshDueAt({ issuedAt: 0, accessTokenExpiresIn: null, refreshTokenExpiresIn: null }),
    ).toBeNull();
  });
});
