import { describe, expect, it } from 'vitest';
import type { TrackedVideo } from '../../../src/domain/analytics/stats.js';
import { newId } from '../../../src/domain/ids.js';
import type { Store, TrackedVideoFilter } from '../../../src/ports/store.js';
import { counters, hoursAfterNow, snapshot, trackedVideo } from './analytics-fixtures.js';
import { allPages, EARLIER, freshStore, LATER, NOW, workspaceWith } from './fixtures.js';
import type { OpenStore } from './harness.js';

/** Tracked videos, their append-only snapshots and the stats call log, on one adapter. */
export function analyticsStoreContract(adapter: string, open: OpenStore): void {
  describe(`Store contract, analytics: ${adapter}`, () => {
    const opened = freshStore(open);
    const ids = (items: { id: string }[]) => items.map((i) => i.id);

    async function created(store: Store, ...videos: TrackedVideo[]): Promise<TrackedVideo[]> {
      for (const v of videos) await store.trackedVideos.create(v);
      return videos;
    }

    it('creates and finds a tracked video, field for field, within its workspace only', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const v = trackedVideo(ws.id, { seriesId: newId(), latest: counters(10, { extra: { reach: 7 } }) });
      expect(await store.trackedVideos.create(v)).toEqual(v);
      expect(await store.trackedVideos.find(ws.id, v.id)).toEqual(v);
      expect(await store.trackedVideos.find(other.id, v.id)).toBeNull();
      expect(await store.trackedVideos.find(ws.id, 'missing')).toBeNull();
      expect(await store.trackedVideos.findByPost(v.connectionId, v.platformPostId)).toEqual(v);
      expect(await store.trackedVideos.findByPost(v.connectionId, 'other-post')).toBeNull();
      expect(await store.trackedVideos.findByPost(newId(), v.platformPostId)).toBeNull();
    });

    it('keeps one tracked video per connection and post: a second create returns the stored one unchanged', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const published = trackedVideo(ws.id);
      await store.trackedVideos.create(published);
      const imported = trackedVideo(ws.id, {
        connectionId: published.connectionId,
        platformPostId: published.platformPostId,
        source: 'imported',
        title: 'Imported copy',
      });
      expect(await store.trackedVideos.create(imported)).toEqual(published);
      expect(await store.trackedVideos.find(ws.id, imported.id)).toBeNull();
      // The same post id on another connection (another account) is another video.
      const elsewhere = trackedVideo(ws.id, { platformPostId: published.platformPostId });
      expect(await store.trackedVideos.create(elsewhere)).toEqual(elsewhere);
    });

    it("never hands out another workspace's video when a create clashes with it", async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const v = trackedVideo(ws.id);
      await store.trackedVideos.create(v);
      const clash = trackedVideo(other.id, {
        connectionId: v.connectionId,
        platformPostId: v.platformPostId,
      });
      await expect(store.trackedVideos.create(clash)).rejects.toMatchObject({
        code: 'tracked_video_conflict',
      });
      expect(await store.trackedVideos.find(other.id, clash.id)).toBeNull();
      expect(await store.trackedVideos.find(ws.id, v.id)).toEqual(v);
    });

    it('updates a tracked video in its own workspace only', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const v = trackedVideo(ws.id);
      await store.trackedVideos.create(v);
      const read = {
        ...v,
        latest: counters(120),
        latestAt: hoursAfterNow(1),
        latestState: 'ok' as const,
        nextSnapshotAt: hoursAfterNow(6),
        nextSnapshotAgeHours: 6,
        updatedAt: hoursAfterNow(1),
      };
      await store.trackedVideos.update(read);
      expect(await store.trackedVideos.find(ws.id, v.id)).toEqual(read);
      await store.trackedVideos.update({ ...read, workspaceId: other.id, title: 'Hijacked' });
      expect(await store.trackedVideos.find(ws.id, v.id)).toEqual(read);
      expect(await store.trackedVideos.find(other.id, v.id)).toBeNull();
    });

    it('lists videos due at a time across workspaces, earliest first, up to the limit', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const [late, early, , done] = await created(
        store,
        trackedVideo(ws.id, { nextSnapshotAt: hoursAfterNow(1) }),
        trackedVideo(other.id, { nextSnapshotAt: hoursAfterNow(-2) }),
        trackedVideo(ws.id, { nextSnapshotAt: hoursAfterNow(3) }),
        trackedVideo(ws.id, { nextSnapshotAt: null, nextSnapshotAgeHours: null }),
      );
      // An instant written with an offset is the same instant.
      expect(ids(await store.trackedVideos.listDue('2026-01-15T14:00:00+01:00', 10))).toEqual(
        ids([early!, late!]),
      );
      expect(ids(await store.trackedVideos.listDue(hoursAfterNow(1), 1))).toEqual(ids([early!]));
      expect(ids(await store.trackedVideos.listDue(hoursAfterNow(-3), 10))).toEqual([]);
      // A reading taken moves the video out of the due list; a finished schedule never comes back.
      await store.trackedVideos.update({ ...early!, nextSnapshotAt: hoursAfterNow(6) });
      expect(ids(await store.trackedVideos.listDue(hoursAfterNow(1), 10))).toEqual(ids([late!]));
      expect(ids(await store.trackedVideos.listDue(hoursAfterNow(10_000), 10))).not.toContain(done!.id);
    });

    it('lists tracked videos newest published first, page by page, with every filter, per workspace', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const connectionId = newId();
      const seriesId = newId();
      const [a, b, c, d] = await created(
        store,
        trackedVideo(ws.id, { publishedAt: EARLIER, connectionId, seriesId }),
        trackedVideo(ws.id, { publishedAt: LATER, platform: 'youtube', source: 'imported' }),
        trackedVideo(ws.id, { publishedAt: NOW, connectionId, seriesId }),
        trackedVideo(ws.id, { publishedAt: hoursAfterNow(-48), platform: 'instagram', source: 'imported' }),
      );
      await created(store, trackedVideo(other.id, { publishedAt: NOW, connectionId, seriesId }));

      const all = await allPages((page) => store.trackedVideos.list(ws.id, {}, page), 3);
      expect(all.pages).toBe(2);
      expect(ids(all.items)).toEqual(ids([b!, c!, a!, d!]));
      expect(ids(await store.trackedVideos.listAll(ws.id, {}))).toEqual(ids([b!, c!, a!, d!]));

      const cases: [TrackedVideoFilter, TrackedVideo[]][] = [
        [{ platform: 'youtube' }, [b!]],
        [{ connectionId }, [c!, a!]],
        [{ seriesId }, [c!, a!]],
        [{ source: 'imported' }, [b!, d!]],
        [{ from: EARLIER, to: LATER }, [c!, a!]],
        [{ from: '2026-01-15T13:00:00+01:00' }, [b!, c!]],
        [{ platform: 'tiktok', source: 'imported' }, []],
      ];
      for (const [filter, expected] of cases) {
        const paged = await allPages((page) => store.trackedVideos.list(ws.id, filter, page), 1);
        expect(ids(paged.items), JSON.stringify(filter)).toEqual(ids(expected));
        expect(ids(await store.trackedVideos.listAll(ws.id, filter)), JSON.stringify(filter)).toEqual(
          ids(expected),
        );
      }
      expect(await store.trackedVideos.list(ws.id, { seriesId: 'none' }, { limit: 5 })).toEqual({
        items: [],
        nextCursor: null,
      });
    });

    it("deletes a connection's videos with their snapshots, in its workspace only", async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const connectionId = newId();
      const [a, b, kept] = await created(
        store,
        trackedVideo(ws.id, { connectionId }),
        trackedVideo(ws.id, { connectionId }),
        trackedVideo(ws.id),
      );
      const [foreign] = await created(store, trackedVideo(other.id, { connectionId }));
      await store.snapshots.append([snapshot(a!, 1, 10), snapshot(kept!, 1, 5), snapshot(foreign!, 1, 3)]);

      expect(await store.trackedVideos.deleteByConnection(other.id, newId())).toBe(0);
      expect(await store.trackedVideos.deleteByConnection(ws.id, connectionId)).toBe(2);
      expect(await store.trackedVideos.find(ws.id, a!.id)).toBeNull();
      expect(await store.trackedVideos.find(ws.id, b!.id)).toBeNull();
      expect(await store.snapshots.listForVideo(ws.id, a!.id)).toEqual([]);
      expect(await store.snapshots.listForVideo(ws.id, kept!.id)).toHaveLength(1);
      expect(await store.snapshots.listForVideo(other.id, foreign!.id)).toHaveLength(1);
    });

    it('appends readings and gives them back oldest first, numbers only on ok readings', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const v = trackedVideo(ws.id, { platform: 'instagram' });
      await store.trackedVideos.create(v);
      const lagging = snapshot(v, 1, null, { state: 'lagging', reason: 'Instagram has no data yet' });
      const ok = snapshot(v, 6, 250, {
        counters: { views: 250, likes: null, comments: 3, shares: 0, extra: { reach: 180, saved: 2 } },
      });
      const noStats = snapshot(v, 24, null, { state: 'no_stats', reason: 'Not enough viewers' });
      // Stored out of order in one call, read back in time order.
      await store.snapshots.append([ok, lagging]);
      await store.snapshots.append([noStats]);
      expect(await store.snapshots.listForVideo(ws.id, v.id)).toEqual([lagging, ok, noStats]);
      expect(await store.snapshots.listForVideo(other.id, v.id)).toEqual([]);
      await store.snapshots.append([]);
      expect(await store.snapshots.listForVideo(ws.id, v.id)).toHaveLength(3);
    });

    it('keeps the first reading of a planned age: a second one at that age is ignored, never overwrites', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const v = trackedVideo(ws.id);
      await store.trackedVideos.create(v);
      const first = snapshot(v, 1, 100);
      await store.snapshots.append([first]);
      await store.snapshots.append([snapshot(v, 1, 999), snapshot(v, 6, 300)]);
      const stored = await store.snapshots.listForVideo(ws.id, v.id);
      expect(stored.map((s) => [s.scheduledAgeHours, s.counters?.views])).toEqual([
        [1, 100],
        [6, 300],
      ]);
      expect(stored[0]).toEqual(first);
    });

    it("refuses, whole, a batch naming another workspace's video", async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const mine = trackedVideo(ws.id);
      const theirs = trackedVideo(other.id);
      await created(store, mine, theirs);
      const intruder = { ...snapshot(theirs, 1, 5), workspaceId: ws.id };
      await expect(store.snapshots.append([snapshot(mine, 1, 10), intruder])).rejects.toThrow();
      expect(await store.snapshots.listForVideo(ws.id, mine.id)).toEqual([]);
      expect(await store.snapshots.listForVideo(other.id, theirs.id)).toEqual([]);
    });

    it('lists the readings of many videos, each oldest first, in the workspace only', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const videos = Array.from({ length: 520 }, () => trackedVideo(ws.id));
      await created(store, ...videos);
      const [foreign] = await created(store, trackedVideo(other.id));
      await store.snapshots.append(videos.flatMap((v) => [snapshot(v, 6, 20), snapshot(v, 1, 10)]));
      await store.snapshots.append([snapshot(foreign!, 1, 1)]);

      const listed = await store.snapshots.listForVideos(ws.id, [...ids(videos), foreign!.id]);
      expect(listed).toHaveLength(1040);
      const byVideo = new Map<string, number[]>();
      for (const s of listed)
        byVideo.set(s.trackedVideoId, [...(byVideo.get(s.trackedVideoId) ?? []), s.scheduledAgeHours]);
      expect(byVideo.size).toBe(520);
      expect([...byVideo.values()].every((ages) => ages.join() === '1,6')).toBe(true);
      expect(await store.snapshots.listForVideos(ws.id, [])).toEqual([]);
    });

    it('sums views gained per UTC day from consecutive ok readings, per filter and workspace', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const published = trackedVideo(ws.id);
      const imported = trackedVideo(ws.id, {
        platform: 'youtube',
        source: 'imported',
        publishedAt: '2025-12-01T09:00:00.000Z',
      });
      const foreign = trackedVideo(other.id);
      await created(store, published, imported, foreign);
      const at = (hours: number) => ({ takenAt: hoursAfterNow(hours), ageHours: hours });
      await store.snapshots.append([
        snapshot(published, 1, 100), // day 15: from 0 at publishing
        snapshot(published, 6, 150), // day 15
        snapshot(published, 24, 400), // day 16, exactly at LATER
        snapshot(published, 48, null), // a failed read gains nothing and breaks nothing
        snapshot(published, 168, 1000), // day 22
        snapshot(imported, 672, 5000, at(2)), // day 15: the baseline only
        snapshot(imported, 840, 5600, at(26)), // day 16
        snapshot(foreign, 1, 70_000),
      ]);
      const everything = { from: EARLIER, to: '2026-03-01T00:00:00Z' };
      expect(await store.snapshots.dailyGains(ws.id, everything)).toEqual([
        { day: '2026-01-15', views: 150, likes: 15, comments: 1, shares: 1 },
        { day: '2026-01-16', views: 850, likes: 85, comments: 9, shares: 0 },
        { day: '2026-01-22', views: 600, likes: 60, comments: 6, shares: 0 },
      ]);
      // [from, to): the reading taken exactly at `to` is left out.
      expect(await store.snapshots.dailyGains(ws.id, { from: NOW, to: LATER })).toEqual([
        { day: '2026-01-15', views: 150, likes: 15, comments: 1, shares: 1 },
      ]);
      expect(
        (await store.snapshots.dailyGains(ws.id, { ...everything, platform: 'youtube' })).map((d) => d.views),
      ).toEqual([600]);
      expect(
        (
          await store.snapshots.dailyGains(ws.id, { ...everything, connectionId: published.connectionId })
        ).map((d) => d.views),
      ).toEqual([150, 250, 600]);
      expect(await store.snapshots.dailyGains(other.id, { from: LATER, to: everything.to })).toEqual([]);
    });

    it('counts stats call units since a time, per connection or across workspaces per platform, and forgets old ones', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const [mine, theirs] = [newId(), newId()];
      const call = (workspaceId: string, connectionId: string, at: string, units = 1) =>
        store.statsCalls.record({ workspaceId, connectionId, platform: 'youtube', at, units });
      await call(ws.id, mine, EARLIER, 5);
      await call(ws.id, mine, NOW);
      await call(ws.id, mine, '2026-01-15T13:00:00+01:00'); // NOW, written with an offset
      await call(other.id, theirs, LATER, 2);
      await store.statsCalls.record({
        workspaceId: ws.id,
        connectionId: mine,
        platform: 'tiktok',
        at: LATER,
        units: 1,
      });
      expect(await store.statsCalls.unitsSince({ platform: 'youtube', since: NOW, connectionId: mine })).toBe(
        2,
      );
      expect(await store.statsCalls.unitsSince({ platform: 'youtube', since: NOW })).toBe(4);
      expect(await store.statsCalls.unitsSince({ platform: 'youtube', since: EARLIER })).toBe(9);
      expect(
        await store.statsCalls.unitsSince({ platform: 'tiktok', since: EARLIER, connectionId: mine }),
      ).toBe(1);
      expect(await store.statsCalls.unitsSince({ platform: 'instagram', since: EARLIER })).toBe(0);
      expect(await store.statsCalls.deleteBefore(NOW)).toBe(1);
      expect(await store.statsCalls.unitsSince({ platform: 'youtube', since: EARLIER })).toBe(4);
    });
  });
}
