import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../sandbox/server.js';
import { defaultSettings } from '../../../sandbox/core/settings.js';
import { SANDBOX_APPS } from '../../../src/config/platforms.js';
import { TransientError, UserError } from '../../../src/domain/errors.js';
import type { IssuedTokens } from '../../../src/ports/platform-connector.js';
import { TiktokConnector } from '../../../src/adapters/platforms/tiktok/tiktok.connector.js';
import { rejection } from '../../fakes/rejection.js';
import { startSandboxHarness, type SandboxHarness } from '../../fakes/sandbox-harness.js';

const redirectUri = 'http://localhost:8080/oauth/tiktok/callback';
const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('TiktokConnector against the local TikTok sandbox', () => {
  let harness: SandboxHarness;
  let sandbox: Sandbox;
  let connector: TiktokConnector;

  beforeAll(async () => {
    const defaults = defaultSettings();
    harness = await startSandboxHarness({
      platforms: ['tiktok'],
      settings: {
        apps: { ...defaults.apps, tiktok: { ...SANDBOX_APPS.tiktok, redirectUris: [redirectUri] } },
        autoConsent: 'public',
      },
    });
    sandbox = harness.sandbox;
    connector = new TiktokConnector({
      baseUrls: sandbox.baseUrls,
      app: SANDBOX_APPS.tiktok,
      redirectUri,
      timeoutMs: 2000,
    });
  });

  afterAll(() => harness.close());

  beforeEach(() => {
    const defaults = defaultSettings();
    sandbox.ctx.settings.autoConsent = 'public';
    sandbox.ctx.settings.tiktok = defaults.tiktok;
    sandbox.ctx.faults.clear();
  });

  /** Follows the consent redirect as the browser would and returns the callback query. */
  async function consent(state: string): Promise<Record<string, string>> {
    const url = connector.authorizeUrl({ state, codeChallenge: null, forceConsent: false });
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBeGreaterThanOrEqual(300);
    expect(response.status).toBeLessThan(400);
    const location = new URL(response.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
    return Object.fromEntries(location.searchParams);
  }

  async function connect(): Promise<IssuedTokens> {
    const callback = connector.parseCallback(await consent('state-connect'));
    if (!callback.ok) throw new Error(`consent failed: ${callback.error}`);
    return connector.exchangeCode({ code: callback.code, codeVerifier: null });
  }

  it('connects: consent redirect, callback, code exchange and profile', async () => {
    const callback = connector.parseCallback(await consent('state-1'));
    if (!callback.ok) throw new Error(`consent failed: ${callback.error}`);
    expect(callback.code).not.toBe('');
    expect(callback.state).toBe('state-1');
    expect(callback.grantedScopes).toEqual(connector.requestedScopes);
    const tokens = await connector.exchangeCode({ code: callback.code, codeVerifier: null });
    expect(tokens).toMatchObject({
      accessTokenExpiresIn: 7200,
      refreshTokenExpiresIn: 15552000,
      scopes: [...connector.requestedScopes],
    });
    expect(tokens.refreshToken).toEqual(expect.any(String));
    const profile = await connector.fetchProfile(tokens.accessToken);
    expect(profile.externalAccountId).toBe(tokens.accountId);
    expect(profile.displayName).not.toBe('');
    expect(profile.aliases).toEqual([]);
    // Codes are single-use.
    const reused = await rejection(connector.exchangeCode({ code: callback.code, codeVerifier: null }));
    expect(reused).toMatchObject({ kind: 'validation', code: 'platform_refused' });
  });

  it('refresh rotates the refresh token and kills the old one', async () => {
    const first = await connect();
    const second = await connector.refresh(first);
    expect(second.refreshToken).toEqual(expect.any(String));
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.accessTokenExpiresIn).toBe(7200);
    const old = await rejection(connector.refresh(first));
    expect(old).toBeInstanceOf(UserError);
    expect(old).toMatchObject({ kind: 'needs_reconnect' });
    expect((await connector.fetchProfile(second.accessToken)).externalAccountId).toBe(first.accountId);
  });

  it('reads OAuth errors answered with HTTP 200', async () => {
    sandbox.ctx.settings.tiktok.oauthErrorsWithStatus200 = true;
    const first = await connect();
    await connector.refresh(first);
    sandbox.ctx.requests.clear();
    expect(await rejection(connector.refresh(first))).toMatchObject({ kind: 'needs_reconnect' });
    expect(sandbox.ctx.requests.list({ pathIncludes: '/v2/oauth/token/' }).map((r) => r.status)).toEqual([
      200,
    ]);
  });

  it('takes lifetimes from the answer in legacy mode (24 h / 365 d, no rotation)', async () => {
    Object.assign(sandbox.ctx.settings.tiktok, {
      accessTokenSeconds: 86400,
      refreshTokenSeconds: 31536000,
      rotateRefreshTokens: false,
    });
    const first = await connect();
    expect(first).toMatchObject({ accessTokenExpiresIn: 86400, refreshTokenExpiresIn: 31536000 });
    await connector.refresh(first);
    expect((await connector.refresh(first)).accessTokenExpiresIn).toBe(86400);
  });

  it('revoke kills the grant: refresh and profile then need a reconnect', async () => {
    const tokens = await connect();
    await connector.revoke(tokens);
    sandbox.ctx.requests.clear();
    // Disconnecting twice is harmless: the grant is already gone.
    await connector.revoke(tokens);
    expect(sandbox.ctx.requests.list({ pathIncludes: '/v2/oauth/revoke/' })).toHaveLength(1);
    expect(await rejection(connector.refresh(tokens))).toMatchObject({ kind: 'needs_reconnect' });
    expect(await rejection(connector.fetchProfile(tokens.accessToken))).toMatchObject({
      kind: 'needs_reconnect',
    });
  });

  it('reports a denied consent through parseCallback', async () => {
    sandbox.ctx.settings.autoConsent = 'deny';
    const callback = connector.parseCallback(await consent('state-deny'));
    expect(callback).toMatchObject({ ok: false, state: 'state-deny', error: 'access_denied' });
  });

  it('follows the sandbox clock: expired access token, live refresh token, then an expired refresh token', async () => {
    const tokens = await connect();
    sandbox.ctx.clock.advance(2 * HOUR + 1000);
    expect(await rejection(connector.fetchProfile(tokens.accessToken))).toMatchObject({
      kind: 'needs_reconnect',
    });
    const refreshed = await connector.refresh(tokens);
    expect((await connector.fetchProfile(refreshed.accessToken)).externalAccountId).toBe(tokens.accountId);
    sandbox.ctx.clock.advance(181 * DAY);
    expect(await rejection(connector.refresh(refreshed))).toMatchObject({ kind: 'needs_reconnect' });
  });

  it('turns injected 5xx, 429 and hangs into TransientError', async () => {
    const tokens = await connect();
    sandbox.ctx.faults.add('tiktok', 'POST /v2/oauth/token/', { type: 'status', status: 503 });
    expect(await rejection(connector.refresh(tokens))).toBeInstanceOf(TransientError);
    sandbox.ctx.faults.add('tiktok', 'GET /v2/user/info/', { type: 'status', status: 429 });
    expect(await rejection(connector.fetchProfile(tokens.accessToken))).toMatchObject({
      code: 'platform_rate_limited',
    });
    sandbox.ctx.faults.add('tiktok', 'POST /v2/oauth/revoke/', { type: 'status', status: 500 });
    expect(await rejection(connector.revoke(tokens))).toBeInstanceOf(TransientError);
    sandbox.ctx.faults.add('tiktok', 'GET /v2/user/info/', { type: 'hang' });
    const hung = new TiktokConnector({
      baseUrls: sandbox.baseUrls,
      app: SANDBOX_APPS.tiktok,
      redirectUri,
      timeoutMs: 200,
    });
    expect(await rejection(hung.fetchProfile(tokens.accessToken))).toMatchObject({
      code: 'platform_unreachable',
    });
    // The failed calls did not consume the grant.
    expect((await connector.refresh(tokens)).refreshToken).toEqual(expect.any(String));
  });
});
