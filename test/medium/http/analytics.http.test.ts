import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  dashboardView,
  statsExport,
  trackedVideoDetail,
  trackedVideoPage,
} from '../../../src/api/analytics.js';
import type { TrackedVideo } from '../../../src/domain/analytics/stats.js';
import { parseCsv } from '../../../src/domain/briefs-csv.js';
import { counters, snapshot, trackedVideo } from '../../contract/store/analytics-fixtures.js';
import { connectThroughConsent } from '../../fakes/connect-flow.js';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';

const HOUR = 3_600_000;

describe('analytics API', () => {
  let t: TestApp;
  let client: Client;
  let workspaceId: string;
  let connection: { id: string; displayName: string };
  let videos: { ranked: TrackedVideo; young: TrackedVideo; silent: TrackedVideo };

  beforeEach(async () => {
    t = await startTestApp({}, { listen: true });
    client = new Client(t.app, t.origin);
    workspaceId = (await client.signUp('owner@example.com')).workspace.id;
    await connectThroughConsent(t, client, 'tiktok');
    connection = (await client.get('/api/connections')).json<{
      items: { id: string; displayName: string }[];
    }>().items[0]!;
    const now = t.clock.now();
    const at = (hoursAgo: number) => new Date(now - hoursAgo * HOUR).toISOString();
    const base = { connectionId: connection.id, platform: 'tiktok' as const };
    videos = {
      // Ten days old: readings at 1 h, 24 h and 7 days, so it is ranked.
      ranked: trackedVideo(workspaceId, {
        ...base,
        title: '=SUM(A1) trick',
        publishedAt: at(240),
        latest: counters(900),
        latestAt: at(72),
        latestState: 'ok',
        viewsAt7d: 900,
      }),
      // Two days old: numbers, but no views at 7 days yet.
      young: trackedVideo(workspaceId, {
        ...base,
        publishedAt: at(48),
        latest: counters(5000),
        latestAt: at(24),
        latestState: 'ok',
      }),
      // Private on TikTok: readings without numbers.
      silent: trackedVideo(workspaceId, {
        ...base,
        publishedAt: at(30),
        latestState: 'no_stats',
        latestAt: at(6),
      }),
    };
    const { store } = t.container;
    for (const v of Object.values(videos)) await store.trackedVideos.create(v);
    await store.snapshots.append([
      snapshot(videos.ranked, 1, 100),
      snapshot(videos.ranked, 24, 400),
      snapshot(videos.ranked, 168, 900),
      snapshot(videos.young, 24, 5000),
      snapshot(videos.silent, 1, null, { state: 'no_stats', reason: 'The post is private' }),
      snapshot(videos.silent, 24, null, { state: 'no_stats', reason: 'The post is private' }),
    ]);
  });
  afterEach(async () => t.close());

  it('GET /api/analytics/dashboard: sums, accounts, trend, leaderboard at 7 days; no-number states counted apart', async () => {
    const res = await client.get('/api/analytics/dashboard');
    expect(res.statusCode, res.body).toBe(200);
    const view = dashboardView.parse(res.json());
    expect(view.totals).toMatchObject({ videos: 3, views: 5900, likes: 590 });
    expect(view.byPlatform).toEqual([
      expect.objectContaining({ platform: 'tiktok', views: 5900, videos: 3 }),
    ]);
    expect(view.byAccount).toEqual([
      expect.objectContaining({
        connectionId: connection.id,
        accountName: connection.displayName,
        views: 5900,
      }),
    ]);
    // The private video adds nothing to the sums and is counted apart, by its state.
    expect(view.withoutNumbers).toEqual({ no_stats: 1, lagging: 0, missing: 0 });
    expect(view.leaderboard.map((v) => v.id)).toEqual([videos.ranked.id]);
    expect(view.trend).toHaveLength(30);
    expect(view.trend.reduce((sum, d) => sum + d.views, 0)).toBe(900 + 5000);
    expect(view.accounts).toEqual([
      { connectionId: connection.id, platform: 'tiktok', accountName: connection.displayName },
    ]);

    const youtubeOnly = dashboardView.parse(
      (await client.get('/api/analytics/dashboard?platform=youtube')).json(),
    );
    expect(youtubeOnly.totals.videos).toBe(0);
    expect(youtubeOnly.trend.every((d) => d.views === 0)).toBe(true);
  });

  it.each([
    ['an unknown platform', 'platform=myspace', 'validation_failed'],
    ['a date that is not a date', 'from=yesterday', 'validation_failed'],
    ['an unknown filter', 'colour=red', 'validation_failed'],
    [
      'a range that ends before it starts',
      'from=2030-02-01T00:00:00Z&to=2030-01-01T00:00:00Z',
      'invalid_range',
    ],
  ])('answers 400 with a stable code for %s', async (_name, query, code) => {
    for (const path of ['/api/analytics/dashboard', '/api/analytics/videos', '/api/analytics/export']) {
      const res = await client.get(`${path}?${query}`);
      expect(res.statusCode, path).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code).toBe(code);
    }
    const badFormat = await client.get('/api/analytics/export?format=xlsx');
    expect(badFormat.statusCode).toBe(400);
  });

  it('GET /api/analytics/videos pages newest first; {id} gives every reading oldest first, states kept, 404 otherwise', async () => {
    const first = trackedVideoPage.parse((await client.get('/api/analytics/videos?limit=2')).json());
    expect(first.items.map((v) => v.id)).toEqual([videos.silent.id, videos.young.id]);
    const second = trackedVideoPage.parse(
      (await client.get(`/api/analytics/videos?limit=2&cursor=${first.nextCursor}`)).json(),
    );
    expect(second).toEqual({ items: [expect.objectContaining({ id: videos.ranked.id })], nextCursor: null });

    const detail = trackedVideoDetail.parse(
      (await client.get(`/api/analytics/videos/${videos.silent.id}`)).json(),
    );
    expect(detail.video).toMatchObject({ id: videos.silent.id, latestState: 'no_stats', latest: null });
    expect(detail.snapshots.map((s) => [s.scheduledAgeHours, s.state, s.counters])).toEqual([
      [1, 'no_stats', null],
      [24, 'no_stats', null],
    ]);
    const ranked = trackedVideoDetail.parse(
      (await client.get(`/api/analytics/videos/${videos.ranked.id}`)).json(),
    );
    expect(ranked.snapshots.map((s) => s.counters?.views)).toEqual([100, 400, 900]);

    const unknown = await client.get('/api/analytics/videos/nope');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'tracked_video_not_found' } });
    expect((await new Client(t.app, t.origin).get('/api/analytics/dashboard')).statusCode).toBe(401);
  });

  it("keeps another workspace's videos out of its dashboard, list, detail and export", async () => {
    const other = new Client(t.app, t.origin);
    await other.signUp('other@example.com');
    const view = dashboardView.parse((await other.get('/api/analytics/dashboard')).json());
    expect(view.totals.videos).toBe(0);
    expect(view.accounts).toEqual([]);
    expect((await other.get('/api/analytics/videos')).json()).toEqual({ items: [], nextCursor: null });
    expect((await other.get(`/api/analytics/videos/${videos.ranked.id}`)).statusCode).toBe(404);
    const csv = await other.get('/api/analytics/export?format=csv');
    expect(parseCsv(csv.body)).toHaveLength(1);
  });

  it('GET /api/analytics/export?format=csv: a named file, a header, one row per reading that parses back, formulas defused', async () => {
    const res = await client.get('/api/analytics/export?format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="ai-factory-stats-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const [header, ...rows] = parseCsv(res.body);
    expect(rows).toHaveLength(6);
    const col = (name: string) => header!.indexOf(name);
    expect(col('views')).toBeGreaterThan(-1);
    const silentRows = rows.filter((r) => r[col('video_id')] === videos.silent.id);
    expect(silentRows.map((r) => [r[col('state')], r[col('views')]])).toEqual([
      ['no_stats', ''],
      ['no_stats', ''],
    ]);
    expect(rows.find((r) => r[col('video_id')] === videos.ranked.id)?.[col('title')]).toBe("'=SUM(A1) trick");

    const filtered = parseCsv(
      (await client.get(`/api/analytics/export?format=csv&from=${videos.young.publishedAt}`)).body,
    );
    expect(filtered).toHaveLength(1 + 3);
  });

  it('GET /api/analytics/export?format=json: every video with its generation parameters and readings, round trip', async () => {
    const res = await client.get('/api/analytics/export?format=json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/ai-factory-stats-\d{4}-\d{2}-\d{2}\.json/);
    const file = statsExport.parse(res.json());
    expect(file.videos.map((v) => v.id).sort()).toEqual(
      Object.values(videos)
        .map((v) => v.id)
        .sort(),
    );
    const ranked = file.videos.find((v) => v.id === videos.ranked.id)!;
    expect(ranked.generation.factors).toEqual(videos.ranked.factors);
    expect(ranked.accountName).toBe(connection.displayName);
    expect(ranked.snapshots.map((s) => s.counters?.views)).toEqual([100, 400, 900]);
    const silent = file.videos.find((v) => v.id === videos.silent.id)!;
    expect(silent.snapshots.every((s) => s.counters === null && s.state === 'no_stats')).toBe(true);
  });
});
