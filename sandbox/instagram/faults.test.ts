import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect, graph, graphError, json, startSandbox, type TestSandbox } from './test-support.js';

let t: TestSandbox;
beforeEach(async () => {
  t = await startSandbox();
});
afterEach(async () => t.close());

const addFault = (endpoint: string, fault: Record<string, unknown>, count = 1) =>
  t.app.inject({
    method: 'POST',
    url: '/__sandbox/faults',
    payload: { platform: 'instagram', endpoint, fault, count },
  });

describe('fault injection', () => {
  it('answers injected rate-limit codes 4/17/32/613/80002 in the §2.3 envelope, then recovers', async () => {
    const { longToken } = await connect(t.app);
    for (const code of [4, 17, 32, 613, 80002]) {
      expect(
        (await addFault('GET /:version/me', { type: 'platform_error', code, status: 400 })).statusCode,
      ).toBe(201);
      const failed = await graph(t.app, 'GET', '/v25.0/me', { access_token: longToken });
      expect(failed.statusCode).toBe(400);
      expect(graphError(failed)).toMatchObject({ code, type: 'OAuthException', is_transient: true });
      expect(String(graphError(failed).message)).toContain(`(#${code})`);
    }
    expect((await graph(t.app, 'GET', '/v25.0/me', { access_token: longToken })).statusCode).toBe(200);
  });

  it('fails the next N calls only, keeps subcodes, and maps bare statuses to Graph codes', async () => {
    const { longToken, igUserId } = await connect(t.app);
    await addFault(
      'POST /:version/:node/media_publish',
      { type: 'platform_error', code: 9007, subcode: 2207027, status: 400 },
      2,
    );
    for (let i = 0; i < 2; i += 1) {
      const failed = await graph(t.app, 'POST', `/v25.0/${igUserId}/media_publish`, {
        creation_id: '1',
        access_token: longToken,
      });
      expect(graphError(failed)).toMatchObject({ code: 9007, error_subcode: 2207027 });
    }
    const third = await graph(t.app, 'POST', `/v25.0/${igUserId}/media_publish`, {
      creation_id: '1',
      access_token: longToken,
    });
    expect(graphError(third)).toMatchObject({ code: 24 });

    await addFault('GET /me', { type: 'status', status: 429 });
    const limited = await graph(t.app, 'GET', '/me', { access_token: longToken });
    expect(limited.statusCode).toBe(429);
    expect(graphError(limited).code).toBe(4);
    expect(JSON.parse(String(limited.headers['x-app-usage']))).toMatchObject({ call_count: 100 });
    await addFault('GET /me', { type: 'status', status: 503 });
    expect(graphError(await graph(t.app, 'GET', '/me', { access_token: longToken }))).toMatchObject({
      code: 2,
    });
  });

  it('answers faults on api.instagram.com in its legacy envelope and delays with latency', async () => {
    await addFault('POST /oauth/access_token', { type: 'status', status: 500 });
    const failed = await t.app.inject({ method: 'POST', url: '/instagram/api/oauth/access_token' });
    expect(failed.statusCode).toBe(500);
    expect(json(failed)).toMatchObject({ error_type: 'OAuthException', code: 500 });

    await addFault('GET /oauth/authorize', { type: 'latency', ms: 150 });
    const started = Date.now();
    await t.app.inject('/instagram/www/oauth/authorize');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('keeps a request log for assertions', async () => {
    await connect(t.app);
    const log = json(await t.app.inject('/__sandbox/requests?platform=instagram&path=/access_token'));
    const paths = (log.requests as { path: string; status: number }[]).map((r) => `${r.path} ${r.status}`);
    expect(paths).toEqual(['/instagram/api/oauth/access_token 200', '/instagram/graph/access_token 200']);
  });
});
