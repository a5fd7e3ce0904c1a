import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectThroughConsent } from '../../fakes/connect-flow.js';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';

type ConnectionJson = {
  id: string;
  platform: string;
  status: string;
  scopes: string[];
  displayName: string;
  externalAccountId: string;
  maskedAccessToken: string | null;
  maskedRefreshToken: string | null;
  accessTokenExpiresAt: string | null;
  sandbox: boolean;
};

describe('connecting accounts through the sandbox', () => {
  let t: TestApp;
  let client: Client;
  beforeEach(async () => {
    t = await startTestApp({}, { listen: true });
    client = new Client(t.app, t.origin);
    await client.signUp('creator@example.com');
  });
  afterEach(async () => t.close());

  const list = async () => (await client.get('/api/connections')).json<{ items: ConnectionJson[] }>().items;

  it.each([
    ['tiktok', ['user.info.basic', 'video.publish', 'video.upload', 'video.list']],
    [
      'instagram',
      [
        'instagram_business_basic',
        'instagram_business_content_publish',
        'instagram_business_manage_insights',
      ],
    ],
    [
      'youtube',
      ['https://www.googleapis.com/auth/youtube.upload', 'https://www.googleapis.com/auth/youtube.readonly'],
    ],
  ] as const)(
    'connects %s with exactly the product scopes, showing only masked tokens',
    async (platform, scopes) => {
      const outcome = await connectThroughConsent(t, client, platform);
      expect(outcome.status).toBe('connected');
      const [connection] = await list();
      expect(connection).toMatchObject({ platform, status: 'active', sandbox: true });
      expect([...(connection?.scopes ?? [])].sort()).toEqual([...scopes].sort());
      expect(connection?.displayName.length).toBeGreaterThan(0);
      expect(connection?.maskedAccessToken).toMatch(/^.{4}….{4}$/);
      expect(Date.parse(connection?.accessTokenExpiresAt ?? '')).toBeGreaterThan(Date.now() - 86_400_000);
      if (platform !== 'instagram') expect(connection?.maskedRefreshToken).toMatch(/^.{4}….{4}$/);

      const audit = (await client.get('/api/audit')).json<{ items: { type: string }[] }>();
      expect(audit.items.map((e) => e.type)).toContain('connected');
    },
  );

  it('keeps nothing when the person declines', async () => {
    const outcome = await connectThroughConsent(t, client, 'instagram', { persona: 'deny' });
    expect(outcome.status).toBe('error');
    expect(outcome.message).toMatch(/declined/i);
    expect(await list()).toEqual([]);
  });

  it.each([
    ['tiktok', 'video.publish'],
    ['youtube', 'https://www.googleapis.com/auth/youtube.upload'],
    ['instagram', 'instagram_business_content_publish'],
  ] as const)(
    'refuses a half-working %s account when a needed scope is unticked',
    async (platform, scope) => {
      const outcome = await connectThroughConsent(t, client, platform, { untick: [scope] });
      expect(outcome.status).toBe('error');
      expect(outcome.message).toContain(scope);
      expect(outcome.message).toMatch(/reconnect/i);
      expect(await list()).toEqual([]);
    },
  );

  it('accepts each state once, only in the session that started it', async () => {
    const first = await connectThroughConsent(t, client, 'tiktok');
    expect(first.status).toBe('connected');
    const replay = await client.get(first.callbackPath);
    expect(new URL(String(replay.headers.location), t.origin).searchParams.get('status')).toBe('error');

    const other = new Client(t.app, t.origin);
    await other.signUp('someone@example.com');
    const url = (await client.post('/api/connections/tiktok/authorize', {})).json<{ url: string }>().url;
    const consent = await fetch(url, { redirect: 'manual' });
    expect(consent.status).toBe(200);
    const state = new URL(url).searchParams.get('state');
    const stolen = await other.get(`/oauth/tiktok/callback?code=whatever&state=${state}`);
    expect(new URL(String(stolen.headers.location), t.origin).searchParams.get('message')).toMatch(
      /expired|not started here/,
    );
    expect((await other.get('/api/connections')).json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('reconnects the same account in place and keeps the refresh token', async () => {
    await connectThroughConsent(t, client, 'youtube');
    const [before] = await list();
    const again = await connectThroughConsent(t, client, 'youtube', { reconnectId: before?.id });
    expect(again.status).toBe('connected');
    const after = await list();
    expect(after).toHaveLength(1);
    expect(after[0]?.id).toBe(before?.id);
    expect(after[0]?.maskedRefreshToken).not.toBeNull();
    const audit = (await client.get('/api/audit')).json<{ items: { type: string }[] }>();
    expect(audit.items.map((e) => e.type)).toContain('reconnected');
  });

  it('asks Google again, with forced consent, when an account that granted before comes back without a refresh token', async () => {
    expect((await connectThroughConsent(t, client, 'youtube')).status).toBe('connected');
    await client.post('/api/workspaces', { name: 'Second brand' });
    const second = await connectThroughConsent(t, client, 'youtube');
    expect(second.status).toBe('connected');
    const [connection] = await list();
    expect(connection?.maskedRefreshToken).toMatch(/^.{4}….{4}$/);
    const consents = (
      await client.get('/sandbox/__sandbox/requests?platform=youtube&path=/o/oauth2/v2/auth')
    ).json<{
      requests: { query: Record<string, string> }[];
    }>().requests;
    expect(consents.some((r) => r.query.prompt === 'consent')).toBe(true);
  });

  it('lets viewers see connections but not connect', async () => {
    const inv = await client.post('/api/invitations', { email: 'viewer@example.com', role: 'viewer' });
    const token = new URL(inv.json<{ acceptUrl: string }>().acceptUrl).searchParams.get('token');
    const viewer = new Client(t.app, t.origin);
    await viewer.signUp('viewer@example.com');
    await viewer.post('/api/invitations/accept', { token });
    expect((await viewer.post('/api/connections/tiktok/authorize', {})).statusCode).toBe(403);
    expect((await viewer.get('/api/connections')).statusCode).toBe(200);
  });
});
