import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstagramSettings } from '../core/settings.js';
import {
  connect,
  graph,
  graphError,
  json,
  mp4File,
  startLocalServer,
  startSandbox,
  type LocalServer,
  type TestSandbox,
} from './test-support.js';

let files: LocalServer;
beforeAll(async () => {
  files = await startLocalServer({ '/reel.mp4': { body: mp4File(20_000) } });
});
afterAll(async () => files.close());

const HOUR = 3_600_000;
const METRICS = 'views,reach,likes,comments,shares,saved,total_interactions,ig_reels_avg_watch_time';

/** A sandbox with one published Reel; returns what a stats reader needs. */
async function withPublishedReel(settings: Partial<InstagramSettings> = {}, seed = 42, grant?: string[]) {
  const t: TestSandbox = await startSandbox(settings, { seed });
  const account = await connect(t.app, 'public', grant);
  const created = await graph(t.app, 'POST', `/v25.0/${account.igUserId}/media`, {
    media_type: 'REELS',
    video_url: files.url('/reel.mp4'),
    access_token: account.longToken,
  });
  t.sandbox.ctx.clock.advance(30_000);
  const published = await graph(t.app, 'POST', `/v25.0/${account.igUserId}/media_publish`, {
    creation_id: String(json(created).id),
    access_token: account.longToken,
  });
  const mediaId = String(json(published).id);
  const insights = (metric = METRICS) =>
    graph(t.app, 'GET', `/v25.0/${mediaId}/insights`, { metric, access_token: account.longToken });
  return { t, account, mediaId, insights };
}

function values(body: Record<string, unknown>): Record<string, number> {
  const data = body.data as { name: string; values: { value: number }[] }[];
  return Object.fromEntries(data.map((d) => [d.name, d.values[0]?.value ?? -1]));
}

describe('media insights', () => {
  it('answers lifetime values in the documented shape, growing with the clock', async () => {
    const { t, mediaId, insights } = await withPublishedReel();
    t.sandbox.ctx.clock.advance(2 * HOUR);
    const early = json(await insights());
    const [first] = early.data as Record<string, unknown>[];
    expect(first).toEqual({
      name: 'views',
      period: 'lifetime',
      values: [{ value: expect.any(Number) as unknown }],
      title: 'Views',
      id: `${mediaId}/insights/views/lifetime`,
    });
    t.sandbox.ctx.clock.advance(48 * HOUR);
    const later = values(json(await insights()));
    const before = values(early);
    for (const name of Object.keys(before)) expect(later[name]).toBeGreaterThanOrEqual(before[name] ?? 0);
    expect(later.views).toBeGreaterThan(before.views ?? 0);
    expect(later.total_interactions).toBe(
      (later.likes ?? 0) + (later.comments ?? 0) + (later.shares ?? 0) + (later.saved ?? 0),
    );
    expect(later.reach).toBeLessThanOrEqual(later.views ?? 0);
    await t.close();
  });

  it('is deterministic from the seed', async () => {
    const read = async (seed: number) => {
      const { t, insights } = await withPublishedReel({}, seed);
      t.sandbox.ctx.clock.advance(10 * HOUR);
      const result = values(json(await insights()));
      await t.close();
      return result;
    };
    const a = await read(7);
    expect(await read(7)).toEqual(a);
    expect(await read(8)).not.toEqual(a);
  });

  it('makes like_count and comments_count on the media node grow too', async () => {
    const { t, account, mediaId } = await withPublishedReel();
    const counts = async () =>
      json(
        await graph(t.app, 'GET', `/${mediaId}`, {
          fields: 'like_count,comments_count',
          access_token: account.longToken,
        }),
      );
    t.sandbox.ctx.clock.advance(HOUR);
    const early = await counts();
    t.sandbox.ctx.clock.advance(100 * HOUR);
    expect(Number((await counts()).like_count)).toBeGreaterThan(Number(early.like_count));
    await t.close();
  });

  it('fails the whole call with 100 for each retired metric', async () => {
    const { t, insights } = await withPublishedReel();
    for (const retired of [
      'plays',
      'clips_replays_count',
      'ig_reels_aggregated_all_plays_count',
      'impressions',
      'video_views',
    ]) {
      const response = await insights(`views,${retired}`);
      expect(response.statusCode).toBe(400);
      expect(graphError(response)).toMatchObject({ code: 100, type: 'OAuthException' });
      expect(String(graphError(response).message)).toMatch(
        /^\(#100\) metric\[1\] must be one of the following values: views,/,
      );
    }
    expect(graphError(await insights('')).code).toBe(100);
    await t.close();
  });

  it('answers empty data while insights lag behind (optional 48 h delay)', async () => {
    const { t, insights } = await withPublishedReel({ insightsDelayMs: 48 * HOUR });
    t.sandbox.ctx.clock.advance(47 * HOUR);
    expect(json(await insights())).toEqual({ data: [] });
    t.sandbox.ctx.clock.advance(HOUR);
    expect((json(await insights()).data as unknown[]).length).toBe(8);
    await t.close();
  });

  it('answers empty data or (#10) Not enough viewers when the admin API says so', async () => {
    const { t, mediaId, insights } = await withPublishedReel();
    const setMode = (mode: string) =>
      t.app.inject({
        method: 'POST',
        url: `/__sandbox/instagram/media/${mediaId}/insights-mode`,
        payload: { mode },
      });
    expect((await setMode('empty')).statusCode).toBe(200);
    expect(json(await insights())).toEqual({ data: [] });
    await setMode('not-enough-viewers');
    const few = await insights();
    expect(few.statusCode).toBe(400);
    expect(graphError(few)).toMatchObject({
      code: 10,
      message: '(#10) Not enough viewers for the media to show insights',
    });
    await t.close();
  });

  it('needs the insights scope', async () => {
    const { t, insights } = await withPublishedReel({}, 42, [
      'instagram_business_basic',
      'instagram_business_content_publish',
    ]);
    const response = await insights();
    expect(response.statusCode).toBe(403);
    expect(graphError(response)).toMatchObject({ code: 10 });
    await t.close();
  });
});
