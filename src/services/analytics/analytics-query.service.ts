import type { DashboardView, TrackedVideoView } from '../../api/analytics.js';
import type { StatsSnapshot } from '../../domain/analytics/stats.js';
import { notFound } from '../../domain/errors.js';
import type { Clock } from '../../ports/clock.js';
import type { Page, PageRequest, Store, TrackedVideoFilter } from '../../ports/store.js';
import { requirePermission, type AuthContext } from '../auth-context.js';
import { AccountDirectory } from './account-directory.js';
import { daysOf, trendWindow, videoFilter, type AnalyticsQuery } from './analytics-filter.js';
import { breakdown, fillTrend } from './dashboard.js';
import { exportedVideos } from './export-rows.js';
import { csvFile, exportFilename, jsonFile, type ExportFile, type ExportFormat } from './stats-export.js';
import { snapshotView, trackedVideoView } from './tracked-video-view.js';

/** Ranked videos on the dashboard. */
export const LEADERBOARD_SIZE = 10;
/** Series offered by the series filter (the most recent). */
export const SERIES_OPTIONS = 100;

export interface AnalyticsQueryDeps {
  store: Store;
  clock: Clock;
}

/** Reading analytics: the dashboard, tracked videos with their readings, and exports. Every member may. */
export class AnalyticsQueryService {
  constructor(private readonly deps: AnalyticsQueryDeps) {}

  /**
   * Totals, trend, leaderboard and filter options, from the store's sums over the videos' newest numbers and
   * the daily gains: no request reads every video or snapshot.
   */
  async dashboard(ctx: AuthContext, query: AnalyticsQuery): Promise<DashboardView> {
    requirePermission(ctx, 'content.view');
    const { store, clock } = this.deps;
    const filter = videoFilter(query);
    const now = clock.now();
    const window = trendWindow(filter, now);
    const { seriesId: _chosen, ...others } = filter;
    const [accounts, summary, top, series, gains] = await Promise.all([
      AccountDirectory.load(store, ctx.workspaceId),
      store.trackedVideos.summarize(ctx.workspaceId, filter),
      store.trackedVideos.topByViewsAt7d(ctx.workspaceId, filter, LEADERBOARD_SIZE),
      store.trackedVideos.listSeries(ctx.workspaceId, others, SERIES_OPTIONS),
      store.snapshots.dailyGains(ctx.workspaceId, gainsFilter(filter, window)),
    ]);
    return {
      ...breakdown(summary, accounts),
      trend: fillTrend(daysOf(window), gains),
      leaderboard: top.map((v) => trackedVideoView(v, accounts.nameOf(v.connectionId))),
      withoutNumbers: summary.withoutNumbers,
      accounts: accounts.all(),
      series: await Promise.all(
        series.map(async (s) => ({
          seriesId: s.seriesId,
          videos: s.videos,
          firstPublishedAt: s.firstPublishedAt,
          firstTopic: s.firstItemId ? await this.topicOf(ctx.workspaceId, s.firstItemId) : null,
        })),
      ),
      asOf: new Date(now).toISOString(),
    };
  }

  /** Tracked videos, newest published first, a page at a time. */
  async listVideos(
    ctx: AuthContext,
    query: AnalyticsQuery,
    page: PageRequest,
  ): Promise<Page<TrackedVideoView>> {
    requirePermission(ctx, 'content.view');
    const filter = videoFilter(query);
    const [accounts, found] = await Promise.all([
      AccountDirectory.load(this.deps.store, ctx.workspaceId),
      this.deps.store.trackedVideos.list(ctx.workspaceId, filter, page),
    ]);
    return {
      items: found.items.map((v) => trackedVideoView(v, accounts.nameOf(v.connectionId))),
      nextCursor: found.nextCursor,
    };
  }

  /** One tracked video with all its readings, oldest first; 404 `tracked_video_not_found`. */
  async video(
    ctx: AuthContext,
    id: string,
  ): Promise<{ video: TrackedVideoView; snapshots: ReturnType<typeof snapshotView>[] }> {
    requirePermission(ctx, 'content.view');
    const { store } = this.deps;
    const video = await store.trackedVideos.find(ctx.workspaceId, id);
    if (!video) throw notFound('tracked_video');
    const [accounts, snapshots]: [AccountDirectory, StatsSnapshot[]] = await Promise.all([
      AccountDirectory.load(store, ctx.workspaceId),
      store.snapshots.listForVideo(ctx.workspaceId, id),
    ]);
    return {
      video: trackedVideoView(video, accounts.nameOf(video.connectionId)),
      snapshots: snapshots.map(snapshotView),
    };
  }

  /**
   * Every reading of every matching video with the video's generation parameters, as CSV (one row per reading)
   * or JSON. The filter is checked before the first byte; the content is then read a chunk of videos at a time.
   */
  async export(ctx: AuthContext, query: AnalyticsQuery, format: ExportFormat): Promise<ExportFile> {
    requirePermission(ctx, 'content.view');
    const { store, clock } = this.deps;
    const filter = videoFilter(query);
    const exportedAt = new Date(clock.now()).toISOString();
    const [accounts, videos] = await Promise.all([
      AccountDirectory.load(store, ctx.workspaceId),
      store.trackedVideos.listAll(ctx.workspaceId, filter),
    ]);
    const rows = exportedVideos(store, ctx.workspaceId, videos, accounts);
    return {
      filename: exportFilename(exportedAt, format),
      contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      body: format === 'csv' ? csvFile(rows) : jsonFile(exportedAt, rows),
    };
  }

  private async topicOf(workspaceId: string, itemId: string): Promise<string | null> {
    const item = await this.deps.store.content.findItem(workspaceId, itemId);
    return item?.brief.topic || null;
  }
}

/** The trend follows the platform, account and series filters over the trend's window. */
function gainsFilter(filter: TrackedVideoFilter, window: { from: string; to: string }) {
  return {
    ...window,
    ...(filter.platform ? { platform: filter.platform } : {}),
    ...(filter.connectionId ? { connectionId: filter.connectionId } : {}),
    ...(filter.seriesId ? { seriesId: filter.seriesId } : {}),
  };
}
