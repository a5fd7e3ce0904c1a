import { ageInHours, plannedAgeAtOrBefore } from '../../src/domain/analytics/reading-plan.js';
import { SNAPSHOT_AGES_HOURS } from '../../src/domain/analytics/snapshot-schedule.js';
import type { TrackedVideoSource } from '../../src/domain/analytics/stats.js';
import type { Store } from '../../src/ports/store.js';

/** L5: how complete and how honest the stored snapshot history is. */
export interface SnapshotCoverage {
  videos: number;
  /** Videos with a reading (of any state) at every planned age they were due between being tracked and `at`. */
  complete: number;
  share: number;
  /** Readings without numbers (no_stats, lagging, missing). */
  noData: number;
  /** Of those, readings stored with a number anyway (must be 0). */
  noDataStoredAsZero: number;
}

/**
 * Measures a workspace's history at `at` (ms): a video is due each planned age from the one it had reached when
 * it was tracked (the first, 1 h, for a video tracked at once) up to the one it has reached at `at`.
 */
export async function snapshotCoverage(
  store: Store,
  workspaceId: string,
  at: number,
  source?: TrackedVideoSource,
): Promise<SnapshotCoverage> {
  const videos = await store.trackedVideos.listAll(workspaceId, source ? { source } : {});
  const snapshots = await store.snapshots.listForVideos(
    workspaceId,
    videos.map((v) => v.id),
  );
  const agesByVideo = new Map<string, Set<number>>();
  for (const s of snapshots) {
    const ages = agesByVideo.get(s.trackedVideoId) ?? new Set<number>();
    ages.add(s.scheduledAgeHours);
    agesByVideo.set(s.trackedVideoId, ages);
  }
  let complete = 0;
  for (const video of videos) {
    const from = plannedAgeAtOrBefore(ageInHours(video.publishedAt, Date.parse(video.createdAt))) ?? 0;
    const to = plannedAgeAtOrBefore(ageInHours(video.publishedAt, at)) ?? -1;
    const due = SNAPSHOT_AGES_HOURS.filter((age) => age >= from && age <= to);
    const have = agesByVideo.get(video.id) ?? new Set<number>();
    if (due.every((age) => have.has(age))) complete++;
  }
  const noData = snapshots.filter((s) => s.state !== 'ok');
  return {
    videos: videos.length,
    complete,
    share: videos.length === 0 ? 0 : complete / videos.length,
    noData: noData.length,
    noDataStoredAsZero: noData.filter((s) => s.counters !== null).length,
  };
}
