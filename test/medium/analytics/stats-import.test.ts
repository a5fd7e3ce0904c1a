import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountPost } from '../../../src/ports/platform-stats.js';
import { statsSyncHarness } from '../../fakes/stats-sync-harness.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('the import of earlier posts', () => {
  let h: ReturnType<typeof statsSyncHarness>;
  beforeEach(() => {
    h = statsSyncHarness();
  });
  afterEach(async () => h.cleanup());

  const post = (id: string, ageMs: number, views: number | null): AccountPost => ({
    platformPostId: id,
    title: `Post ${id}`,
    url: `https://example.test/${id}`,
    durationSec: 35,
    publishedAt: new Date(h.clock.now() - ageMs).toISOString(),
    counters: views === null ? null : { views, likes: 2, comments: 1, shares: 0, extra: {} },
  });

  it('imports posts with their listed numbers as the reading at the age reached, then follows the schedule', async () => {
    const c = await h.account('tiktok');
    h.readers.tiktok.pageSize = 2;
    h.readers.tiktok.posts = [
      post('fresh', 2 * HOUR, 50),
      post('week', 10 * DAY, 900),
      post('month', 30 * DAY, 4000),
      post('too-old', 13 * 7 * DAY, 9),
    ];

    expect(await h.service.importEarlierPosts(c.workspaceId, c.id)).toBe(3);

    const videos = await h.store.trackedVideos.listAll(c.workspaceId, {});
    const byPost = new Map(videos.map((v) => [v.platformPostId, v]));
    expect([...byPost.keys()].sort()).toEqual(['fresh', 'month', 'week']);
    const week = byPost.get('week')!;
    expect(week).toMatchObject({
      source: 'imported',
      publicationId: null,
      durationSec: 35,
      factors: { duration: '21-40s' },
      viewsAt7d: 900,
      nextSnapshotAgeHours: 672,
      latestState: 'ok',
    });
    const readings = await h.store.snapshots.listForVideo(c.workspaceId, week.id);
    expect(readings).toHaveLength(1);
    expect(readings[0]).toMatchObject({ scheduledAgeHours: 168, state: 'ok', counters: { views: 900 } });
    expect(byPost.get('fresh')!.nextSnapshotAgeHours).toBe(6);
    expect(byPost.get('month')!.nextSnapshotAgeHours).toBe(840);
    expect(h.readers.tiktok.listCalls).toBe(2);
  });

  it('is idempotent: a reconnect imports only what is new, and no reading twice', async () => {
    const c = await h.account('youtube');
    h.readers.youtube.posts = [post('a', 3 * DAY, 10), post('b', 4 * DAY, 20)];
    await h.service.importEarlierPosts(c.workspaceId, c.id);
    h.readers.youtube.posts = [post('new', 5 * HOUR, 5), ...h.readers.youtube.posts];
    expect(await h.service.importEarlierPosts(c.workspaceId, c.id)).toBe(1);
    const videos = await h.store.trackedVideos.listAll(c.workspaceId, {});
    expect(videos).toHaveLength(3);
    const all = await h.store.snapshots.listForVideos(
      c.workspaceId,
      videos.map((v) => v.id),
    );
    expect(all).toHaveLength(3);
  });

  it('Instagram lists no numbers: the first reading is due at once and the sweep takes it', async () => {
    const c = await h.account('instagram');
    h.readers.instagram.posts = [post('reel', 3 * DAY, null)];
    await h.service.importEarlierPosts(c.workspaceId, c.id);
    const [video] = await h.store.trackedVideos.listAll(c.workspaceId, {});
    expect(await h.store.snapshots.listForVideo(c.workspaceId, video!.id)).toEqual([]);
    expect(video).toMatchObject({
      nextSnapshotAgeHours: 48,
      nextSnapshotAt: new Date(h.clock.now()).toISOString(),
    });

    await h.service.sweep();
    const [reading] = await h.store.snapshots.listForVideo(c.workspaceId, video!.id);
    expect(reading).toMatchObject({ scheduledAgeHours: 48, state: 'ok' });
  });

  it('a post past 90 days gets one reading, then none', async () => {
    h.deps.settings.importMaxWeeks = 20;
    const c = await h.account('tiktok');
    h.readers.tiktok.posts = [post('old', 100 * DAY, 7000)];
    await h.service.importEarlierPosts(c.workspaceId, c.id);
    const [video] = await h.store.trackedVideos.listAll(c.workspaceId, {});
    expect(video).toMatchObject({ nextSnapshotAt: null, nextSnapshotAgeHours: null });
    const readings = await h.store.snapshots.listForVideo(c.workspaceId, video!.id);
    expect(readings.map((s) => s.scheduledAgeHours)).toEqual([2160]);
  });

  it('stops at the configured number of posts', async () => {
    h.deps.settings.importMaxPosts = 3;
    const c = await h.account('tiktok');
    h.readers.tiktok.posts = Array.from({ length: 10 }, (_, i) => post(`p${i}`, (i + 1) * DAY, i));
    expect(await h.service.importEarlierPosts(c.workspaceId, c.id)).toBe(3);
  });

  it('is queued when an account is connected, under the account’s workspace', async () => {
    const c = await h.account('tiktok');
    await h.service.planImport(c);
    expect(h.queue.last()).toMatchObject({
      type: 'stats-import',
      workspaceId: c.workspaceId,
      payload: { connectionId: c.id },
    });
  });

  it('imports nothing for another workspace’s connection id', async () => {
    const c = await h.account('tiktok');
    const other = await h.account('tiktok');
    h.readers.tiktok.posts = [post('x', DAY, 3)];
    expect(await h.service.importEarlierPosts(other.workspaceId, c.id)).toBe(0);
    expect(h.readers.tiktok.listCalls).toBe(0);
  });
});
