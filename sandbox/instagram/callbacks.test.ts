import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  APP,
  connect,
  graph,
  graphError,
  json,
  startLocalServer,
  startSandbox,
  type LocalServer,
  type TestSandbox,
} from './test-support.js';

/** Verifies a signed_request exactly as PLATFORMS.md §2.6 tells the product to. */
function verifySignedRequest(
  signed: string,
  secret: string,
): { ok: boolean; payload: Record<string, unknown> } {
  const [signature = '', payload = ''] = signed.split('.', 2);
  const expected = createHmac('sha256', secret).update(payload).digest();
  const given = Buffer.from(signature, 'base64url');
  const ok = given.length === expected.length && timingSafeEqual(given, expected);
  return { ok, payload: JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown> };
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('condition not reached');
}

let t: TestSandbox;
let receiver: LocalServer;
let deauthorizeCalls = 0;
let deletionCalls = 0;
let deletionReply = '';
beforeEach(async () => {
  deauthorizeCalls = 0;
  deletionCalls = 0;
  deletionReply = JSON.stringify({
    url: 'https://app.example/deletion-status?code=abc123',
    confirmation_code: 'abc123',
  });
  receiver = await startLocalServer({
    // Both receivers fail once, to prove the retries with backoff.
    '/deauthorize': () => ({ status: ++deauthorizeCalls === 1 ? 500 : 200, body: '' }),
    '/data-deletion': () => ({
      status: ++deletionCalls === 1 ? 503 : 200,
      body: deletionReply,
      contentType: 'application/json',
    }),
  });
  t = await startSandbox();
  t.sandbox.ctx.settings.webhookUrls.instagramDeauthorize = receiver.url('/deauthorize');
  t.sandbox.ctx.settings.webhookUrls.instagramDataDeletion = receiver.url('/data-deletion');
});
afterEach(async () => {
  await t.close();
  await receiver.close();
});

const admin = (path: string, payload: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: `/__sandbox/instagram${path}`, payload });

describe('remove app (deauthorize callback)', () => {
  it('kills the tokens, then POSTs a signed_request form field, retried until 2xx', async () => {
    const account = await connect(t.app, 'public');
    t.sandbox.ctx.clock.advance(86_400_000); // issued_at follows the sandbox clock
    const before = t.sandbox.ctx.clock.nowSeconds();
    const response = await admin('/remove-app', { user: 'public' });
    expect(response.statusCode).toBe(200);
    expect(json(response)).toMatchObject({ userId: account.appScopedId, revokedTokens: 2 });

    const dead = await graph(t.app, 'GET', '/v25.0/me', { access_token: account.longToken });
    expect(graphError(dead)).toMatchObject({ code: 190, error_subcode: 458 });
    expect(String(graphError(dead).message)).toContain(`has not authorized application ${APP.clientId}`);

    await t.sandbox.ctx.webhooks.settled();
    const calls = receiver.requests.filter((r) => r.path === '/deauthorize');
    expect(calls).toHaveLength(2);
    const last = calls[1];
    expect(last?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const signed = new URLSearchParams(last?.body).get('signed_request') ?? '';
    const { ok, payload } = verifySignedRequest(signed, APP.clientSecret);
    expect(ok).toBe(true);
    expect(payload).toMatchObject({ algorithm: 'HMAC-SHA256', user_id: account.appScopedId });
    expect(payload.issued_at).toBeGreaterThanOrEqual(before);
    expect(payload.issued_at).toBeLessThanOrEqual(t.sandbox.ctx.clock.nowSeconds());
    expect(Number(payload.issued_at)).toBeGreaterThan(Date.now() / 1000 + 86_000);
    expect(verifySignedRequest(signed, 'another-secret').ok).toBe(false);
    const [delivery] = t.sandbox.ctx.webhooks.list('instagram');
    expect(delivery).toMatchObject({ attempts: 2, delivered: true, lastStatus: 200 });
  });

  it('names the user by app-scoped id, ig-user-id or username too, and 404s an unknown one', async () => {
    const account = await connect(t.app, 'private');
    expect((await admin('/remove-app', { user: account.igUserId })).statusCode).toBe(200);
    expect((await admin('/remove-app', { user: 'aifactory.creator' })).statusCode).toBe(200);
    expect((await admin('/remove-app', { user: 'nobody' })).statusCode).toBe(404);
    expect((await admin('/remove-app', {})).statusCode).toBe(400);
  });
});

describe('delete data (data-deletion callback)', () => {
  const deletions = async () => json(await t.app.inject('/__sandbox/instagram/data-deletions'));

  it('kills the tokens, POSTs a signed_request and records the {url, confirmation_code} reply', async () => {
    const account = await connect(t.app, 'public');
    const response = await admin('/delete-data', { user: account.appScopedId });
    expect(json(response)).toMatchObject({ userId: account.appScopedId, revokedTokens: 2, deletionId: 1 });
    expect(graphError(await graph(t.app, 'GET', '/me', { access_token: account.longToken })).code).toBe(190);

    await until(async () => (await deletions()).pending === 0);
    const [record] = (await deletions()).deletions as Record<string, unknown>[];
    expect(record).toMatchObject({
      attempts: 2,
      delivered: true,
      lastStatus: 200,
      userId: account.appScopedId,
      reply: { url: 'https://app.example/deletion-status?code=abc123', confirmation_code: 'abc123' },
      replyError: null,
    });
    const body = receiver.requests.filter((r) => r.path === '/data-deletion')[1]?.body ?? '';
    const { ok, payload } = verifySignedRequest(
      new URLSearchParams(body).get('signed_request') ?? '',
      APP.clientSecret,
    );
    expect(ok).toBe(true);
    expect(payload.user_id).toBe(account.appScopedId);
  });

  it('flags a reply that is not the documented JSON', async () => {
    await connect(t.app, 'public');
    deletionReply = JSON.stringify({ confirmation_code: 'abc', url: '/relative' });
    await admin('/delete-data', { user: 'public' });
    await until(async () => (await deletions()).pending === 0);
    const [record] = (await deletions()).deletions as Record<string, unknown>[];
    expect(record).toMatchObject({
      delivered: true,
      reply: null,
      replyError: 'url missing or not an absolute http(s) URL',
    });
  });
});
