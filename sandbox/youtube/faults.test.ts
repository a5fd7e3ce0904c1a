import { afterEach, describe, expect, it } from 'vitest';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  connect,
  fakeMp4,
  initUpload,
  startSandbox,
  type RunningSandbox,
} from './test-support.js';

let sb: RunningSandbox;
afterEach(async () => {
  await sb.close();
});

describe('fault injection, request log and robustness', () => {
  it('platform_error on videos.list → Google envelope with that reason, for the next N calls only', async () => {
    sb = await startSandbox();
    const { access_token } = await connect(sb);
    sb.ctx.faults.add(
      'youtube',
      'GET /youtube/v3/videos',
      { type: 'platform_error', code: 'rateLimitExceeded', status: 403, message: 'Rate Limit Exceeded' },
      2,
    );
    const call = (): Promise<Response> =>
      fetch(`${sb.api}/youtube/v3/videos?part=id&id=x`, {
        headers: { authorization: `Bearer ${access_token}` },
      });
    for (let i = 0; i < 2; i += 1) {
      const res = await call();
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({
        error: {
          code: 403,
          message: 'Rate Limit Exceeded',
          errors: [{ message: 'Rate Limit Exceeded', domain: 'usageLimits', reason: 'rateLimitExceeded' }],
        },
      });
    }
    expect((await call()).status).toBe(200);
  });

  it('status faults on the token host answer flat OAuth errors; latency faults delay the answer', async () => {
    sb = await startSandbox();
    const { refresh_token } = await connect(sb);
    const form = {
      grant_type: 'refresh_token',
      refresh_token: refresh_token ?? '',
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    };
    sb.ctx.faults.add('youtube', 'POST /token', { type: 'status', status: 503 });
    const failed = await fetch(`${sb.oauth2}/token`, { method: 'POST', body: new URLSearchParams(form) });
    expect(failed.status).toBe(503);
    expect(((await failed.json()) as { error: string }).error).toBe('temporarily_unavailable');
    sb.ctx.faults.add('youtube', 'POST /token', { type: 'latency', ms: 300 });
    const started = Date.now();
    const slow = await fetch(`${sb.oauth2}/token`, { method: 'POST', body: new URLSearchParams(form) });
    expect(slow.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('every call lands in the request log with its status', async () => {
    sb = await startSandbox();
    const { access_token } = await connect(sb);
    await initUpload(sb, access_token, 10);
    const logged = sb.ctx.requests.list({ platform: 'youtube' }).map((r) => `${r.method} ${r.status}`);
    expect(logged).toEqual(['POST 302', 'POST 200', 'POST 200']);
    expect(sb.ctx.requests.list({ pathIncludes: '/upload/youtube/v3/videos' })[0]?.query).toMatchObject({
      uploadType: 'resumable',
    });
  });

  it('unknown paths answer in each host’s own format', async () => {
    sb = await startSandbox();
    const api = await fetch(`${sb.api}/youtube/v3/nothing`);
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { errors: { reason: string }[] } }).error.errors[0]?.reason).toBe(
      'notFound',
    );
    const oauth = await fetch(`${sb.oauth2}/tokens`, { method: 'POST' });
    expect(oauth.status).toBe(404);
    expect(((await oauth.json()) as { error: string }).error).toBe('not_found');
  });

  it('stays up under hostile input: no 5xx from any of these', async () => {
    sb = await startSandbox();
    const { access_token } = await connect(sb);
    const auth = { authorization: `Bearer ${access_token}` };
    const session = (await initUpload(sb, access_token, 300_000)).headers.get('location') ?? '';
    const attempts: [string, RequestInit][] = [
      [
        `${sb.oauth2}/token`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{oops' },
      ],
      [
        `${sb.oauth2}/token`,
        { method: 'POST', headers: { 'content-type': 'text/weird' }, body: '\u0000\u0001' },
      ],
      [
        `${sb.oauth2}/revoke`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"token":1}' },
      ],
      [
        `${sb.auth}/o/oauth2/v2/auth`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[1,2' },
      ],
      [`${sb.auth}/o/oauth2/v2/auth?client_id=a&client_id=b`, {}],
      [
        `${sb.api}/upload/youtube/v3/videos?uploadType=resumable&part=snippet`,
        { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '"just a string"' },
      ],
      [
        `${sb.api}/upload/youtube/v3/videos?uploadType=multipart&part=snippet`,
        {
          method: 'POST',
          headers: { ...auth, 'content-type': 'multipart/related; boundary=zz' },
          body: '--zz\r\nbroken',
        },
      ],
      [
        `${sb.api}/upload/youtube/v3/videos?uploadType=media&part=snippet`,
        { method: 'POST', headers: auth, body: fakeMp4(10) },
      ],
      [`${sb.api}/upload/youtube/v3/videos`, { method: 'PUT', body: 'x' }],
      [session, { method: 'PUT', headers: { 'content-range': 'bytes 0-99999999999999999999/5' }, body: 'x' }],
      [session, { method: 'PUT', headers: { 'content-range': 'bytes 5-1/300000' }, body: 'x' }],
      [
        session,
        {
          method: 'PUT',
          headers: { 'content-range': 'bytes 0-9/300000', 'content-length': '10' },
          body: 'x'.repeat(10),
        },
      ],
      [`${sb.api}/youtube/v3/videos?part=id&part=snippet&id=a&id=b`, { headers: auth }],
      [`${sb.api}/youtube/v3/videos?part=${'snippet,'.repeat(500)}&id=a`, { headers: auth }],
      [`${sb.api}/youtube/v3/channels?part=id&mine=true`, { headers: { authorization: 'Bearer' } }],
      [`${sb.api}/youtube/v3/channels?part=id&mine=true`, { headers: { authorization: 'Basic abc' } }],
    ];
    for (const [url, init] of attempts) {
      const res = await fetch(url, init);
      expect(res.status, `${init.method ?? 'GET'} ${url}`).toBeLessThan(500);
      expect(res.status, `${init.method ?? 'GET'} ${url}`).toBeGreaterThanOrEqual(200);
    }
  });
});
