import { afterEach, describe, expect, it } from 'vitest';
import { apiCall, connect, type Envelope, type Harness, localPath, startSandbox } from './test-support.js';

let h: Harness;
afterEach(async () => h.close());

type UserData = Envelope<{ user: Record<string, unknown> }>;

describe('TikTok user info', () => {
  it('returns only the requested fields in the §1.2 envelope', async () => {
    h = await startSandbox();
    const token = await connect(h, 'public');
    const res = await apiCall(
      h,
      'GET',
      '/v2/user/info/?fields=open_id,display_name,avatar_url,follower_count',
      token.access_token,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-tt-logid']).toBeTruthy();
    const body = res.json<UserData>();
    expect(body.error).toMatchObject({ code: 'ok', message: '' });
    expect(body.error.log_id).toBe(res.headers['x-tt-logid']);
    expect(Object.keys(body.data.user).sort()).toEqual([
      'avatar_url',
      'display_name',
      'follower_count',
      'open_id',
    ]);
    expect(body.data.user).toMatchObject({ open_id: token.open_id, display_name: 'AI Factory' });
    const avatar = await h.app.inject({ method: 'GET', url: localPath(String(body.data.user.avatar_url)) });
    expect(avatar.statusCode).toBe(200);
    expect(avatar.headers['content-type']).toBe('image/png');
  });

  it('answers scope_not_authorized (401) for a field whose scope was not granted', async () => {
    h = await startSandbox();
    const token = await connect(h, 'public', ['user.info.basic', 'video.list']);
    const basic = await apiCall(h, 'GET', '/v2/user/info/?fields=open_id,union_id', token.access_token);
    expect(basic.statusCode).toBe(200);
    for (const field of ['username', 'follower_count']) {
      const res = await apiCall(h, 'GET', `/v2/user/info/?fields=open_id,${field}`, token.access_token);
      expect(res.statusCode).toBe(401);
      expect(res.json<Envelope>()).toMatchObject({ data: {}, error: { code: 'scope_not_authorized' } });
    }
  });

  it('requires fields, refuses unknown ones, and requires a live bearer token', async () => {
    h = await startSandbox();
    const token = await connect(h);
    const none = await apiCall(h, 'GET', '/v2/user/info/', token.access_token);
    expect(none.statusCode).toBe(400);
    expect(none.json<Envelope>().error.code).toBe('invalid_params');
    const unknown = await apiCall(h, 'GET', '/v2/user/info/?fields=open_id,email', token.access_token);
    expect(unknown.json<Envelope>().error.code).toBe('invalid_params');
    const anonymous = await apiCall(h, 'GET', '/v2/user/info/?fields=open_id', null);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json<Envelope>().error.code).toBe('access_token_invalid');
  });

  it('reports profile and stats fields per persona; follower counts grow with the clock', async () => {
    h = await startSandbox();
    const token = await connect(h, 'private');
    const url =
      '/v2/user/info/?fields=username,is_verified,bio_description,profile_deep_link,follower_count,video_count';
    const before = (await apiCall(h, 'GET', url, token.access_token)).json<UserData>().data.user;
    expect(before).toMatchObject({ username: 'ai.factory.private', is_verified: false, video_count: 0 });
    expect(String(before.profile_deep_link)).toMatch(/^https:\/\/vm\.tiktok\.com\//);
    h.ctx.clock.advance(30 * 86400_000);
    const refreshed = await connect(h, 'private');
    const after = (await apiCall(h, 'GET', url, refreshed.access_token)).json<UserData>().data.user;
    expect(Number(after.follower_count)).toBeGreaterThanOrEqual(Number(before.follower_count));
  });

  it('limits each token to 600 calls per sliding minute, then 429 rate_limit_exceeded', async () => {
    h = await startSandbox();
    const token = await connect(h);
    const call = () => apiCall(h, 'GET', '/v2/user/info/?fields=open_id', token.access_token);
    for (let i = 0; i < 600; i++) expect((await call()).statusCode).toBe(200);
    const limited = await call();
    expect(limited.statusCode).toBe(429);
    expect(limited.json<Envelope>()).toMatchObject({ data: {}, error: { code: 'rate_limit_exceeded' } });
    const other = await connect(h);
    expect((await apiCall(h, 'GET', '/v2/user/info/?fields=open_id', other.access_token)).statusCode).toBe(
      200,
    );
    h.ctx.clock.advance(60_001);
    expect((await call()).statusCode).toBe(200);
  });
});
