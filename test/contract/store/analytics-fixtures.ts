import type { StatsCounters, StatsSnapshot, TrackedVideo } from '../../../src/domain/analytics/stats.js';
import { newId } from '../../../src/domain/ids.js';
import { NOW } from './fixtures.js';

/** A TikTok video the product published at NOW, its 1 h reading next; `over` changes any field. */
export function trackedVideo(workspaceId: string, over: Partial<TrackedVideo> = {}): TrackedVideo {
  return {
    id: newId(),
    workspaceId,
    connectionId: newId(),
    platform: 'tiktok',
    platformPostId: `post-${newId()}`,
    source: 'published',
    publicationId: newId(),
    itemId: newId(),
    versionId: newId(),
    seriesId: null,
    title: 'Morning habits',
    url: 'https://www.tiktok.com/@creator/video/1',
    durationSec: 18,
    publishedAt: NOW,
    factors: { duration: '10-20s', postingHour: '12-15', weekday: 'thu', voice: 'default' },
    nextSnapshotAt: hoursAfterNow(1),
    nextSnapshotAgeHours: 1,
    latest: null,
    latestAt: null,
    latestState: null,
    viewsAt7d: null,
    createdAt: NOW,
    updatedAt: NOW,
    ...over,
  };
}

/** Counters with these views (likes, comments and shares derived from them) and no extras. */
export function counters(views: number, over: Partial<StatsCounters> = {}): StatsCounters {
  return {
    views,
    likes: Math.floor(views / 10),
    comments: Math.floor(views / 100),
    shares: 1,
    extra: {},
    ...over,
  };
}

/** An ok reading of `video` at `ageHours` after its publishing time, with `views`; `over` changes any field. */
export function snapshot(
  video: TrackedVideo,
  ageHours: number,
  views: number | null,
  over: Partial<StatsSnapshot> = {},
): StatsSnapshot {
  return {
    id: newId(),
    workspaceId: video.workspaceId,
    trackedVideoId: video.id,
    connectionId: video.connectionId,
    platform: video.platform,
    scheduledAgeHours: ageHours,
    ageHours: ageHours + 0.01,
    takenAt: new Date(Date.parse(video.publishedAt) + ageHours * 3_600_000).toISOString(),
    state: views === null ? 'missing' : 'ok',
    counters: views === null ? null : counters(views),
    reason: views === null ? 'TikTok did not answer' : null,
    ...over,
  };
}

/** An ISO time `hours` after NOW (negative: before). */
export function hoursAfterNow(hours: number): string {
  return new Date(Date.parse(NOW) + hours * 3_600_000).toISOString();
}
