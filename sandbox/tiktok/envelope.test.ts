import { afterEach, describe, expect, it } from 'vitest';
import { Int64, toTiktokJson } from './envelope.js';
import { tiktokModule } from './module.js';
import { API, apiCall, AUTH, connect, type Envelope, type Harness, startSandbox } from './test-support.js';

let h: Harness;
afterEach(async () => h.close());

const ENDPOINTS: ['GET' | 'POST', string][] = [
  ['GET', '/v2/user/info/'],
  ['POST', '/v2/post/publish/creator_info/query/'],
  ['POST', '/v2/post/publish/video/init/'],
  ['POST', '/v2/post/publish/inbox/video/init/'],
  ['POST', '/v2/post/publish/status/fetch/'],
  ['POST', '/v2/video/list/?fields=id'],
  ['POST', '/v2/video/query/?fields=id'],
];

describe('TikTok §1.2 envelope and robustness', () => {
  it('answers unknown paths and wrong methods on the API host in the envelope', async () => {
    h = await startSandbox();
    for (const [method, url] of [
      ['GET', `${API}/v2/unknown/`],
      ['GET', `${API}/v2/oauth/token/`],
      ['POST', `${API}/v2/user/info`],
    ] as const) {
      const res = await h.app.inject({ method, url });
      expect(res.statusCode).toBe(404);
      expect(res.json<Envelope>()).toMatchObject({ data: {}, error: { code: 'not_found' } });
    }
    const page = await h.app.inject({ method: 'GET', url: `${AUTH}/nowhere` });
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toContain('text/html');
  });

  it('never answers 500 to garbage: malformed JSON, wrong types, binary bodies, odd headers', async () => {
    h = await startSandbox({
      tiktok: { rateLimits: { creatorInfo: 1000, init: 1000, status: 1000, display: 1000 } },
    });
    const token = await connect(h);
    const bodies: [string, string | Buffer][] = [
      ['application/json', '{"post_info":'],
      ['application/json', 'null'],
      ['application/json', '[1,2,3]'],
      [
        'application/json',
        '{"source_info":{"source":"FILE_UPLOAD","video_size":1e400},"filters":{"video_ids":{}}}',
      ],
      ['application/json', '"\u0000"'],
      ['text/plain', 'hello'],
      ['application/octet-stream', Buffer.from([0, 255, 1, 254])],
      ['application/x-www-form-urlencoded', 'a=%zz&&=='],
    ];
    for (const [method, path] of ENDPOINTS) {
      for (const [type, payload] of bodies) {
        const res = await h.app.inject({
          method,
          url: `${API}${path}`,
          headers: { authorization: `Bearer ${token.access_token}`, 'content-type': type },
          payload,
        });
        expect(res.statusCode, `${method} ${path} ${type}`).toBeLessThan(500);
        expect(res.json<Envelope>().error.code).toBeTruthy();
      }
    }
    const weird = await h.app.inject({
      method: 'GET',
      url: `${API}/v2/user/info/?fields=open_id&fields=union_id`,
      headers: { authorization: 'Bearer' },
    });
    expect(weird.statusCode).toBe(401);
    const token500 = await h.app.inject({
      method: 'POST',
      url: `${API}/v2/oauth/token/`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: '%%%',
    });
    expect(token500.statusCode).toBeLessThan(500);
  });

  it('renders injected faults in the platform envelope, on the route they target only', async () => {
    h = await startSandbox();
    const token = await connect(h);
    h.ctx.faults.add(
      'tiktok',
      'POST /v2/post/publish/creator_info/query/',
      { type: 'status', status: 500 },
      2,
    );
    h.ctx.faults.add('tiktok', 'POST /v2/post/publish/video/init/', {
      type: 'platform_error',
      code: 'app_version_check_failed',
      status: 400,
    });
    expect((await apiCall(h, 'GET', '/v2/user/info/?fields=open_id', token.access_token)).statusCode).toBe(
      200,
    );
    for (let i = 0; i < 2; i++) {
      const res = await apiCall(h, 'POST', '/v2/post/publish/creator_info/query/', token.access_token);
      expect(res.statusCode).toBe(500);
      expect(res.json<Envelope>()).toMatchObject({ data: {}, error: { code: 'internal_error' } });
    }
    expect(
      (await apiCall(h, 'POST', '/v2/post/publish/creator_info/query/', token.access_token)).statusCode,
    ).toBe(200);
    const init = await apiCall(h, 'POST', '/v2/post/publish/video/init/', token.access_token, {});
    expect(init.statusCode).toBe(400);
    expect(init.json<Envelope>().error.code).toBe('app_version_check_failed');
  });

  it('applies faults by route path when the sandbox is mounted under a prefix', async () => {
    h = await startSandbox({ prefix: '/sandbox' });
    const token = await connect(h);
    h.ctx.faults.add('tiktok', 'GET /v2/user/info/', { type: 'status', status: 503 });
    const res = await apiCall(h, 'GET', '/v2/user/info/?fields=open_id', token.access_token);
    expect(res.statusCode).toBe(503);
    expect(res.json<Envelope>().error.code).toBe('internal_error');
  });

  it('renders 429 faults as rate_limit_exceeded', async () => {
    h = await startSandbox();
    const token = await connect(h);
    h.ctx.faults.add('tiktok', '*', { type: 'status', status: 429 });
    const res = await apiCall(h, 'POST', '/v2/post/publish/status/fetch/', token.access_token, {
      publish_id: 'x',
    });
    expect(res.statusCode).toBe(429);
    expect(res.json<Envelope>().error.code).toBe('rate_limit_exceeded');
  });

  it('logs every call for assertions', async () => {
    h = await startSandbox();
    const token = await connect(h);
    await apiCall(h, 'GET', '/v2/user/info/?fields=open_id', token.access_token);
    const logged = h.ctx.requests.list({ platform: 'tiktok', pathIncludes: '/v2/user/info/' });
    expect(logged).toEqual([
      expect.objectContaining({ method: 'GET', status: 200, query: { fields: 'open_id' } }),
    ]);
    const admin = await h.app.inject({
      method: 'GET',
      url: '/__sandbox/requests?platform=tiktok&path=/v2/oauth/token/',
    });
    expect(admin.json<{ requests: unknown[] }>().requests).toHaveLength(1);
  });

  it('keeps each sandbox isolated even with one shared module instance', async () => {
    const shared = tiktokModule();
    h = await startSandbox({ module: shared });
    const other = await startSandbox({ module: shared });
    try {
      const token = await connect(h);
      const res = await apiCall(other, 'GET', '/v2/user/info/?fields=open_id', token.access_token);
      expect(res.statusCode).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('writes Int64 values as bare JSON numbers', () => {
    expect(toTiktokJson({ ids: [new Int64('7312345678901234567')], t: 'int64' })).toBe(
      '{"ids":[7312345678901234567],"t":"int64"}',
    );
  });
});
