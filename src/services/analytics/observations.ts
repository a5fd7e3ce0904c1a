import { createHash } from 'node:crypto';
import type { StatsSnapshot, TrackedVideo } from '../../domain/analytics/stats.js';
import type { Observation } from '../../domain/learning/index.js';

/**
 * The learning loop's view of tracked videos: one observation per video, its readings as views by age. A reading
 * without numbers (no stats, lagging, missing, or a platform that omitted the counter) is `views: null`, never 0.
 */
export function toObservations(
  videos: readonly TrackedVideo[],
  snapshots: readonly StatsSnapshot[],
): Observation[] {
  const byVideo = new Map<string, StatsSnapshot[]>();
  for (const snapshot of snapshots) {
    const list = byVideo.get(snapshot.trackedVideoId);
    if (list) list.push(snapshot);
    else byVideo.set(snapshot.trackedVideoId, [snapshot]);
  }
  return videos.map((video) => ({
    videoId: video.id,
    accountId: video.connectionId,
    platform: video.platform,
    factors: { ...video.factors },
    publishedAt: video.publishedAt,
    snapshots: (byVideo.get(video.id) ?? [])
      .map((s) => ({ ageHours: s.ageHours, views: s.state === 'ok' ? (s.counters?.views ?? null) : null }))
      .sort((a, b) => a.ageHours - b.ageHours),
  }));
}

/** True when at least one reading of the video has views: the videos a model can learn from. */
export const hasViews = (observation: Observation): boolean =>
  observation.snapshots.some((s) => s.views !== null);

/**
 * A digest of what a fit depends on: the videos with their factors, how many readings there are and the newest
 * one. Snapshots are append-only, so a new reading always changes the count or the newest time.
 */
export function dataFingerprint(
  videos: readonly TrackedVideo[],
  snapshots: readonly StatsSnapshot[],
): string {
  const hash = createHash('sha256');
  for (const video of [...videos].sort((a, b) => a.id.localeCompare(b.id))) {
    hash.update(`${video.id}|${video.connectionId}|${JSON.stringify(video.factors)}\n`);
  }
  const newest = snapshots.reduce((max, s) => (s.takenAt > max ? s.takenAt : max), '');
  hash.update(`${snapshots.length}|${newest}`);
  return hash.digest('hex');
}
