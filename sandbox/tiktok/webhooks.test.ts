import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  API,
  apiCall,
  CLIENT_KEY,
  CLIENT_SECRET,
  connect,
  type Envelope,
  fileSource,
  type Harness,
  type HarnessOptions,
  makeMp4,
  type ReceivedWebhook,
  startReceiver,
  startSandbox,
  type TokenBody,
  uploadFile,
} from './test-support.js';

let h: Harness;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
afterEach(async () => {
  await h.close();
  await receiver.close();
});

interface EventBody {
  client_key: string;
  event: string;
  create_time: number;
  user_openid: string;
  content: string;
}

async function start(options: HarnessOptions = {}, statuses: number[] = []): Promise<void> {
  receiver = await startReceiver(statuses);
  h = await startSandbox({
    webhookUrl: receiver.url,
    ...options,
    tiktok: { webhookDuplicateRate: 0, ...options.tiktok },
  });
}

/** Verifies `TikTok-Signature: t=…,s=…` as a receiver must: HMAC-SHA256(client_secret, t + "." + body), hex. */
function verifySignature(hook: ReceivedWebhook, secret = CLIENT_SECRET, maxAgeSeconds = 300): boolean {
  const header = String(hook.headers['tiktok-signature'] ?? '');
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=') as [string, string]));
  const t = Number(parts.t);
  const expected = createHmac('sha256', secret).update(`${parts.t}.${hook.body}`).digest();
  const given = Buffer.from(parts.s ?? '', 'hex');
  const fresh = Math.abs(h.ctx.clock.nowSeconds() - t) <= maxAgeSeconds;
  return fresh && given.length === expected.length && timingSafeEqual(given, expected);
}

const events = () => receiver.received.map((r) => ({ raw: r, body: JSON.parse(r.body) as EventBody }));
const named = (event: string) => events().filter((e) => e.body.event === event);

async function publish(token: TokenBody, privacy: string | null): Promise<string> {
  const file = makeMp4();
  const path = privacy ? '/v2/post/publish/video/init/' : '/v2/post/publish/inbox/video/init/';
  const body = privacy
    ? { post_info: { privacy_level: privacy }, source_info: fileSource(file.length) }
    : { source_info: fileSource(file.length) };
  const data = (await apiCall(h, 'POST', path, token.access_token, body)).json<
    Envelope<{ publish_id: string; upload_url: string }>
  >().data;
  await uploadFile(h, data.upload_url, file, file.length);
  return data.publish_id;
}

async function flush(): Promise<void> {
  await h.app.inject({ method: 'POST', url: '/__sandbox/tiktok/events/flush' });
  await h.ctx.webhooks.settled(10);
}

describe('TikTok webhooks', () => {
  it('platform-side revoke kills the tokens, then sends a signed authorization.removed (reasons 0–5)', async () => {
    await start();
    for (const reason of [0, 1, 2, 3, 4, 5]) {
      const token = await connect(h);
      const res = await h.app.inject({
        method: 'POST',
        url: '/__sandbox/tiktok/revoke',
        payload: { persona: 'public', reason },
      });
      expect(res.json<{ revoked_tokens: number }>().revoked_tokens).toBe(2);
      const info = await apiCall(h, 'GET', '/v2/user/info/?fields=open_id', token.access_token);
      expect(info.json<Envelope>().error.code).toBe('access_token_invalid');
      await h.ctx.webhooks.settled(10);
      const last = events().at(-1);
      expect(last?.body).toMatchObject({
        client_key: CLIENT_KEY,
        event: 'authorization.removed',
        user_openid: token.open_id,
      });
      expect(typeof last?.body.content).toBe('string');
      expect(JSON.parse(last?.body.content ?? '')).toEqual({ reason });
      expect(last && verifySignature(last.raw)).toBe(true);
      expect(last?.raw.headers['content-type']).toBe('application/json');
    }
  });

  it('a signature does not verify with another secret or a modified body', async () => {
    await start();
    await connect(h);
    await h.app.inject({ method: 'POST', url: '/__sandbox/tiktok/revoke', payload: { persona: 'public' } });
    await h.ctx.webhooks.settled(10);
    const hook = receiver.received[0];
    expect(hook && verifySignature(hook)).toBe(true);
    expect(hook && verifySignature(hook, 'another-secret')).toBe(false);
    const tampered = hook && {
      ...hook,
      body: hook.body.replace('authorization.removed', 'authorization.removex'),
    };
    expect(tampered && verifySignature(tampered)).toBe(false);
  });

  it('retries with backoff until the receiver answers 200', async () => {
    await start({}, [500, 503]);
    await connect(h);
    await h.app.inject({
      method: 'POST',
      url: '/__sandbox/tiktok/revoke',
      payload: { persona: 'public', reason: 4 },
    });
    await h.ctx.webhooks.settled(10);
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
    const delivery = h.ctx.webhooks.list('tiktok')[0];
    expect(delivery).toMatchObject({ attempts: 3, delivered: true, lastStatus: 200 });
  });

  it('sends some events twice (at-least-once delivery)', async () => {
    await start({ tiktok: { webhookDuplicateRate: 1 } });
    await connect(h);
    await h.app.inject({ method: 'POST', url: '/__sandbox/tiktok/revoke', payload: { persona: 'public' } });
    await h.ctx.webhooks.settled(10);
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0]?.body).toBe(receiver.received[1]?.body);
  });

  it('a developer revoke through /v2/oauth/revoke/ is reported with reason 5', async () => {
    await start();
    const token = await connect(h);
    await h.app.inject({
      method: 'POST',
      url: `${API}/v2/oauth/revoke/`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        client_key: CLIENT_KEY,
        client_secret: CLIENT_SECRET,
        token: token.access_token,
      }).toString(),
    });
    await h.ctx.webhooks.settled(10);
    expect(JSON.parse(named('authorization.removed')[0]?.body.content ?? '')).toEqual({ reason: 5 });
  });

  it('publishing sends post.publish.complete, then publicly_available with the post id after moderation', async () => {
    await start();
    const token = await connect(h);
    const id = await publish(token, 'PUBLIC_TO_EVERYONE');
    h.ctx.clock.advance(3000);
    await flush();
    expect(named('post.publish.complete').map((e) => JSON.parse(e.body.content) as unknown)).toEqual([
      { publish_id: id, publish_type: 'DIRECT_PUBLISH' },
    ]);
    expect(named('post.publish.publicly_available')).toHaveLength(0);
    h.ctx.clock.advance(5000);
    await flush();
    const available = named('post.publish.publicly_available')[0];
    const content = JSON.parse(available?.body.content ?? '{}') as { post_id: string };
    expect(content).toMatchObject({ publish_id: id, publish_type: 'DIRECT_PUBLISH' });
    expect(content.post_id).toMatch(/^7\d{18}$/);
    expect(available && verifySignature(available.raw)).toBe(true);
    await flush();
    expect(receiver.received).toHaveLength(2);

    await h.app.inject({ method: 'POST', url: `/__sandbox/tiktok/posts/${content.post_id}/takedown` });
    await h.ctx.webhooks.settled(10);
    expect(named('post.publish.no_longer_publicaly_available')).toHaveLength(1);
  });

  it('sends inbox_delivered for drafts and failed with the reason', async () => {
    await start();
    const token = await connect(h);
    const draft = await publish(token, null);
    await h.app.inject({
      method: 'POST',
      url: '/__sandbox/tiktok/publish-failures',
      payload: { reason: 'spam_risk' },
    });
    const failed = await publish(token, 'SELF_ONLY');
    h.ctx.clock.advance(3000);
    await flush();
    expect(JSON.parse(named('post.publish.inbox_delivered')[0]?.body.content ?? '')).toEqual({
      publish_id: draft,
      publish_type: 'INBOX_SHARE',
    });
    expect(JSON.parse(named('post.publish.failed')[0]?.body.content ?? '')).toEqual({
      publish_id: failed,
      reason: 'spam_risk',
      publish_type: 'DIRECT_PUBLISH',
    });
  });

  it('a revoke mid-publish fails the publish with auth_removed', async () => {
    await start();
    const token = await connect(h);
    const res = await apiCall(h, 'POST', '/v2/post/publish/video/init/', token.access_token, {
      post_info: { privacy_level: 'SELF_ONLY' },
      source_info: fileSource(20_000_000, 10_000_000),
    });
    const id = res.json<Envelope<{ publish_id: string }>>().data.publish_id;
    await h.app.inject({
      method: 'POST',
      url: '/__sandbox/tiktok/revoke',
      payload: { open_id: token.open_id, reason: 1 },
    });
    await h.ctx.webhooks.settled(10);
    // Sent in this order (arrival order over HTTP may vary).
    const sent = h.ctx.webhooks.list('tiktok').map((d) => (JSON.parse(d.body) as EventBody).event);
    expect(sent).toEqual(['authorization.removed', 'post.publish.failed']);
    expect(JSON.parse(named('post.publish.failed')[0]?.body.content ?? '')).toMatchObject({
      publish_id: id,
      reason: 'auth_removed',
    });
  });

  it('delivers events the clock reaches without any further traffic', async () => {
    await start();
    const token = await connect(h);
    await publish(token, 'SELF_ONLY');
    h.ctx.clock.advance(3000);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await h.ctx.webhooks.settled(10);
    expect(named('post.publish.complete')).toHaveLength(1);
  });
});
