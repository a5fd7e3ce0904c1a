import { afterEach, describe, expect, it } from 'vitest';
import { connect, graph, graphError, json, startSandbox, type TestSandbox } from './test-support.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const LIST_FIELDS = 'id,caption,media_type,media_product_type,timestamp,permalink';
const METRICS = 'views,reach,likes,comments,shares,saved,total_interactions,ig_reels_avg_watch_time';

interface ListedMedia {
  id: string;
  caption?: string;
  media_type: string;
  media_product_type: string;
  timestamp: string;
  permalink: string;
}

interface Page {
  data: ListedMedia[];
  paging?: { cursors: { before: string; after: string }; next?: string };
}

let t: TestSandbox;
afterEach(async () => t.close());

const epochOf = (timestamp: string): number => Date.parse(timestamp.replace(/\+0000$/, 'Z'));

function listPage(token: string, params: Record<string, string> = {}) {
  return graph(t.app, 'GET', '/v25.0/me/media', {
    fields: LIST_FIELDS,
    access_token: token,
    ...params,
  });
}

/** Every page of the listing, following `paging.next` as a client would. */
async function listAll(token: string, limit: string): Promise<Page[]> {
  const pages = [json(await listPage(token, { limit })) as unknown as Page];
  for (let next = pages[0]?.paging?.next; next !== undefined; next = pages.at(-1)?.paging?.next) {
    const url = new URL(next);
    expect(url.origin).toBe('http://127.0.0.1:4010');
    pages.push(json(await t.app.inject(`${url.pathname}${url.search}`)) as unknown as Page);
  }
  return pages;
}

function patchWorld(patch: Record<string, unknown>) {
  return t.app.inject({ method: 'PATCH', url: '/__sandbox/world', payload: patch });
}

describe('earlier posts', () => {
  it('gives every account 24 earlier Reels, newest first, dated over the 8 weeks before the sandbox started', async () => {
    t = await startSandbox();
    const startedAt = t.sandbox.ctx.clock.now();
    const business = await connect(t.app, 'public');
    const creator = await connect(t.app, 'private');
    const page = json(await listPage(business.longToken)) as unknown as Page;
    expect(page.data).toHaveLength(24);
    expect(page.paging?.next).toBeUndefined();
    const times = page.data.map((m) => epochOf(m.timestamp));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    for (const [i, media] of page.data.entries()) {
      expect(media).toMatchObject({ media_type: 'VIDEO', media_product_type: 'REELS' });
      expect(media.permalink).toMatch(/^https:\/\/www\.instagram\.com\/reel\/[\w-]{11}\/$/);
      expect(media.caption).toEqual(expect.any(String));
      expect(times[i]).toBeLessThanOrEqual(startedAt - DAY);
      expect(times[i]).toBeGreaterThanOrEqual(startedAt - DAY - 8 * 7 * DAY);
    }
    const other = json(await listPage(creator.longToken)) as unknown as Page;
    expect(other.data).toHaveLength(24);
    const businessIds = new Set(page.data.map((m) => m.id));
    expect(other.data.filter((m) => businessIds.has(m.id))).toEqual([]);
    // They are not publishes: the rolling publishing window stays empty.
    const limit = json(
      await graph(t.app, 'GET', `/v25.0/${business.igUserId}/content_publishing_limit`, {
        access_token: business.longToken,
      }),
    );
    expect(limit).toEqual({ data: [{ quota_usage: 0 }] });
    // Another account's earlier post is not this caller's object.
    const foreign = await graph(t.app, 'GET', `/v25.0/${other.data[0]?.id}`, {
      access_token: business.longToken,
    });
    expect(graphError(foreign)).toMatchObject({ code: 100, error_subcode: 33 });
  });

  it('follows the world: PATCH /__sandbox/world sets how many earlier posts and over how many weeks', async () => {
    t = await startSandbox();
    const startedAt = t.sandbox.ctx.clock.now();
    const { longToken } = await connect(t.app);
    expect((await patchWorld({ historyVideos: 60, historyWeeks: 2 })).statusCode).toBe(200);
    const pages = await listAll(longToken, '25');
    expect(pages.map((p) => p.data.length)).toEqual([25, 25, 10]);
    const all = pages.flatMap((p) => p.data);
    expect(new Set(all.map((m) => m.id)).size).toBe(60);
    for (const media of all) {
      expect(epochOf(media.timestamp)).toBeGreaterThanOrEqual(startedAt - DAY - 2 * 7 * DAY);
    }
    const me = json(
      await graph(t.app, 'GET', '/v25.0/me', { fields: 'media_count', access_token: longToken }),
    );
    expect(me.media_count).toBe(60);
    await patchWorld({ historyVideos: 0 });
    expect(json(await listPage(longToken))).toEqual({ data: [] });
  });

  it('pages with Graph cursors: after, paging.next with the same fields, no next on the last page', async () => {
    t = await startSandbox();
    const { longToken } = await connect(t.app);
    const first = json(await listPage(longToken, { limit: '10' })) as unknown as Page;
    const next = new URL(first.paging?.next ?? '');
    expect(next.pathname).toBe('/instagram/graph/v25.0/me/media');
    expect(Object.fromEntries(next.searchParams)).toEqual({
      fields: LIST_FIELDS,
      access_token: longToken,
      limit: '10',
      after: first.paging?.cursors.after,
    });
    const byCursor = json(
      await listPage(longToken, { limit: '10', after: first.paging?.cursors.after ?? '' }),
    ) as unknown as Page;
    const byNext = json(await t.app.inject(`${next.pathname}${next.search}`)) as unknown as Page;
    expect(byNext).toEqual(byCursor);
    expect(byCursor.data[0]?.id).not.toBe(first.data[0]?.id);
    const last = json(
      await listPage(longToken, { limit: '10', after: byCursor.paging?.cursors.after ?? '' }),
    ) as unknown as Page;
    expect(last.data).toHaveLength(4);
    expect(last.paging?.next).toBeUndefined();
  });

  it('refuses a bad cursor or limit with 100 instead of starting over', async () => {
    t = await startSandbox();
    const { longToken } = await connect(t.app);
    const badCursor = await listPage(longToken, { after: 'bm90LWFuLWlk' });
    expect(badCursor.statusCode).toBe(400);
    expect(graphError(badCursor)).toMatchObject({ code: 100 });
    for (const limit of ['0', '101', 'ten']) {
      expect(graphError(await listPage(longToken, { limit })).code).toBe(100);
    }
  });

  it('serves insights for earlier posts, growing with the clock, and the admin modes apply to them', async () => {
    t = await startSandbox();
    const { longToken } = await connect(t.app);
    const [newest] = (json(await listPage(longToken)) as unknown as Page).data;
    const insights = async () =>
      graph(t.app, 'GET', `/v25.0/${newest?.id}/insights`, { metric: METRICS, access_token: longToken });
    const views = async () =>
      (json(await insights()).data as { name: string; values: { value: number }[] }[])[0]?.values[0]?.value ??
      -1;
    const before = await views();
    expect(before).toBeGreaterThan(0);
    t.sandbox.ctx.clock.advance(7 * DAY);
    expect(await views()).toBeGreaterThan(before);
    await t.app.inject({
      method: 'POST',
      url: `/__sandbox/instagram/media/${newest?.id}/insights-mode`,
      payload: { mode: 'not-enough-viewers' },
    });
    expect(graphError(await insights())).toMatchObject({ code: 10 });
  });

  it('reads one media per call: two ids in one path are not an object', async () => {
    t = await startSandbox();
    const { longToken } = await connect(t.app);
    const [a, b] = (json(await listPage(longToken)) as unknown as Page).data;
    const both = await graph(t.app, 'GET', `/v25.0/${a?.id},${b?.id}/insights`, {
      metric: METRICS,
      access_token: longToken,
    });
    expect(both.statusCode).toBe(400);
    expect(graphError(both)).toMatchObject({ code: 100, error_subcode: 33 });
  });
});
