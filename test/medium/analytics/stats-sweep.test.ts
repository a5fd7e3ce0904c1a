import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SNAPSHOT_AGES_HOURS } from '../../../src/domain/analytics/snapshot-schedule.js';
import type { TrackedVideo } from '../../../src/domain/analytics/stats.js';
import { trackedVideo } from '../../contract/store/analytics-fixtures.js';
import { rateLimited, unavailable } from '../../fakes/fake-stats-reader.js';
import { statsSyncHarness } from '../../fakes/stats-sync-harness.js';

const HOUR = 3_600_000;

describe('the stats sweep', () => {
  let h: ReturnType<typeof statsSyncHarness>;
  beforeEach(() => {
    h = statsSyncHarness();
  });
  afterEach(async () => h.cleanup());

  const snapshotsOf = (v: TrackedVideo) => h.store.snapshots.listForVideo(v.workspaceId, v.id);
  const reload = async (v: TrackedVideo) => (await h.store.trackedVideos.find(v.workspaceId, v.id))!;

  it('reads every due video in the fewest calls: ceil(due / max ids) per connection', async () => {
    const tiktok = await h.account('tiktok');
    const tiktok2 = await h.account('tiktok');
    const youtube = await h.account('youtube');
    const instagram = await h.account('instagram');
    await h.videos(tiktok, 45);
    await h.videos(tiktok2, 5);
    await h.videos(youtube, 120);
    await h.videos(instagram, 3);
    h.clock.advance(HOUR);

    const result = await h.service.sweep();

    expect(h.readers.tiktok.calls.map((c) => c.postIds.length).sort()).toEqual([20, 20, 5, 5].sort());
    expect(h.readers.youtube.calls.map((c) => c.postIds.length)).toEqual([50, 50, 20]);
    expect(h.readers.instagram.calls).toHaveLength(3);
    expect(result).toEqual({ calls: 3 + 1 + 3 + 3, readings: 173, deferred: 0, rateLimited: 0 });
    // Each call asks one connection's posts only.
    const tiktokIds = new Set(
      (await h.store.trackedVideos.listAll(tiktok.workspaceId, {})).map((v) => v.platformPostId),
    );
    for (const call of h.readers.tiktok.calls)
      expect(
        call.postIds.every((id) => tiktokIds.has(id)) || call.postIds.every((id) => !tiktokIds.has(id)),
      ).toBe(true);
    expect(
      await h.store.statsCalls.unitsSince({ platform: 'youtube', since: new Date(0).toISOString() }),
    ).toBe(3);
  });

  it('fills the last call with readings due within their pull-forward window, and no more calls', async () => {
    const c = await h.account('tiktok');
    const now = h.clock.now();
    const at24 = (publishedMs: number, i: number) =>
      trackedVideo(c.workspaceId, {
        connectionId: c.id,
        platformPostId: `p-${publishedMs}-${i}`,
        publishedAt: new Date(publishedMs).toISOString(),
        nextSnapshotAgeHours: 24,
        nextSnapshotAt: new Date(publishedMs + 24 * HOUR).toISOString(),
      });
    for (let i = 0; i < 30; i++) await h.store.trackedVideos.create(at24(now - 24 * HOUR, i));
    // Due in 30 min (inside 1 h), and due in 2 h (outside).
    for (let i = 0; i < 5; i++) await h.store.trackedVideos.create(at24(now - 23.5 * HOUR, i));
    for (let i = 0; i < 5; i++) await h.store.trackedVideos.create(at24(now - 22 * HOUR, i));

    const result = await h.service.sweep();

    expect(h.readers.tiktok.calls.map((c) => c.postIds.length)).toEqual([20, 15]);
    expect(result.readings).toBe(35);
    const early = (await h.store.trackedVideos.listAll(c.workspaceId, {})).filter((v) =>
      v.platformPostId.startsWith(`p-${now - 23.5 * HOUR}`),
    );
    const [first] = await snapshotsOf(early[0]!);
    expect(first).toMatchObject({ scheduledAgeHours: 24, ageHours: 23.5, state: 'ok' });
    expect((await reload(early[0]!)).nextSnapshotAgeHours).toBe(48);
  });

  it('takes one reading at every planned age, then none after 90 days; views at 7 d are kept', async () => {
    const c = await h.account('youtube');
    const [video] = await h.videos(c, 1);
    for (let guard = 0; guard < 40; guard++) {
      const v = await reload(video!);
      if (!v.nextSnapshotAt) break;
      h.clock.advance(Date.parse(v.nextSnapshotAt) - h.clock.now());
      await h.service.sweep();
    }
    const readings = await snapshotsOf(video!);
    expect(readings.map((s) => s.scheduledAgeHours)).toEqual([...SNAPSHOT_AGES_HOURS]);
    expect(readings.map((s) => s.ageHours)).toEqual([...SNAPSHOT_AGES_HOURS]);
    const done = await reload(video!);
    expect(done.nextSnapshotAt).toBeNull();
    const at7d = readings.find((s) => s.scheduledAgeHours === 168)!;
    expect(done.viewsAt7d).toBe(at7d.counters!.views);
    expect(done.latest).toEqual(readings.at(-1)!.counters);
  });

  it('a late sweep stands for the latest age reached, not the ages slept through', async () => {
    const c = await h.account('tiktok');
    const [video] = await h.videos(c, 1);
    h.clock.advance(30 * HOUR);
    await h.service.sweep();
    expect((await snapshotsOf(video!)).map((s) => s.scheduledAgeHours)).toEqual([24]);
    expect((await reload(video!)).nextSnapshotAgeHours).toBe(48);
  });

  it('stores each reading once: a second sweep at the same time calls nothing and appends nothing', async () => {
    const c = await h.account('tiktok');
    const [video] = await h.videos(c, 3);
    h.clock.advance(HOUR);
    await h.service.sweep();
    const again = await h.service.sweep();
    expect(again).toEqual({ calls: 0, readings: 0, deferred: 0, rateLimited: 0 });
    expect(h.readers.tiktok.calls).toHaveLength(1);
    expect(await snapshotsOf(video!)).toHaveLength(1);
  });

  it('keeps no_stats, lagging and missing apart, with their reasons, never as 0', async () => {
    const c = await h.account('tiktok');
    const [withViews, selfOnly, late, leftOut] = await h.videos(c, 4);
    h.readers.tiktok.answers.set(selfOnly!.platformPostId, { state: 'no_stats', reason: 'SELF_ONLY' });
    h.readers.tiktok.answers.set(late!.platformPostId, { state: 'lagging', reason: 'not yet' });
    h.readers.tiktok.answers.set(leftOut!.platformPostId, 'omit');
    h.clock.advance(HOUR);
    await h.service.sweep();

    const only = async (v: TrackedVideo) => (await snapshotsOf(v))[0]!;
    expect(await only(withViews!)).toMatchObject({ state: 'ok', counters: { views: 100 } });
    expect(await only(selfOnly!)).toMatchObject({ state: 'no_stats', counters: null, reason: 'SELF_ONLY' });
    expect(await only(late!)).toMatchObject({ state: 'lagging', counters: null, reason: 'not yet' });
    expect(await only(leftOut!)).toMatchObject({ state: 'missing', counters: null });
    expect((await only(leftOut!)).reason).toMatch(/left this post out/);
    expect(await reload(selfOnly!)).toMatchObject({ latest: null, latestState: 'no_stats' });
  });

  it('a call that keeps failing is tried 3 times, then its readings are missing with the reason', async () => {
    const c = await h.account('tiktok');
    const [video] = await h.videos(c, 2);
    h.readers.tiktok.failNext.push(unavailable(), unavailable(), unavailable());
    h.clock.advance(HOUR);
    const result = await h.service.sweep();
    expect(result).toMatchObject({ calls: 3, readings: 2 });
    const [reading] = await snapshotsOf(video!);
    expect(reading).toMatchObject({
      state: 'missing',
      counters: null,
      reason: 'The call failed: Service unavailable',
    });
    expect((await reload(video!)).nextSnapshotAgeHours).toBe(6);
  });

  it('a passing failure retried in the sweep stores the numbers', async () => {
    const c = await h.account('tiktok');
    const [video] = await h.videos(c, 1);
    h.readers.tiktok.failNext.push(unavailable());
    h.clock.advance(HOUR);
    await h.service.sweep();
    expect((await snapshotsOf(video!))[0]).toMatchObject({ state: 'ok' });
  });

  it('a 429 defers: nothing is stored, the readings stay due and are read on a later sweep', async () => {
    const c = await h.account('tiktok');
    const [video] = await h.videos(c, 25);
    h.readers.tiktok.failNext.push(rateLimited());
    h.clock.advance(HOUR);
    const result = await h.service.sweep();
    expect(result).toEqual({ calls: 1, readings: 0, deferred: 25, rateLimited: 1 });
    expect(await snapshotsOf(video!)).toEqual([]);
    expect((await reload(video!)).nextSnapshotAgeHours).toBe(1);

    h.clock.advance(60_000);
    expect(await h.service.sweep()).toMatchObject({ calls: 2, readings: 25, deferred: 0 });
    expect((await snapshotsOf(video!))[0]).toMatchObject({ state: 'ok', scheduledAgeHours: 1 });
  });

  it('TikTok: calls beyond the per-minute budget wait for the next minute', async () => {
    h.deps.settings.tiktokCallsPerMinute = 2;
    const c = await h.account('tiktok');
    await h.videos(c, 60);
    h.clock.advance(HOUR);
    expect(await h.service.sweep()).toMatchObject({ calls: 2, readings: 40, deferred: 20 });
    h.clock.advance(30_000);
    expect(await h.service.sweep()).toMatchObject({ calls: 0, readings: 0, deferred: 20 });
    h.clock.advance(31_000);
    expect(await h.service.sweep()).toMatchObject({ calls: 1, readings: 20, deferred: 0 });
  });

  it('Instagram: one call per media, at most the hourly budget per account', async () => {
    h.deps.settings.instagramCallsPerHour = 4;
    const c = await h.account('instagram');
    await h.videos(c, 6);
    h.clock.advance(HOUR);
    expect(await h.service.sweep()).toMatchObject({ calls: 4, readings: 4, deferred: 2 });
    h.clock.advance(HOUR + 60_000);
    expect(await h.service.sweep()).toMatchObject({ calls: 2, readings: 2, deferred: 0 });
  });

  it('YouTube: stats spend at most their share of the daily quota, and leave what the day’s uploads need', async () => {
    h.deps.settings.youtubeDailyQuotaUnits = 100;
    h.deps.settings.youtubeStatsShare = 0.02;
    const c = await h.account('youtube');
    await h.videos(c, 150);
    h.clock.advance(HOUR);
    expect(await h.service.sweep()).toMatchObject({ calls: 2, readings: 100, deferred: 50 });
    h.clock.advance(60_000);
    expect(await h.service.sweep()).toMatchObject({ calls: 0, deferred: 50 });
  });

  it('a dead token: missing with the reason, and the account is not called again until reconnected', async () => {
    const c = await h.account('tiktok');
    const [video] = await h.videos(c, 3);
    h.tokens.dead = true;
    h.clock.advance(HOUR);
    // One attempt: the token is refused before the platform is asked, and no other call follows.
    expect(await h.service.sweep()).toMatchObject({ calls: 1, readings: 3 });
    expect((await snapshotsOf(video!))[0]).toMatchObject({ state: 'missing', counters: null });
    expect((await snapshotsOf(video!))[0]!.reason).toMatch(/reconnected/);

    // The token refresh marks the account; later sweeps record the gap without calling.
    await h.store.connections.update({ ...c, status: 'needs_reconnect' });
    h.clock.advance(5 * HOUR);
    expect(await h.service.sweep()).toMatchObject({ calls: 0, readings: 3 });
    expect((await snapshotsOf(video!)).map((s) => s.state)).toEqual(['missing', 'missing']);
    expect(h.readers.tiktok.calls).toHaveLength(0);
  });

  it('a disconnected account’s videos stop being read', async () => {
    const c = await h.account('tiktok');
    const [video] = await h.videos(c, 2);
    await h.store.connections.delete(c.workspaceId, c.id);
    h.clock.advance(HOUR);
    expect(await h.service.sweep()).toMatchObject({ calls: 0, readings: 0 });
    expect((await reload(video!)).nextSnapshotAt).toBeNull();
    expect(h.readers.tiktok.calls).toHaveLength(0);
  });

  it('plans itself as one recurring job at the next interval boundary', async () => {
    await h.service.planNext();
    await h.service.planNext();
    const jobs = h.queue.live().filter((j) => j.type === 'stats-sync');
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.runAt).toBe(new Date(Math.floor(h.clock.now() / 60_000) * 60_000 + 60_000).toISOString());
  });

  it('a sweep due while one is running joins it instead of asking twice', async () => {
    const c = await h.account('tiktok');
    await h.videos(c, 30);
    h.clock.advance(HOUR);
    const [first, second] = await Promise.all([h.service.sweep(), h.service.sweep()]);
    expect(second).toBe(first);
    expect(h.readers.tiktok.calls).toHaveLength(2);
  });
});
