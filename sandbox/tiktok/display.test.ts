import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../core/settings.js';
import {
  apiCall,
  connect,
  type Envelope,
  fileSource,
  type Harness,
  localPath,
  makeMp4,
  startSandbox,
  type TokenBody,
  uploadFile,
} from './test-support.js';

let h: Harness;
afterEach(async () => h.close());

interface Video {
  id: string;
  create_time: number;
  view_count: number;
  like_count: number;
  comment_count: number;
  share_count: number;
  cover_image_url: string;
  title: string;
}
type ListData = Envelope<{ videos: Video[]; cursor: number; has_more: boolean }>;

const FIELDS = 'id,create_time,title,view_count,like_count,comment_count,share_count,cover_image_url';
const listOn = (on: Harness, token: TokenBody, body: unknown = {}, fields = FIELDS) =>
  apiCall(on, 'POST', `/v2/video/list/?fields=${fields}`, token.access_token, body);
const list = (token: TokenBody, body: unknown = {}, fields = FIELDS) => listOn(h, token, body, fields);
const query = (token: TokenBody, ids: string[], fields = FIELDS) =>
  apiCall(h, 'POST', `/v2/video/query/?fields=${fields}`, token.access_token, {
    filters: { video_ids: ids },
  });

/** Publishes a Direct Post and returns its post id (known once moderation ends, read from the admin API). */
async function publishPost(token: TokenBody, privacy: string, title: string): Promise<string> {
  const file = makeMp4({ durationSec: 20 });
  const res = await apiCall(h, 'POST', '/v2/post/publish/video/init/', token.access_token, {
    post_info: { privacy_level: privacy, title },
    source_info: fileSource(file.length),
  });
  const data = res.json<Envelope<{ publish_id: string; upload_url: string }>>().data;
  await uploadFile(h, data.upload_url, file, file.length);
  const admin = await h.app.inject({ method: 'GET', url: '/__sandbox/tiktok/publishes' });
  const rows = admin.json<{ publishes: { publish_id: string; post_id: string }[] }>().publishes;
  return rows.find((r) => r.publish_id === data.publish_id)?.post_id ?? '';
}

describe('TikTok Display API', () => {
  it('lists public videos only, newest first, once moderation is over', async () => {
    h = await startSandbox();
    h.ctx.settings.world.historyVideos = 3;
    const token = await connect(h);
    const fixtures = (await list(token)).json<ListData>().data.videos;
    expect(fixtures).toHaveLength(3);
    const publicId = await publishPost(token, 'PUBLIC_TO_EVERYONE', 'Public one');
    const friendsId = await publishPost(token, 'MUTUAL_FOLLOW_FRIENDS', 'Friends only');
    const privateId = await publishPost(token, 'SELF_ONLY', 'Private one');
    expect((await list(token)).json<ListData>().data.videos.map((v) => v.id)).not.toContain(publicId);
    h.ctx.clock.advance(8000);
    const videos = (await list(token)).json<ListData>().data.videos;
    expect(videos.map((v) => v.id)).toEqual([publicId, ...fixtures.map((v) => v.id)]);
    expect(videos.map((v) => v.id)).not.toContain(friendsId);
    expect(videos.map((v) => v.id)).not.toContain(privateId);
    expect(videos[0]?.title).toBe('Public one');
    const times = videos.map((v) => v.create_time);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('pages with a millisecond cursor and has_more; max_count is 1..20', async () => {
    h = await startSandbox();
    h.ctx.settings.world.historyVideos = 3;
    const token = await connect(h);
    const first = (await list(token, { max_count: 2 })).json<ListData>().data;
    expect(first.videos).toHaveLength(2);
    expect(first.has_more).toBe(true);
    const second = (await list(token, { max_count: 2, cursor: first.cursor })).json<ListData>().data;
    expect(second.videos).toHaveLength(1);
    expect(second.has_more).toBe(false);
    expect(second.videos[0]?.id).not.toBe(first.videos[1]?.id);
    for (const body of [{ max_count: 21 }, { max_count: 0 }, { cursor: 'x' }]) {
      const res = await list(token, body);
      expect(res.statusCode).toBe(400);
      expect(res.json<Envelope>().error.code).toBe('invalid_params');
    }
    expect((await list(token, {}, 'id,email')).json<Envelope>().error.code).toBe('invalid_params');
  });

  it("query takes at most 20 ids and returns only the user's public ones", async () => {
    h = await startSandbox();
    const token = await connect(h);
    const ids = (await list(token)).json<ListData>().data.videos.map((v) => v.id);
    const privateId = await publishPost(token, 'SELF_ONLY', 'Private');
    h.ctx.clock.advance(60_000);
    const found = (await query(token, [...ids, privateId, '7000000000000000001'])).json<ListData>().data
      .videos;
    expect(found.map((v) => v.id).sort()).toEqual([...ids].sort());
    const tooMany = await query(
      token,
      Array.from({ length: 21 }, (_, i) => `${7000000000000000000n + BigInt(i)}`),
    );
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json<Envelope>().error.code).toBe('invalid_params');
    expect((await query(token, [])).statusCode).toBe(400);
    const other = await connect(h, 'private');
    expect((await query(other, ids)).json<ListData>().data.videos).toEqual([]);
  });

  it('counts grow with the clock and are deterministic per seed', async () => {
    h = await startSandbox();
    const token = await connect(h);
    const before = (await list(token)).json<ListData>().data.videos;
    // Earlier posts are past their first wave and grow slowly: a week shows it on every one of them.
    h.ctx.clock.advance(7 * 86400_000);
    const fresh = await connect(h);
    const after = (await list(fresh)).json<ListData>().data.videos;
    for (const [i, video] of after.entries()) {
      const old = before[i];
      expect(video.view_count).toBeGreaterThan(old?.view_count ?? Infinity);
      expect(video.like_count).toBeGreaterThanOrEqual(old?.like_count ?? Infinity);
    }
    const same = await startSandbox();
    const otherSeed = await startSandbox({ seed: 7 });
    try {
      const idsOf = async (other: Harness) =>
        (await listOn(other, await connect(other))).json<ListData>().data.videos.map((v) => v.id);
      expect(await idsOf(same)).toEqual(before.map((v) => v.id));
      expect(await idsOf(otherSeed)).not.toEqual(before.map((v) => v.id));
    } finally {
      await same.close();
      await otherSeed.close();
    }
  });

  it('cover URLs expire after 6 hours', async () => {
    h = await startSandbox();
    const token = await connect(h);
    const cover = (await list(token)).json<ListData>().data.videos[0]?.cover_image_url ?? '';
    expect((await h.app.inject({ method: 'GET', url: localPath(cover) })).statusCode).toBe(200);
    h.ctx.clock.advance(6 * 3600_000 + 1000);
    expect((await h.app.inject({ method: 'GET', url: localPath(cover) })).statusCode).toBe(403);
  });

  it('needs video.list (401 scope_not_authorized)', async () => {
    h = await startSandbox();
    const token = await connect(h, 'public', ['user.info.basic']);
    const res = await list(token);
    expect(res.statusCode).toBe(401);
    expect(res.json<Envelope>().error.code).toBe('scope_not_authorized');
  });

  it('limits list and query per token, each in its own window (600/min by default, set to 5 here)', async () => {
    h = await startSandbox({ tiktok: { rateLimits: { creatorInfo: 20, init: 6, status: 30, display: 5 } } });
    expect(defaultSettings().tiktok.rateLimits.display).toBe(600);
    const token = await connect(h);
    for (let i = 0; i < 5; i++) expect((await list(token, {}, 'id')).statusCode).toBe(200);
    const limited = await list(token, {}, 'id');
    expect(limited.statusCode).toBe(429);
    expect(limited.json<Envelope>().error.code).toBe('rate_limit_exceeded');
    expect((await query(token, ['1'], 'id')).statusCode).toBe(200);
    h.ctx.clock.advance(60_000);
    expect((await list(token, {}, 'id')).statusCode).toBe(200);
  });
});
