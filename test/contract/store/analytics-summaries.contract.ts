import { describe, expect, it } from 'vitest';
import type { TrackedVideo } from '../../../src/domain/analytics/stats.js';
import { newId } from '../../../src/domain/ids.js';
import type { Store } from '../../../src/ports/store.js';
import { counters, hoursAfterNow, snapshot, trackedVideo } from './analytics-fixtures.js';
import { EARLIER, freshStore, LATER, NOW, workspaceWith } from './fixtures.js';
import type { OpenStore } from './harness.js';

/** The dashboard's sums over tracked videos: totals per connection, the leaderboard, the series, the trend by series. */
export function analyticsSummariesStoreContract(adapter: string, open: OpenStore): void {
  describe(`Store contract, analytics summaries: ${adapter}`, () => {
    const opened = freshStore(open);

    async function created(store: Store, ...videos: TrackedVideo[]): Promise<TrackedVideo[]> {
      for (const v of videos) await store.trackedVideos.create(v);
      return videos;
    }
    const read = (views: number, over: Partial<TrackedVideo> = {}): Partial<TrackedVideo> => ({
      latest: counters(views),
      latestAt: NOW,
      latestState: 'ok',
      ...over,
    });

    it('sums the newest numbers per connection and counts videos without numbers by state, never as 0', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const [tiktok, youtube] = [newId(), newId()];
      const [, , silent] = await created(
        store,
        trackedVideo(ws.id, { connectionId: tiktok, ...read(100) }),
        trackedVideo(ws.id, { connectionId: tiktok, ...read(50) }),
        trackedVideo(ws.id, { connectionId: tiktok, latestState: 'no_stats', latestAt: NOW }),
        trackedVideo(ws.id, { connectionId: youtube, platform: 'youtube', ...read(1000) }),
        trackedVideo(ws.id, { connectionId: youtube, platform: 'youtube', latestState: 'lagging' }),
        trackedVideo(ws.id, { connectionId: youtube, platform: 'youtube', latestState: 'missing' }),
        trackedVideo(ws.id, { connectionId: youtube, platform: 'youtube' }),
      );
      await created(store, trackedVideo(other.id, { connectionId: newId(), ...read(99_999) }));

      const summary = await store.trackedVideos.summarize(ws.id, {});
      expect(
        [...summary.byConnection].sort((a, b) => a.views - b.views).map((c) => [c.connectionId, c.platform]),
      ).toEqual([
        [tiktok, 'tiktok'],
        [youtube, 'youtube'],
      ]);
      const byId = new Map(summary.byConnection.map((c) => [c.connectionId, c]));
      expect(byId.get(tiktok)).toMatchObject({ videos: 3, views: 150, likes: 15, comments: 1, shares: 2 });
      expect(byId.get(youtube)).toMatchObject({
        videos: 4,
        views: 1000,
        likes: 100,
        comments: 10,
        shares: 1,
      });
      expect(summary.withoutNumbers).toEqual({ no_stats: 1, lagging: 1, missing: 1 });

      // A new reading updates the video, and the sums and the ranking follow it.
      await store.trackedVideos.update({ ...silent!, ...read(1000), viewsAt7d: 1000 });
      const after = await store.trackedVideos.summarize(ws.id, { connectionId: tiktok });
      expect(after.byConnection.map((c) => c.views)).toEqual([1150]);
      expect(after.withoutNumbers.no_stats).toBe(0);
      expect((await store.trackedVideos.topByViewsAt7d(ws.id, {}, 5)).map((v) => v.id)).toEqual([silent!.id]);

      const filtered = await store.trackedVideos.summarize(ws.id, { platform: 'youtube' });
      expect(filtered.byConnection.map((c) => c.connectionId)).toEqual([youtube]);
      expect(filtered.withoutNumbers).toEqual({ no_stats: 0, lagging: 1, missing: 1 });
      expect(await store.trackedVideos.summarize(ws.id, { from: LATER })).toEqual({
        byConnection: [],
        withoutNumbers: { no_stats: 0, lagging: 0, missing: 0 },
      });
    });

    it('ranks matching videos by views at 7 days, most first, leaving out those without that number', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const seriesId = newId();
      const [low, high, , mid] = await created(
        store,
        trackedVideo(ws.id, { viewsAt7d: 10, seriesId }),
        trackedVideo(ws.id, { viewsAt7d: 5000, publishedAt: EARLIER }),
        trackedVideo(ws.id, { ...read(1_000_000) }), // younger than 7 days: not ranked
        trackedVideo(ws.id, { viewsAt7d: 300, platform: 'instagram', seriesId }),
      );
      await created(store, trackedVideo(other.id, { viewsAt7d: 1_000_000 }));
      const ids = (videos: TrackedVideo[]) => videos.map((v) => v.id);

      expect(ids(await store.trackedVideos.topByViewsAt7d(ws.id, {}, 10))).toEqual(ids([high!, mid!, low!]));
      expect(ids(await store.trackedVideos.topByViewsAt7d(ws.id, {}, 2))).toEqual(ids([high!, mid!]));
      expect(ids(await store.trackedVideos.topByViewsAt7d(ws.id, { seriesId }, 10))).toEqual(
        ids([mid!, low!]),
      );
      expect(ids(await store.trackedVideos.topByViewsAt7d(ws.id, { from: NOW }, 10))).toEqual(
        ids([mid!, low!]),
      );
      expect((await store.trackedVideos.topByViewsAt7d(ws.id, {}, 1))[0]).toEqual(high);
    });

    it('lists the series of matching videos, newest first, with their first item, in the workspace only', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const [older, newer] = [newId(), newId()];
      const [firstItem, secondItem] = ['item-a', 'item-b'];
      await created(
        store,
        trackedVideo(ws.id, { seriesId: older, publishedAt: EARLIER, itemId: secondItem }),
        trackedVideo(ws.id, { seriesId: older, publishedAt: NOW, itemId: firstItem }),
        trackedVideo(ws.id, { seriesId: newer, publishedAt: LATER, itemId: null, platform: 'youtube' }),
        trackedVideo(ws.id, { seriesId: null }),
      );
      await created(store, trackedVideo(other.id, { seriesId: newId(), publishedAt: hoursAfterNow(100) }));

      expect(await store.trackedVideos.listSeries(ws.id, {}, 10)).toEqual([
        { seriesId: newer, videos: 1, firstPublishedAt: LATER, firstItemId: null },
        { seriesId: older, videos: 2, firstPublishedAt: EARLIER, firstItemId: firstItem },
      ]);
      expect((await store.trackedVideos.listSeries(ws.id, {}, 1)).map((s) => s.seriesId)).toEqual([newer]);
      expect(
        (await store.trackedVideos.listSeries(ws.id, { platform: 'tiktok' }, 10)).map((s) => s.seriesId),
      ).toEqual([older]);
    });

    it('sums the daily gains of one series only', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const seriesId = newId();
      const [inSeries, outside] = await created(
        store,
        trackedVideo(ws.id, { seriesId }),
        trackedVideo(ws.id, { seriesId: null }),
      );
      await store.snapshots.append([
        snapshot(inSeries!, 1, 100),
        snapshot(inSeries!, 24, 160),
        snapshot(outside!, 1, 7000),
      ]);
      const window = { from: EARLIER, to: hoursAfterNow(100) };
      expect(
        (await store.snapshots.dailyGains(ws.id, { ...window, seriesId })).map((d) => [d.day, d.views]),
      ).toEqual([
        ['2026-01-15', 100],
        ['2026-01-16', 60],
      ]);
      expect(await store.snapshots.dailyGains(ws.id, { ...window, seriesId: newId() })).toEqual([]);
    });
  });
}
