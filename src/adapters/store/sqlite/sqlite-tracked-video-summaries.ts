import type { TrackedVideo } from '../../../domain/analytics/stats.js';
import type { Platform } from '../../../domain/connection.js';
import type { TrackedVideoFilter, TrackedVideoRepository } from '../../../ports/store.js';
import type { Db } from './database.js';
import type { Run } from './sqlite-store.js';

type SummaryQueries = Pick<TrackedVideoRepository, 'summarize' | 'topByViewsAt7d' | 'listSeries'>;

/**
 * The WHERE of a filter with only the clauses it needs. Every column named here, and every column the queries
 * below read, is in the indexes of migration 10 (`tracked_videos_sums`, `tracked_videos_series_sums`), so each
 * query reads an index alone.
 */
function matching(workspaceId: string, filter: TrackedVideoFilter): { sql: string; params: unknown[] } {
  const clauses = ['workspace_id = ?'];
  const params: unknown[] = [workspaceId];
  const add = (clause: string, value: unknown) => {
    clauses.push(clause);
    params.push(value);
  };
  if (filter.platform) add('platform = ?', filter.platform);
  if (filter.connectionId) add('connection_id = ?', filter.connectionId);
  if (filter.seriesId) add('series_id = ?', filter.seriesId);
  if (filter.source) add('source = ?', filter.source);
  if (filter.from) add('published_at >= ?', new Date(filter.from).toISOString());
  if (filter.to) add('published_at < ?', new Date(filter.to).toISOString());
  return { sql: clauses.join(' AND '), params };
}

const SUMS_INDEX = 'INDEXED BY tracked_videos_sums';

interface SumRow {
  connection_id: string;
  platform: Platform;
  videos: number;
  views: number;
  likes: number;
  comments: number;
  shares: number;
  no_stats: number;
  lagging: number;
  missing: number;
}

/** The dashboard's queries over tracked videos: sums, the leaderboard and the series, each one statement. */
export function sqliteTrackedVideoSummaries(db: Db, run: Run): SummaryQueries {
  return {
    summarize: (workspaceId, filter) =>
      run(() => {
        const where = matching(workspaceId, filter);
        const rows = db
          .prepare(
            `SELECT connection_id, platform, COUNT(*) AS videos, TOTAL(latest_views) AS views,
               TOTAL(latest_likes) AS likes, TOTAL(latest_comments) AS comments, TOTAL(latest_shares) AS shares,
               COUNT(*) FILTER (WHERE latest_state = 'no_stats') AS no_stats,
               COUNT(*) FILTER (WHERE latest_state = 'lagging') AS lagging,
               COUNT(*) FILTER (WHERE latest_state = 'missing') AS missing
             FROM tracked_videos ${SUMS_INDEX} WHERE ${where.sql}
             GROUP BY connection_id, platform ORDER BY connection_id`,
          )
          .all(...where.params) as SumRow[];
        return {
          byConnection: rows.map((r) => ({
            connectionId: r.connection_id,
            platform: r.platform,
            videos: r.videos,
            views: r.views,
            likes: r.likes,
            comments: r.comments,
            shares: r.shares,
          })),
          withoutNumbers: {
            no_stats: rows.reduce((n, r) => n + r.no_stats, 0),
            lagging: rows.reduce((n, r) => n + r.lagging, 0),
            missing: rows.reduce((n, r) => n + r.missing, 0),
          },
        };
      }),
    topByViewsAt7d: (workspaceId, filter, limit) =>
      run(() => {
        const where = matching(workspaceId, filter);
        // The ranking is worked out on the index; only the few winners' JSON is read.
        const rows = db
          .prepare(
            `WITH ranked AS (
               SELECT id, views_at_7d FROM tracked_videos ${SUMS_INDEX}
               WHERE ${where.sql} AND views_at_7d IS NOT NULL ORDER BY views_at_7d DESC, id LIMIT ?
             )
             SELECT t.data FROM ranked JOIN tracked_videos t ON t.id = ranked.id
             ORDER BY ranked.views_at_7d DESC, ranked.id`,
          )
          .all(...where.params, limit) as { data: string }[];
        return rows.map((r) => JSON.parse(r.data) as TrackedVideo);
      }),
    listSeries: (workspaceId, filter, limit) =>
      run(() => {
        const where = matching(workspaceId, filter);
        const rows = db
          .prepare(
            `SELECT series_id, COUNT(*) AS videos, MIN(published_at) AS first_published_at,
               MIN(item_id) AS first_item_id
             FROM tracked_videos INDEXED BY tracked_videos_series_sums WHERE ${where.sql} AND series_id IS NOT NULL
             GROUP BY series_id ORDER BY first_published_at DESC, series_id LIMIT ?`,
          )
          .all(...where.params, limit) as {
          series_id: string;
          videos: number;
          first_published_at: string;
          first_item_id: string | null;
        }[];
        return rows.map((r) => ({
          seriesId: r.series_id,
          videos: r.videos,
          firstPublishedAt: r.first_published_at,
          firstItemId: r.first_item_id,
        }));
      }),
  };
}
