import type { TrackedVideoView } from '../../api/analytics.js';
import type { StatsSnapshot, TrackedVideo } from '../../domain/analytics/stats.js';

/** What the API shows of a tracked video: no workspace, platform post id or schedule internals. */
export function trackedVideoView(video: TrackedVideo, accountName: string): TrackedVideoView {
  return {
    id: video.id,
    connectionId: video.connectionId,
    accountName,
    platform: video.platform,
    source: video.source,
    itemId: video.itemId,
    seriesId: video.seriesId,
    title: video.title,
    url: video.url,
    publishedAt: video.publishedAt,
    latest: video.latest,
    latestState: video.latestState,
    latestAt: video.latestAt,
    viewsAt7d: video.viewsAt7d,
    factors: video.factors,
  };
}

/** One reading as the API shows it. */
export function snapshotView(s: StatsSnapshot) {
  return {
    id: s.id,
    scheduledAgeHours: s.scheduledAgeHours,
    ageHours: s.ageHours,
    takenAt: s.takenAt,
    state: s.state,
    counters: s.counters,
    reason: s.reason,
  };
}
