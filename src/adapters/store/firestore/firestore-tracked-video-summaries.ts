import type { TrackedVideo } from '../../../domain/analytics/stats.js';
import type { ConnectionTotals, TrackedVideoFilter, TrackedVideoRepository } from '../../../ports/store.js';
import { utc } from './firestore-sorted-scan.js';

type SummaryQueries = Pick<TrackedVideoRepository, 'summarize' | 'topByViewsAt7d' | 'listSeries'>;
type ListAll = (workspaceId: string, filter: TrackedVideoFilter) => Promise<TrackedVideo[]>;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The dashboard's sums over tracked videos. Firestore has no GROUP BY, so they are worked out here from the
 * matching videos of one workspace (an indexed, workspace-scoped query) and their denormalized newest counters
 * (`latest`, `latestState`, `viewsAt7d`); no snapshot is read.
 */
export function trackedVideoSummaries(listAll: ListAll): SummaryQueries {
  return {
    summarize: async (workspaceId, filter) => {
      const totals = new Map<string, ConnectionTotals>();
      const withoutNumbers = { no_stats: 0, lagging: 0, missing: 0 };
      for (const v of await listAll(workspaceId, filter)) {
        const row = totals.get(v.connectionId) ?? {
          connectionId: v.connectionId,
          platform: v.platform,
          videos: 0,
          views: 0,
          likes: 0,
          comments: 0,
          shares: 0,
        };
        row.videos += 1;
        row.views += v.latest?.views ?? 0;
        row.likes += v.latest?.likes ?? 0;
        row.comments += v.latest?.comments ?? 0;
        row.shares += v.latest?.shares ?? 0;
        totals.set(v.connectionId, row);
        if (v.latestState && v.latestState !== 'ok') withoutNumbers[v.latestState] += 1;
      }
      const byConnection = [...totals.values()].sort((a, b) => byText(a.connectionId, b.connectionId));
      return { byConnection, withoutNumbers };
    },
    topByViewsAt7d: async (workspaceId, filter, limit) =>
      (await listAll(workspaceId, filter))
        .filter((v) => v.viewsAt7d !== null)
        .sort((a, b) => b.viewsAt7d! - a.viewsAt7d! || byText(a.id, b.id))
        .slice(0, limit),
    listSeries: async (workspaceId, filter, limit) => {
      const series = new Map<
        string,
        { videos: number; firstPublishedAt: string; firstItemId: string | null }
      >();
      for (const v of await listAll(workspaceId, filter)) {
        if (!v.seriesId) continue;
        const publishedAt = utc(v.publishedAt);
        const row = series.get(v.seriesId) ?? { videos: 0, firstPublishedAt: publishedAt, firstItemId: null };
        row.videos += 1;
        if (publishedAt < row.firstPublishedAt) row.firstPublishedAt = publishedAt;
        if (v.itemId !== null && (row.firstItemId === null || v.itemId < row.firstItemId))
          row.firstItemId = v.itemId;
        series.set(v.seriesId, row);
      }
      return [...series.entries()]
        .map(([seriesId, row]) => ({ seriesId, ...row }))
        .sort((a, b) => byText(b.firstPublishedAt, a.firstPublishedAt) || byText(a.seriesId, b.seriesId))
        .slice(0, limit);
    },
  };
}
