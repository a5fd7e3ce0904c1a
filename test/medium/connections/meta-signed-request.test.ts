import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectThroughConsent } from '../../fakes/connect-flow.js';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';

const INSTAGRAM_SECRET = 'sandbox-instagram-secret';

function signedRequest(payload: object, secret = INSTAGRAM_SECRET): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${createHmac('sha256', secret).update(body).digest('base64url')}.${body}`;
}

describe('Meta signed_request freshness and replays', () => {
  let t: TestApp;
  let client: Client;
  beforeEach(async () => {
    t = await startTestApp({}, { listen: true });
    client = new Client(t.app, t.origin);
    await client.signUp('creator@example.com');
  });
  afterEach(async () => t.close());

  const nowSeconds = () => Math.floor(t.clock.now() / 1000);
  const deliver = (path: 'deauthorize' | 'data-deletion', signed: string) =>
    t.app.inject({
      method: 'POST',
      url: `/webhooks/instagram/${path}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ signed_request: signed }).toString(),
    });
  const status = async () =>
    (await client.get('/api/connections')).json<{ items: { status: string; externalAccountId: string }[] }>()
      .items[0];

  it('refuses a deauthorize issued more than an hour ago, and keeps the connection', async () => {
    await connectThroughConsent(t, client, 'instagram');
    const userId = (await status())!.externalAccountId;
    for (const issuedAt of [nowSeconds() - 3601, nowSeconds() - 86_400, nowSeconds() + 600]) {
      const res = await deliver(
        'deauthorize',
        signedRequest({ algorithm: 'HMAC-SHA256', issued_at: issuedAt, user_id: userId }),
      );
      expect(res.statusCode, String(issuedAt - nowSeconds())).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'stale_request' } });
    }
    const undated = await deliver(
      'deauthorize',
      signedRequest({ algorithm: 'HMAC-SHA256', user_id: userId }),
    );
    expect(undated.statusCode).toBe(401);
    expect((await status())?.status).toBe('active');

    const fresh = await deliver(
      'deauthorize',
      signedRequest({ algorithm: 'HMAC-SHA256', issued_at: nowSeconds() - 3500, user_id: userId }),
    );
    expect(fresh.statusCode).toBe(200);
    expect((await status())?.status).toBe('revoked');
  });

  it('acts on a signed_request once; a replay, even with the signature re-encoded, gets 409', async () => {
    const signed = signedRequest({ algorithm: 'HMAC-SHA256', issued_at: nowSeconds(), user_id: '178414' });
    const first = await deliver('data-deletion', signed);
    expect(first.statusCode).toBe(200);
    const code = first.json<{ confirmation_code: string }>().confirmation_code;

    const replay = await deliver('data-deletion', signed);
    expect(replay.statusCode).toBe(409);
    expect(replay.json()).toMatchObject({ error: { code: 'replayed_request' } });
    // Base64url decoders accept padding; the digest is over the signed payload, so this is the same request.
    const [sig, payload] = signed.split('.');
    const padded = await deliver('data-deletion', `${sig}=.${payload}`);
    expect(padded.json()).toMatchObject({ error: { code: 'replayed_request' } });
    expect((await t.app.inject(`/privacy/deletion-status/${code}`)).statusCode).toBe(200);

    // Meta may send the same payload to its other callback: that is a delivery of its own.
    const deauthorize = signed;
    expect((await deliver('deauthorize', deauthorize)).statusCode).toBe(200);
    expect((await deliver('deauthorize', deauthorize)).statusCode).toBe(409);
  });
});
