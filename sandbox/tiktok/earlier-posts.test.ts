import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  apiCall,
  connect,
  type Envelope,
  type Harness,
  startSandbox,
  type TokenBody,
} from './test-support.js';

/** The sandbox clock follows Date.now(), frozen here so a list and a query see the same instant. */
const FROZEN_AT = Date.UTC(2026, 2, 10, 12, 0, 0);
const DAY = 86_400_000;

let h: Harness;
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(FROZEN_AT);
  h = await startSandbox();
});
afterEach(async () => {
  await h.close();
  vi.useRealTimers();
});

interface Video {
  id: string;
  create_time: number;
  title: string;
  video_description: string;
  duration: number;
  share_url: string;
  view_count: number;
  like_count: number;
  comment_count: number;
  share_count: number;
}
type ListData = Envelope<{ videos: Video[]; cursor: number; has_more: boolean }>;

const FIELDS =
  'id,create_time,title,video_description,duration,share_url,view_count,like_count,comment_count,share_count';

const list = (token: TokenBody, body: Record<string, unknown>) =>
  apiCall(h, 'POST', `/v2/video/list/?fields=${FIELDS}`, token.access_token, body);
const query = (token: TokenBody, ids: string[]) =>
  apiCall(h, 'POST', `/v2/video/query/?fields=${FIELDS}`, token.access_token, {
    filters: { video_ids: ids },
  });

/** Every listed video, 20 a page, following the cursor; also returns how many pages it took. */
async function listAll(token: TokenBody): Promise<{ videos: Video[]; pages: number }> {
  const videos: Video[] = [];
  let cursor: number | undefined;
  for (let pages = 1; pages < 100; pages++) {
    const data = (
      await list(token, { max_count: 20, ...(cursor === undefined ? {} : { cursor }) })
    ).json<ListData>().data;
    videos.push(...data.videos);
    if (!data.has_more) return { videos, pages };
    cursor = data.cursor;
  }
  throw new Error('the listing never ended');
}

describe('Earlier posts of TikTok sandbox accounts', () => {
  it('a public account has the world’s 24 earlier posts over 8 weeks, newest first, with their numbers', async () => {
    const token = await connect(h);
    const { videos, pages } = await listAll(token);
    expect(videos).toHaveLength(24);
    expect(pages).toBe(2);
    expect(new Set(videos.map((v) => v.id)).size).toBe(24);
    const times = videos.map((v) => v.create_time * 1000);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const v of videos) {
      expect(v.id).toMatch(/^7\d{18}$/);
      expect(v.create_time * 1000).toBeLessThanOrEqual(FROZEN_AT - DAY);
      expect(v.create_time * 1000).toBeGreaterThan(FROZEN_AT - DAY - 8 * 7 * DAY);
      expect(v.duration).toBeGreaterThanOrEqual(10);
      expect(v.duration).toBeLessThanOrEqual(90);
      expect(v.title.length).toBeGreaterThan(0);
      expect(v.video_description).toBe(v.title);
      expect(v.share_url).toBe(`https://www.tiktok.com/@ai.factory/video/${v.id}`);
      expect(v.view_count).toBeGreaterThan(0);
      for (const counter of [v.like_count, v.comment_count, v.share_count]) {
        expect(Number.isInteger(counter)).toBe(true);
        expect(counter).toBeLessThan(v.view_count);
      }
    }
    // The sandbox's captions mix questions, numbers and hashtags, so the world's caption effects have material.
    expect(videos.some((v) => v.title.includes('?'))).toBe(true);
    expect(videos.some((v) => !v.title.includes('?'))).toBe(true);
  });

  it('PATCH /__sandbox/world sets how many earlier posts there are and over how many weeks; ids stay', async () => {
    const token = await connect(h);
    const before = (await listAll(token)).videos;
    const patch = await h.app.inject({
      method: 'PATCH',
      url: '/__sandbox/world',
      payload: { historyVideos: 45, historyWeeks: 2 },
    });
    expect(patch.statusCode).toBe(200);
    const { videos, pages } = await listAll(token);
    expect(videos).toHaveLength(45);
    expect(pages).toBe(3);
    for (const v of videos) expect(v.create_time * 1000).toBeGreaterThan(FROZEN_AT - DAY - 2 * 7 * DAY);
    expect(videos.map((v) => v.id)).toEqual(expect.arrayContaining(before.map((v) => v.id)));
    await h.app.inject({ method: 'PATCH', url: '/__sandbox/world', payload: { historyVideos: 0 } });
    const none = (await list(token, { max_count: 20 })).json<ListData>().data;
    expect(none).toMatchObject({ videos: [], has_more: false });
  });

  it('a private account lists none (its posts are for followers); made public, it lists its own', async () => {
    const publicIds = (await listAll(await connect(h))).videos.map((v) => v.id);
    const token = await connect(h, 'private');
    expect((await listAll(token)).videos).toEqual([]);
    const made = await h.app.inject({
      method: 'PATCH',
      url: '/__sandbox/tiktok/accounts/private',
      payload: { privateAccount: false },
    });
    expect(made.statusCode).toBe(200);
    const own = (await listAll(token)).videos;
    expect(own).toHaveLength(24);
    expect(own.filter((v) => publicIds.includes(v.id))).toEqual([]);
    const info = await apiCall(h, 'GET', '/v2/user/info/?fields=video_count', token.access_token);
    expect(info.json<Envelope<{ user: { video_count: number } }>>().data.user.video_count).toBe(24);
  });

  it('video.query answers the same numbers as the listing, for up to 20 ids a call', async () => {
    const token = await connect(h);
    const listed = (await listAll(token)).videos;
    const twenty = listed.slice(0, 20);
    const res = await query(
      token,
      twenty.map((v) => v.id),
    );
    expect(res.statusCode).toBe(200);
    const found = res.json<ListData>().data.videos;
    const byId = new Map(found.map((v) => [v.id, v]));
    expect(byId.size).toBe(20);
    for (const v of twenty) expect(byId.get(v.id)).toEqual(v);
    const tooMany = await query(
      token,
      listed.slice(0, 21).map((v) => v.id),
    );
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json<Envelope>().error.code).toBe('invalid_params');
  });

  it('numbers of earlier posts keep growing with the clock', async () => {
    const before = (await listAll(await connect(h))).videos;
    vi.setSystemTime(FROZEN_AT + 7 * DAY);
    const after = (await listAll(await connect(h))).videos;
    expect(after.map((v) => v.id)).toEqual(before.map((v) => v.id));
    for (const [i, v] of after.entries())
      expect(v.view_count).toBeGreaterThan(before[i]?.view_count ?? Infinity);
  });
});
