import { factorsOfBrief } from '../../domain/analytics/factors.js';
import { firstReading } from '../../domain/analytics/reading-plan.js';
import type { TrackedVideo } from '../../domain/analytics/stats.js';
import { newId } from '../../domain/ids.js';
import type { Publication } from '../../domain/publishing/publication.js';
import type { StatsSyncDeps } from './stats-sync-deps.js';

/**
 * Starts following a published video's numbers once its post id is known: its factors from the brief, its
 * first reading at 1 h (or, when the post id came late, at the latest age it has reached, now). Idempotent.
 */
export async function startTracking(
  deps: Pick<StatsSyncDeps, 'store' | 'clock'>,
  p: Publication,
): Promise<void> {
  if (!p.platformPostId || !p.publishedAt) return;
  if (await deps.store.trackedVideos.findByPost(p.connectionId, p.platformPostId)) return;
  const item = await deps.store.content.findItem(p.workspaceId, p.itemId);
  if (!item) return;
  const version = await deps.store.content.findVersion(p.workspaceId, p.versionId);
  const now = deps.clock.now();
  const first = firstReading(p.publishedAt, now);
  const at = new Date(now).toISOString();
  const video: TrackedVideo = {
    id: newId(),
    workspaceId: p.workspaceId,
    connectionId: p.connectionId,
    platform: p.platform,
    platformPostId: p.platformPostId,
    source: 'published',
    publicationId: p.id,
    itemId: p.itemId,
    versionId: p.versionId,
    // Series arrive on items with the recommendations work; read defensively until then.
    seriesId: (item as { seriesId?: string | null }).seriesId ?? null,
    title: item.title,
    url: p.url,
    durationSec: version ? Math.round(version.outputs.media.durationMs / 1000) : null,
    publishedAt: p.publishedAt,
    factors: factorsOfBrief(item.brief, p.publishedAt, p.timeZone),
    nextSnapshotAt: first.at,
    nextSnapshotAgeHours: first.ageHours,
    latest: null,
    latestAt: null,
    latestState: null,
    viewsAt7d: null,
    createdAt: at,
    updatedAt: at,
  };
  await deps.store.trackedVideos.create(video);
}
