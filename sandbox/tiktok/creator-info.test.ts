import { afterEach, describe, expect, it } from 'vitest';
import { apiCall, connect, type Envelope, type Harness, localPath, startSandbox } from './test-support.js';

let h: Harness;
afterEach(async () => h.close());

interface CreatorInfo {
  creator_avatar_url: string;
  creator_username: string;
  creator_nickname: string;
  privacy_level_options: string[];
  comment_disabled: boolean;
  duet_disabled: boolean;
  stitch_disabled: boolean;
  max_video_post_duration_sec: number;
}

const PATH = '/v2/post/publish/creator_info/query/';

describe('TikTok creator_info', () => {
  it('public fixture: nickname, options without FOLLOWER_OF_CREATOR, toggles and max duration', async () => {
    h = await startSandbox();
    const token = await connect(h, 'public');
    const res = await apiCall(h, 'POST', PATH, token.access_token, {});
    expect(res.statusCode).toBe(200);
    const body = res.json<Envelope<CreatorInfo>>();
    expect(body.error.code).toBe('ok');
    expect(body.data).toMatchObject({
      creator_username: 'ai.factory',
      creator_nickname: 'AI Factory',
      privacy_level_options: ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'],
      comment_disabled: false,
      duet_disabled: false,
      stitch_disabled: true,
      max_video_post_duration_sec: 600,
    });
  });

  it('private fixture never offers PUBLIC_TO_EVERYONE; unaudited app offers only SELF_ONLY', async () => {
    h = await startSandbox();
    const priv = await connect(h, 'private');
    const privInfo = (await apiCall(h, 'POST', PATH, priv.access_token)).json<Envelope<CreatorInfo>>().data;
    expect(privInfo.privacy_level_options).toEqual([
      'FOLLOWER_OF_CREATOR',
      'MUTUAL_FOLLOW_FRIENDS',
      'SELF_ONLY',
    ]);
    expect(privInfo.duet_disabled).toBe(true);
    const unaudited = await connect(h, 'unaudited');
    const info = (await apiCall(h, 'POST', PATH, unaudited.access_token)).json<Envelope<CreatorInfo>>().data;
    expect(info.privacy_level_options).toEqual(['SELF_ONLY']);
  });

  it('accepts the call with no body at all, even with a JSON content type', async () => {
    h = await startSandbox();
    const token = await connect(h);
    const res = await h.app.inject({
      method: 'POST',
      url: `/tiktok/open-api${PATH}`,
      headers: {
        authorization: `Bearer ${token.access_token}`,
        'content-type': 'application/json; charset=UTF-8',
      },
    });
    expect(res.statusCode).toBe(200);
  });

  it('needs video.publish (401 scope_not_authorized)', async () => {
    h = await startSandbox();
    const token = await connect(h, 'public', ['user.info.basic', 'video.upload']);
    const res = await apiCall(h, 'POST', PATH, token.access_token, {});
    expect(res.statusCode).toBe(401);
    expect(res.json<Envelope>().error.code).toBe('scope_not_authorized');
  });

  it('allows 20 calls per token per minute, then 429', async () => {
    h = await startSandbox();
    const token = await connect(h);
    for (let i = 0; i < 20; i++)
      expect((await apiCall(h, 'POST', PATH, token.access_token, {})).statusCode).toBe(200);
    const limited = await apiCall(h, 'POST', PATH, token.access_token, {});
    expect(limited.statusCode).toBe(429);
    expect(limited.json<Envelope>().error.code).toBe('rate_limit_exceeded');
    h.ctx.clock.advance(60_000);
    expect((await apiCall(h, 'POST', PATH, token.access_token, {})).statusCode).toBe(200);
  });

  it('the avatar URL expires after 2 hours', async () => {
    h = await startSandbox();
    const token = await connect(h);
    const info = (await apiCall(h, 'POST', PATH, token.access_token)).json<Envelope<CreatorInfo>>().data;
    const avatar = localPath(info.creator_avatar_url);
    expect((await h.app.inject({ method: 'GET', url: avatar })).statusCode).toBe(200);
    const tampered = avatar.replace(/x-expires=(\d+)/, (_m, s: string) => `x-expires=${Number(s) + 9999}`);
    expect((await h.app.inject({ method: 'GET', url: tampered })).statusCode).toBe(403);
    h.ctx.clock.advance(2 * 3600_000 + 1000);
    expect((await h.app.inject({ method: 'GET', url: avatar })).statusCode).toBe(403);
  });

  it('tells when the creator cannot post now (banned → 403)', async () => {
    h = await startSandbox();
    const token = await connect(h);
    await h.app.inject({
      method: 'PATCH',
      url: '/__sandbox/tiktok/accounts/public',
      payload: { bannedFromPosting: true },
    });
    const res = await apiCall(h, 'POST', PATH, token.access_token, {});
    expect(res.statusCode).toBe(403);
    expect(res.json<Envelope>().error.code).toBe('spam_risk_user_banned_from_posting');
  });
});
