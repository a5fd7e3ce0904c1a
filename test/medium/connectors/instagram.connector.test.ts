import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../sandbox/server.js';
import { defaultSettings } from '../../../sandbox/core/settings.js';
import { SANDBOX_APPS } from '../../../src/config/platforms.js';
import { BugError, TransientError, UserError } from '../../../src/domain/errors.js';
import type { IssuedTokens } from '../../../src/ports/platform-connector.js';
import { InstagramConnector } from '../../../src/adapters/platforms/instagram/instagram.connector.js';
import { rejection } from '../../fakes/rejection.js';
import { startSandboxHarness, type SandboxHarness } from '../../fakes/sandbox-harness.js';

const REDIRECT_URI = 'http://localhost:8080/oauth/instagram/callback';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function expectNeedsReconnect(error: unknown): void {
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).kind).toBe('needs_reconnect');
}

describe('InstagramConnector against the local Instagram sandbox', () => {
  let harness: SandboxHarness;
  let sandbox: Sandbox;
  let connector: InstagramConnector;
  let root: string;

  beforeAll(async () => {
    harness = await startSandboxHarness({
      platforms: ['instagram'],
      settings: {
        apps: {
          ...defaultSettings().apps,
          instagram: { ...SANDBOX_APPS.instagram, redirectUris: [REDIRECT_URI] },
        },
        autoConsent: 'public',
      },
    });
    sandbox = harness.sandbox;
    root = harness.origin;
    connector = new InstagramConnector({
      baseUrls: sandbox.baseUrls,
      app: SANDBOX_APPS.instagram,
      redirectUri: REDIRECT_URI,
    });
  });

  afterAll(() => harness.close());

  beforeEach(() => {
    sandbox.ctx.settings.autoConsent = 'public';
    sandbox.ctx.faults.clear();
  });

  /** Follows the consent redirect as a browser would and returns the callback URL. */
  async function consent(state: string): Promise<URL> {
    const res = await fetch(connector.authorizeUrl({ state, codeChallenge: null, forceConsent: false }), {
      redirect: 'manual',
    });
    expect(res.status).toBeGreaterThanOrEqual(300);
    expect(res.status).toBeLessThan(400);
    return new URL(res.headers.get('location') ?? '');
  }

  async function connect(state = 'state-1'): Promise<IssuedTokens> {
    const callback = connector.parseCallback(Object.fromEntries((await consent(state)).searchParams));
    if (!callback.ok) throw new Error(`consent failed: ${callback.error}`);
    return connector.exchangeCode({ code: callback.code, codeVerifier: null });
  }

  it('connects: consent → callback with #_ → code → long-lived token → profile', async () => {
    const location = await consent('state-42');
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.hash).toBe('#_');

    const callback = connector.parseCallback(Object.fromEntries(location.searchParams));
    expect(callback).toMatchObject({ ok: true, state: 'state-42', grantedScopes: null });
    if (!callback.ok) return;

    const tokens = await connector.exchangeCode({ code: callback.code, codeVerifier: null });
    expect(tokens.accessToken).toBeTruthy();
    expect(tokens.refreshToken).toBeNull();
    expect(tokens.accessTokenExpiresIn).toBe(5183944);
    expect(tokens.refreshTokenExpiresIn).toBeNull();
    expect(tokens.scopes.sort()).toEqual([...connector.requestedScopes].sort());

    const profile = await connector.fetchProfile(tokens.accessToken);
    expect(profile.externalAccountId).toMatch(/^\d+$/);
    expect(profile.displayName).toBeTruthy();
    expect(profile.aliases).toHaveLength(1);
    expect(profile.aliases[0]).not.toBe(profile.externalAccountId);
  });

  it('refuses a code used twice, as a plain refusal', async () => {
    const callback = connector.parseCallback(Object.fromEntries((await consent('s')).searchParams));
    if (!callback.ok) throw new Error('consent failed');
    await connector.exchangeCode({ code: callback.code, codeVerifier: null });
    const error = await rejection(connector.exchangeCode({ code: callback.code, codeVerifier: null }));
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).kind).toBe('validation');
  });

  it('parses the data:[…] short-lived token shape', async () => {
    sandbox.ctx.settings.instagram.tokenBodyShape = 'data-array';
    try {
      const tokens = await connect();
      expect(tokens.accessTokenExpiresIn).toBe(5183944);
      await expect(connector.fetchProfile(tokens.accessToken)).resolves.toMatchObject({
        aliases: [expect.any(String)],
      });
    } finally {
      sandbox.ctx.settings.instagram.tokenBodyShape = 'flat';
    }
  });

  it('reports the permissions the person actually granted on the consent page', async () => {
    sandbox.ctx.settings.autoConsent = null;
    const authorize = new URL(
      connector.authorizeUrl({ state: 'st-partial', codeChallenge: null, forceConsent: false }),
    );
    const page = await fetch(authorize);
    expect(page.status).toBe(200);
    const form = new URLSearchParams(authorize.searchParams);
    form.append('persona', 'public');
    form.append('granted_scope', 'instagram_business_basic');
    form.append('granted_scope', 'instagram_business_content_publish');
    const answer = await fetch(`${authorize.origin}${authorize.pathname}`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
    });
    const callback = connector.parseCallback(
      Object.fromEntries(new URL(answer.headers.get('location') ?? '').searchParams),
    );
    if (!callback.ok) throw new Error(`consent failed: ${callback.error}`);
    const tokens = await connector.exchangeCode({ code: callback.code, codeVerifier: null });
    expect(tokens.scopes.sort()).toEqual(['instagram_business_basic', 'instagram_business_content_publish']);
  });

  it('refuses a personal account in plain words', async () => {
    sandbox.ctx.settings.autoConsent = 'ig-personal';
    const tokens = await connect();
    const error = await rejection(connector.fetchProfile(tokens.accessToken));
    expect(error).toMatchObject({ kind: 'validation', code: 'instagram_personal_account' });
    expect((error as UserError).message).toMatch(/Business or Creator/);
  });

  it('reports a denied consent from the callback', async () => {
    sandbox.ctx.settings.autoConsent = 'deny';
    const callback = connector.parseCallback(Object.fromEntries((await consent('state-deny')).searchParams));
    expect(callback).toMatchObject({ ok: false, state: 'state-deny', error: 'access_denied' });
  });

  it('refreshes once the token is 24 h old, and never turns a too-early refusal into needs_reconnect', async () => {
    const issuedAt = sandbox.ctx.clock.now();
    const tokens = await connect();

    const early = await rejection(connector.refresh(tokens));
    expect(early).toBeInstanceOf(BugError);
    expect((early as BugError).code).toBe('instagram_refresh_too_early');

    const due = connector.refreshDueAt({ issuedAt, ...tokens });
    expect(due).not.toBeNull();
    expect(due! - issuedAt).toBeGreaterThanOrEqual(DAY);
    sandbox.ctx.clock.advance(due! - issuedAt);

    const refreshed = await connector.refresh(tokens);
    expect(refreshed.accessTokenExpiresIn).toBe(5183944);
    expect(refreshed.refreshToken).toBeNull();
    const profile = await connector.fetchProfile(refreshed.accessToken);
    expect(profile.externalAccountId).toMatch(/^\d+$/);
  });

  it('refreshes at the earliest allowed moment (24 h and a margin)', async () => {
    const issuedAt = sandbox.ctx.clock.now();
    const tokens = await connect();
    const earliest = connector.refreshDueAt({
      issuedAt,
      accessTokenExpiresIn: 30 * 3600,
      refreshTokenExpiresIn: null,
    });
    sandbox.ctx.clock.advance(earliest! - issuedAt);
    await expect(connector.refresh(tokens)).resolves.toMatchObject({ accessTokenExpiresIn: 5183944 });
  });

  it('needs a reconnect once the long-lived token has expired', async () => {
    const tokens = await connect();
    sandbox.ctx.clock.advance((tokens.accessTokenExpiresIn ?? 0) * 1000 + HOUR);
    expectNeedsReconnect(await rejection(connector.refresh(tokens)));
    expectNeedsReconnect(await rejection(connector.fetchProfile(tokens.accessToken)));
  });

  it('revoke is a no-op: Instagram has no app-side revoke, the token keeps working', async () => {
    const tokens = await connect();
    await connector.revoke(tokens);
    await expect(connector.fetchProfile(tokens.accessToken)).resolves.toBeDefined();
  });

  it('needs a reconnect after the person removed the app in Instagram, even for a token under 24 h old', async () => {
    const tokens = await connect();
    const profile = await connector.fetchProfile(tokens.accessToken);
    const removal = await fetch(`${root}/__sandbox/instagram/remove-app`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: profile.aliases[0] }),
    });
    expect(removal.status).toBe(200);
    expectNeedsReconnect(await rejection(connector.refresh(tokens)));
    expectNeedsReconnect(await rejection(connector.fetchProfile(tokens.accessToken)));
  });

  it('turns 503s on each call into TransientError', async () => {
    sandbox.ctx.faults.add('instagram', 'POST /oauth/access_token', { type: 'status', status: 503 });
    expect(await rejection(connect())).toBeInstanceOf(TransientError);

    sandbox.ctx.faults.add('instagram', 'GET /access_token', { type: 'status', status: 503 });
    expect(await rejection(connect())).toBeInstanceOf(TransientError);

    const tokens = await connect();
    sandbox.ctx.faults.add('instagram', '*', { type: 'status', status: 503 });
    expect(await rejection(connector.fetchProfile(tokens.accessToken))).toBeInstanceOf(TransientError);

    sandbox.ctx.clock.advance(2 * DAY);
    sandbox.ctx.faults.add('instagram', 'GET /refresh_access_token', { type: 'status', status: 503 });
    expect(await rejection(connector.refresh(tokens))).toBeInstanceOf(TransientError);
  });

  it('classifies Meta error codes: rate limit → transient, 190 → reconnect', async () => {
    const tokens = await connect();
    sandbox.ctx.faults.add('instagram', '*', { type: 'platform_error', code: 17, status: 400 });
    expect(await rejection(connector.fetchProfile(tokens.accessToken))).toMatchObject({
      code: 'platform_rate_limited',
    });
    sandbox.ctx.faults.add('instagram', '*', {
      type: 'platform_error',
      code: 190,
      subcode: 460,
      status: 400,
    });
    expectNeedsReconnect(await rejection(connector.fetchProfile(tokens.accessToken)));
  });

  it('times out a hanging call as TransientError', async () => {
    const tokens = await connect();
    const impatient = new InstagramConnector({
      baseUrls: sandbox.baseUrls,
      app: SANDBOX_APPS.instagram,
      redirectUri: REDIRECT_URI,
      timeoutMs: 200,
    });
    sandbox.ctx.faults.add('instagram', '*', { type: 'hang' });
    const error = await rejection(impatient.fetchProfile(tokens.accessToken));
    expect(error).toBeInstanceOf(TransientError);
    expect((error as TransientError).code).toBe('platform_unreachable');
  });
});
