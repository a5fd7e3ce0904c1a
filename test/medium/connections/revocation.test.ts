import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectThroughConsent } from '../../fakes/connect-flow.js';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';

type ConnectionJson = {
  id: string;
  status: string;
  externalAccountId: string;
  maskedAccessToken: string | null;
};
const TIKTOK_SECRET = 'sandbox-tiktok-secret';
const INSTAGRAM_SECRET = 'sandbox-instagram-secret';

function tiktokSignature(body: string, t = Math.floor(Date.now() / 1000), secret = TIKTOK_SECRET): string {
  return `t=${t},s=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

function signedRequest(payload: object, secret = INSTAGRAM_SECRET): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${createHmac('sha256', secret).update(body).digest('base64url')}.${body}`;
}

async function until(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('revocation', () => {
  let t: TestApp;
  let client: Client;
  let workspaceId: string;
  beforeEach(async () => {
    t = await startTestApp({}, { listen: true });
    client = new Client(t.app, t.origin);
    workspaceId = (await client.signUp('creator@example.com')).workspace.id;
  });
  afterEach(async () => t.close());

  const list = async () => (await client.get('/api/connections')).json<{ items: ConnectionJson[] }>().items;
  const sandboxRequests = async (platform: string, path: string) =>
    (
      await client.get(`/sandbox/__sandbox/requests?platform=${platform}&path=${encodeURIComponent(path)}`)
    ).json<{
      requests: { method: string; status: number }[];
    }>().requests;

  it.each([
    ['tiktok', '/v2/oauth/revoke/'],
    ['youtube', '/revoke'],
  ] as const)(
    'disconnecting %s revokes at the platform, then deletes the tokens before answering',
    async (platform, path) => {
      await connectThroughConsent(t, client, platform);
      const [connection] = await list();
      const res = await client.delete(`/api/connections/${connection!.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ deleted: true, revokedAtPlatform: true });
      expect(
        (await sandboxRequests(platform, path)).some((r) => r.method === 'POST' && r.status === 200),
      ).toBe(true);
      expect(await t.container.store.connections.loadTokens(workspaceId, connection!.id)).toBeNull();
      expect(await list()).toEqual([]);
      const audit = (await client.get('/api/audit'))
        .json<{ items: { type: string }[] }>()
        .items.map((e) => e.type);
      expect(audit).toEqual(expect.arrayContaining(['disconnected_by_user', 'tokens_deleted']));
    },
  );

  it('disconnecting Instagram (no revoke endpoint) still deletes everything, and does not claim a revocation', async () => {
    await connectThroughConsent(t, client, 'instagram');
    const [connection] = await list();
    expect((await client.delete(`/api/connections/${connection!.id}`)).json()).toEqual({
      deleted: true,
      revokedAtPlatform: false,
    });
    expect(await list()).toEqual([]);
  });

  it('deletes the tokens when TikTok reports authorization.removed (signed webhook from the platform)', async () => {
    await connectThroughConsent(t, client, 'tiktok');
    const [connection] = await list();
    expect(
      (await client.post('/sandbox/__sandbox/tiktok/revoke', { persona: 'public', reason: 1 })).statusCode,
    ).toBeLessThan(300);
    await until(async () => (await list())[0]?.status === 'revoked');
    expect(await t.container.store.connections.loadTokens(workspaceId, connection!.id)).toBeNull();
    expect((await list())[0]?.maskedAccessToken).toBeNull();
    const audit = (await client.get('/api/audit'))
      .json<{ items: { type: string }[] }>()
      .items.map((e) => e.type);
    expect(audit).toEqual(expect.arrayContaining(['revoked_on_platform', 'tokens_deleted']));
  });

  it('answers TikTok webhooks: valid → 200, forged or stale → 401 and nothing changes, duplicate → acknowledged once', async () => {
    await connectThroughConsent(t, client, 'tiktok');
    const [connection] = await list();
    const body = JSON.stringify({
      client_key: 'sandbox-tiktok-client-key',
      event: 'authorization.removed',
      create_time: Math.floor(Date.now() / 1000),
      user_openid: connection!.externalAccountId,
      content: '{"reason": 1}',
    });
    const post = (signature: string, payload = body) =>
      t.app.inject({
        method: 'POST',
        url: '/webhooks/tiktok',
        headers: { 'content-type': 'application/json', 'tiktok-signature': signature },
        payload,
      });

    expect((await post(tiktokSignature(body, undefined, 'wrong-secret'))).statusCode).toBe(401);
    // One hex digit of the signature changed (to another digit: a signature may already start with 0).
    const tampered = tiktokSignature(body).replace(
      /s=(.)/,
      (_, digit: string) => `s=${digit === '0' ? '1' : '0'}`,
    );
    expect((await post(tampered)).statusCode).toBe(401);
    expect((await post(tiktokSignature(body, Math.floor(Date.now() / 1000) - 3600))).statusCode).toBe(401);
    expect((await post('garbage')).statusCode).toBe(401);
    expect(
      (await post(tiktokSignature(body), body.replace('authorization.removed', 'authorization.removeX')))
        .statusCode,
    ).toBe(401);
    expect((await list())[0]?.status).toBe('active');

    const ok = await post(tiktokSignature(body));
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ received: true, duplicate: false });
    const replay = await post(tiktokSignature(body));
    expect(replay.json()).toEqual({ received: true, duplicate: true });
    expect((await list())[0]?.status).toBe('revoked');
  });

  it('deletes the tokens on Meta deauthorize, and refuses a forged signed_request', async () => {
    await connectThroughConsent(t, client, 'instagram');
    const [connection] = await list();
    const forged = await t.app.inject({
      method: 'POST',
      url: '/webhooks/instagram/deauthorize',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        signed_request: signedRequest(
          { algorithm: 'HMAC-SHA256', user_id: connection!.externalAccountId },
          'not-the-secret',
        ),
      }).toString(),
    });
    expect(forged.statusCode).toBe(401);
    expect((await list())[0]?.status).toBe('active');

    expect(
      (await client.post('/sandbox/__sandbox/instagram/remove-app', { user: 'public' })).statusCode,
    ).toBeLessThan(300);
    await until(async () => (await list())[0]?.status === 'revoked');
    expect(await t.container.store.connections.loadTokens(workspaceId, connection!.id)).toBeNull();
  });

  it('handles Meta data deletion: deletes the connection and shows a readable status page', async () => {
    await connectThroughConsent(t, client, 'instagram');
    expect(
      (await client.post('/sandbox/__sandbox/instagram/delete-data', { user: 'public' })).statusCode,
    ).toBeLessThan(300);
    await until(async () => (await list()).length === 0);
    let reply: { url?: string; confirmation_code?: string } | undefined;
    await until(async () => {
      const deletions = (await client.get('/sandbox/__sandbox/instagram/data-deletions')).json<{
        deletions?: { reply?: { url: string; confirmation_code: string } }[];
      }>();
      reply = deletions.deletions?.find((d) => d.reply)?.reply;
      return reply !== undefined;
    });
    expect(reply?.url).toBe(`${t.origin}/privacy/deletion-status/${reply?.confirmation_code}`);
    const page = await t.app.inject(new URL(reply!.url!).pathname);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(reply!.confirmation_code!);
    expect(page.body).toMatch(/deleted 1 connected account/);
    expect((await t.app.inject('/privacy/deletion-status/unknown-code')).statusCode).toBe(404);
  });
});
