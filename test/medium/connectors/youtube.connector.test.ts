import { createHash, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { YoutubeConnector } from '../../../src/adapters/platforms/youtube/youtube.connector.js';
import { SANDBOX_APPS } from '../../../src/config/platforms.js';
import { TransientError, UserError } from '../../../src/domain/errors.js';
import type { IssuedTokens } from '../../../src/ports/platform-connector.js';
import type { FaultKind } from '../../../sandbox/core/faults.js';
import { defaultSettings, type SandboxSettings } from '../../../sandbox/core/settings.js';
import { rejection } from '../../fakes/rejection.js';
import { startSandboxHarness, type SandboxHarness } from '../../fakes/sandbox-harness.js';

const REDIRECT_URI = 'http://localhost:8080/oauth/youtube/callback';
const SCOPES = [
  'https://www.googleapis.com/auth/youtube.upload',
  'https://www.googleapis.com/auth/youtube.readonly',
];

interface Env extends SandboxHarness {
  connector: YoutubeConnector;
}

const running: Env[] = [];

afterEach(async () => {
  for (const env of running.splice(0)) await env.close();
});

/** The YouTube sandbox on 127.0.0.1 and a connector registered with it. */
async function start(
  settings: Partial<SandboxSettings> = {},
  connectorOptions: { clientSecret?: string; timeoutMs?: number } = {},
): Promise<Env> {
  const base = defaultSettings();
  const harness = await startSandboxHarness({
    platforms: ['youtube'],
    settings: {
      apps: { ...base.apps, google: { ...SANDBOX_APPS.youtube, redirectUris: [REDIRECT_URI] } },
      autoConsent: 'public',
      ...settings,
    },
  });
  const connector = new YoutubeConnector({
    baseUrls: harness.baseUrls,
    app: {
      ...SANDBOX_APPS.youtube,
      clientSecret: connectorOptions.clientSecret ?? SANDBOX_APPS.youtube.clientSecret,
    },
    redirectUri: REDIRECT_URI,
    ...(connectorOptions.timeoutMs ? { timeoutMs: connectorOptions.timeoutMs } : {}),
  });
  const env = { ...harness, connector };
  running.push(env);
  return env;
}

/** Follows the consent as a browser would, up to (not into) our redirect URI, and reads the callback. */
async function consent(env: Env, forceConsent = false) {
  const codeVerifier = randomBytes(48).toString('base64url');
  const codeChallenge = createHash('sha256').update(codeVerifier).digest('base64url');
  const state = randomBytes(12).toString('base64url');
  const answer = await fetch(env.connector.authorizeUrl({ state, codeChallenge, forceConsent }), {
    redirect: 'manual',
  });
  expect(answer.status).toBe(302);
  const location = new URL(answer.headers.get('location') ?? '');
  expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
  return {
    callback: env.connector.parseCallback(Object.fromEntries(location.searchParams)),
    codeVerifier,
    state,
  };
}

/** A full connect: consent, then the code exchange with the PKCE verifier. */
async function connect(env: Env, forceConsent = false): Promise<IssuedTokens> {
  const { callback, codeVerifier } = await consent(env, forceConsent);
  if (!callback.ok) throw new Error(`consent failed: ${callback.error}`);
  return env.connector.exchangeCode({ code: callback.code, codeVerifier });
}

function fault(env: Env, endpoint: string, kind: FaultKind = { type: 'status', status: 503 }): void {
  env.sandbox.ctx.faults.add('youtube', endpoint, kind);
}

describe('YoutubeConnector against the sandbox', () => {
  it('connects: PKCE consent, code exchange with granted scopes and expires_in, then the channel', async () => {
    const env = await start();
    const { callback, codeVerifier, state } = await consent(env);
    expect(callback).toMatchObject({ ok: true, state });
    expect(callback.ok && [...(callback.grantedScopes ?? [])].sort()).toEqual([...SCOPES].sort());
    if (!callback.ok) return;

    const tokens = await env.connector.exchangeCode({ code: callback.code, codeVerifier });
    expect(tokens.accessToken).toEqual(expect.any(String));
    expect(tokens.refreshToken).toEqual(expect.any(String));
    expect(tokens.accessTokenExpiresIn).toBe(3599);
    expect([...tokens.scopes].sort()).toEqual([...SCOPES].sort());

    const profile = await env.connector.fetchProfile(tokens.accessToken);
    expect(profile.externalAccountId).toMatch(/^UC/);
    expect(profile.displayName).not.toBe('');
    expect(profile.avatarUrl).toMatch(/^https?:\/\//);
    expect(profile.aliases).toEqual([]);
  });

  it('refreshes without a new refresh token, and the kept refresh token goes on working', async () => {
    const env = await start();
    const tokens = await connect(env);
    const refreshed = await env.connector.refresh(tokens);
    expect(refreshed.refreshToken).toBeNull();
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    expect(refreshed.accessTokenExpiresIn).toBe(3599);
    expect((await env.connector.fetchProfile(refreshed.accessToken)).externalAccountId).toMatch(/^UC/);
    await expect(env.connector.refresh(tokens)).resolves.toMatchObject({ refreshToken: null });
  });

  it('an access token past expires_in (sandbox clock) needs a refresh, which restores access', async () => {
    const env = await start();
    const tokens = await connect(env);
    const due = env.connector.refreshDueAt({
      issuedAt: 0,
      accessTokenExpiresIn: 3599,
      refreshTokenExpiresIn: null,
    });
    expect(due).toBeLessThan(3599_000);
    env.sandbox.ctx.clock.advance(3600_000);
    expect(await rejection(env.connector.fetchProfile(tokens.accessToken))).toMatchObject({
      kind: 'needs_reconnect',
    });
    const refreshed = await env.connector.refresh(tokens);
    expect((await env.connector.fetchProfile(refreshed.accessToken)).externalAccountId).toMatch(/^UC/);
  });

  it('revoke kills the grant: refresh then needs a reconnect; revoking again is harmless', async () => {
    const env = await start();
    const tokens = await connect(env);
    await env.connector.revoke(tokens);
    expect(await rejection(env.connector.refresh(tokens))).toMatchObject({
      kind: 'needs_reconnect',
      code: 'needs_reconnect',
    });
    expect(await rejection(env.connector.fetchProfile(tokens.accessToken))).toMatchObject({
      kind: 'needs_reconnect',
    });
    await expect(env.connector.revoke(tokens)).resolves.toBeUndefined();
    const request = env.sandbox.ctx.requests.list().find((r) => r.path.endsWith('/revoke'));
    expect(request?.method).toBe('POST');
  });

  it('gets a refresh token again on reconnect only with prompt=consent', async () => {
    const env = await start();
    expect((await connect(env)).refreshToken).toEqual(expect.any(String));
    expect((await connect(env, false)).refreshToken).toBeNull();
    expect((await connect(env, true)).refreshToken).toEqual(expect.any(String));
  });

  it('a denied consent comes back as an error that keeps the state', async () => {
    const env = await start({ autoConsent: 'deny' });
    const { callback, state } = await consent(env);
    expect(callback).toMatchObject({ ok: false, state, error: 'access_denied' });
  });

  it('an account without a YouTube channel is a plain no_channel user error (items omitted or empty)', async () => {
    for (const emptyChannelItems of ['omitted', 'empty-array'] as const) {
      const env = await start({
        autoConsent: 'no-channel',
        google: { ...defaultSettings().google, emptyChannelItems },
      });
      const tokens = await connect(env);
      const error = await rejection(env.connector.fetchProfile(tokens.accessToken));
      expect(error).toBeInstanceOf(UserError);
      expect(error).toMatchObject({ kind: 'validation', code: 'no_channel' });
    }
  });

  it('refuses a reused code and a wrong PKCE verifier without asking for a reconnect', async () => {
    const env = await start();
    const first = await consent(env);
    if (!first.callback.ok) throw new Error('consent failed');
    await env.connector.exchangeCode({ code: first.callback.code, codeVerifier: first.codeVerifier });
    const reused = await rejection(
      env.connector.exchangeCode({ code: first.callback.code, codeVerifier: first.codeVerifier }),
    );
    expect(reused).toMatchObject({ kind: 'validation', code: 'platform_refused' });
    expect((reused as Error).message).not.toContain(first.callback.code);

    const second = await consent(env);
    if (!second.callback.ok) throw new Error('consent failed');
    const wrongVerifier = randomBytes(48).toString('base64url');
    expect(
      await rejection(
        env.connector.exchangeCode({ code: second.callback.code, codeVerifier: wrongVerifier }),
      ),
    ).toMatchObject({ code: 'platform_refused' });
  });

  it('a wrong client secret is refused as invalid_client, never echoing the secret', async () => {
    const env = await start({}, { clientSecret: 'not-the-secret' });
    const error = await rejection(connect(env));
    expect(error).toMatchObject({ kind: 'validation', code: 'platform_refused' });
    expect((error as Error).message).toContain('invalid_client');
    expect((error as Error).message).not.toContain('not-the-secret');
  });

  it('a "Testing" app loses its refresh token after 7 days: needs a reconnect', async () => {
    const env = await start({ google: { ...defaultSettings().google, testingApp: true } });
    const tokens = await connect(env);
    env.sandbox.ctx.clock.advance(7 * 86_400_000 + 1000);
    expect(await rejection(env.connector.refresh(tokens))).toMatchObject({ kind: 'needs_reconnect' });
  });
});

describe('YoutubeConnector under injected faults', () => {
  it('maps 503 on every call to TransientError', async () => {
    const env = await start();
    const tokens = await connect(env);
    fault(env, 'POST /token');
    expect(await rejection(env.connector.refresh(tokens))).toBeInstanceOf(TransientError);
    fault(env, 'GET /youtube/v3/channels');
    expect(await rejection(env.connector.fetchProfile(tokens.accessToken))).toBeInstanceOf(TransientError);
    fault(env, 'POST /revoke');
    expect(await rejection(env.connector.revoke(tokens))).toBeInstanceOf(TransientError);
    // Each fault was used once: the calls succeed again.
    await expect(env.connector.refresh(tokens)).resolves.toMatchObject({ refreshToken: null });
  });

  it('maps a 503 on the code exchange, a 429 and a quotaExceeded 403 to TransientError', async () => {
    const env = await start();
    fault(env, 'POST /token');
    expect(await rejection(connect(env))).toBeInstanceOf(TransientError);
    const tokens = await connect(env);
    fault(env, 'GET /youtube/v3/channels', { type: 'status', status: 429 });
    expect(await rejection(env.connector.fetchProfile(tokens.accessToken))).toMatchObject({
      code: 'platform_rate_limited',
    });
    fault(env, 'GET /youtube/v3/channels', { type: 'platform_error', code: 'quotaExceeded', status: 403 });
    const quota = await rejection(env.connector.fetchProfile(tokens.accessToken));
    expect(quota).toBeInstanceOf(TransientError);
    expect(quota).toMatchObject({ code: 'platform_quota_exceeded' });
  });

  it('a hanging platform times out as a TransientError', async () => {
    const env = await start({}, { timeoutMs: 300 });
    const tokens = await connect(env);
    fault(env, 'GET /youtube/v3/channels', { type: 'hang' });
    expect(await rejection(env.connector.fetchProfile(tokens.accessToken))).toMatchObject({
      name: 'TransientError',
      code: 'platform_unreachable',
    });
  });
});
