import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectThroughConsent } from '../../fakes/connect-flow.js';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';
import { TokenRecorder } from '../../fakes/token-recorder.js';

type ConnectionJson = {
  id: string;
  status: string;
  maskedRefreshToken: string | null;
  lastRefreshedAt: string | null;
  lastError: string | null;
};

describe('token refresh', () => {
  let t: TestApp;
  let client: Client;
  let workspaceId: string;
  const recorder = new TokenRecorder();
  beforeEach(async () => {
    recorder.install();
    t = await startTestApp({}, { listen: true });
    client = new Client(t.app, t.origin);
    workspaceId = (await client.signUp('creator@example.com')).workspace.id;
  });
  afterEach(async () => {
    recorder.uninstall();
    await t.close();
  });

  const only = async () =>
    (await client.get('/api/connections')).json<{ items: ConnectionJson[] }>().items[0]!;
  const advanceSandbox = (seconds: number) => client.post('/sandbox/__sandbox/clock/advance', { seconds });
  const auditTypes = async () =>
    (await client.get('/api/audit')).json<{ items: { type: string }[] }>().items.map((e) => e.type);

  it('rotates TikTok refresh tokens: the new one is stored, the old one is dead', async () => {
    await connectThroughConsent(t, client, 'tiktok');
    const before = await only();
    const issuedBefore = new Set(recorder.tokens);
    expect(await t.container.tokenRefresh.refresh(workspaceId, before.id)).toBe('refreshed');
    const after = await only();
    expect(after.maskedRefreshToken).not.toBe(before.maskedRefreshToken);
    expect(after.lastRefreshedAt).not.toBeNull();

    // Every refresh token issued before the refresh is now refused by TikTok.
    const oldRefreshTokens = [...issuedBefore].filter(
      (tok) => !recorder.tokens.has(tok) || issuedBefore.has(tok),
    );
    const base = t.container.platforms.baseUrls.TIKTOK_API_BASE_URL;
    let refused = 0;
    for (const token of oldRefreshTokens) {
      const res = await fetch(`${base}/v2/oauth/token/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          client_key: 'sandbox-tiktok-client-key',
          client_secret: 'sandbox-tiktok-secret',
          grant_type: 'refresh_token',
          refresh_token: token,
        }),
      });
      const body = (await res.json()) as { error?: string };
      if (body.error === 'invalid_grant') refused += 1;
    }
    expect(refused).toBeGreaterThanOrEqual(1);
    // And the stored one still works.
    expect(await t.container.tokenRefresh.refresh(workspaceId, before.id)).toBe('refreshed');
  });

  it('refreshes when the scheduler finds it due, from expires_in', async () => {
    await connectThroughConsent(t, client, 'tiktok');
    expect(await t.container.tokenRefresh.refreshDue()).toEqual([]);
    // TikTok access tokens live 2 h; the refresh is due well before that.
    t.clock.advance(2 * 3600_000);
    await advanceSandbox(2 * 3600 - 60);
    expect(await t.container.tokenRefresh.refreshDue()).toEqual(['refreshed']);
    expect(await auditTypes()).toContain('refreshed');
  });

  it('refreshes once and retries once when a call finds the access token expired', async () => {
    await connectThroughConsent(t, client, 'tiktok');
    const { id } = await only();
    await advanceSandbox(3 * 3600);
    const profile = await t.container.tokenRefresh.withAccessToken(workspaceId, id, async (tokens) => {
      const res = await fetch(
        `${t.container.platforms.baseUrls.TIKTOK_API_BASE_URL}/v2/user/info/?fields=open_id,display_name`,
        {
          headers: { authorization: `Bearer ${tokens.accessToken}` },
        },
      );
      const body = (await res.json()) as {
        error: { code: string };
        data: { user?: { display_name: string } };
      };
      if (body.error.code === 'access_token_invalid') {
        const { needsReconnect } = await import('../../../src/adapters/platforms/http.js');
        throw needsReconnect('access token expired');
      }
      return body.data.user?.display_name;
    });
    expect(profile).toEqual(expect.any(String));
    expect(await auditTypes()).toContain('refreshed');
  });

  it('marks a connection needs_reconnect and deletes its tokens when the grant was revoked', async () => {
    await connectThroughConsent(t, client, 'youtube');
    const { id } = await only();
    expect(
      (await client.post('/sandbox/__sandbox/youtube/revoke', { persona: 'public' })).statusCode,
    ).toBeLessThan(300);
    expect(await t.container.tokenRefresh.refresh(workspaceId, id)).toBe('needs_reconnect');
    const after = await only();
    expect(after.status).toBe('needs_reconnect');
    expect(after.lastError).toMatch(/no longer accepts/);
    expect(await t.container.store.connections.loadTokens(workspaceId, id)).toBeNull();
    expect(await auditTypes()).toEqual(expect.arrayContaining(['needs_reconnect', 'tokens_deleted']));

    const again = await connectThroughConsent(t, client, 'youtube', { reconnectId: id });
    expect(again.status).toBe('connected');
    expect((await only()).status).toBe('active');
  });

  it('keeps the connection and retries later when the platform is down', async () => {
    await connectThroughConsent(t, client, 'tiktok');
    const { id } = await only();
    await client.post('/sandbox/__sandbox/faults', {
      platform: 'tiktok',
      endpoint: 'POST /v2/oauth/token/',
      fault: { type: 'status', status: 503 },
    });
    expect(await t.container.tokenRefresh.refresh(workspaceId, id)).toBe('failed');
    const after = await only();
    expect(after.status).toBe('active');
    expect(after.lastError).toMatch(/503/);
    expect(await auditTypes()).toContain('refresh_failed');
  });

  it('serializes refreshes of one account (a second concurrent refresh is told the account is busy)', async () => {
    await connectThroughConsent(t, client, 'tiktok');
    const { id } = await only();
    const results = await Promise.all([
      t.container.tokenRefresh.refresh(workspaceId, id),
      t.container.tokenRefresh.refresh(workspaceId, id),
    ]);
    expect(results.sort()).toEqual(['busy', 'refreshed']);
  });
});
