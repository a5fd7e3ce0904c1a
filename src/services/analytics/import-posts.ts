import { observedFactors } from '../../domain/analytics/factors.js';
import {
  afterReading,
  ageInHours,
  firstReading,
  plannedAgeAtOrBefore,
} from '../../domain/analytics/reading-plan.js';
import type { StatsSnapshot, TrackedVideo } from '../../domain/analytics/stats.js';
import type { Connection } from '../../domain/connection.js';
import { newId } from '../../domain/ids.js';
import type { AccountPost, PlatformStatsReader } from '../../ports/platform-stats.js';
import type { StatsSyncDeps } from './stats-sync-deps.js';

const WEEK_MS = 7 * 86_400_000;
/** A listing that never ends (a platform bug) stops here. */
const MAX_PAGES = 100;

/**
 * Imports a connected account's earlier posts (at most `importMaxPosts`, no older than `importMaxWeeks`): each
 * becomes a tracked video with what can be observed of it, and a first snapshot from the listing's numbers when
 * the listing carries them; otherwise its first reading is due now. Posts already tracked are left alone, so a
 * reconnect imports only what is new. Returns how many were imported.
 */
export async function importEarlierPosts(
  deps: StatsSyncDeps,
  workspaceId: string,
  connectionId: string,
): Promise<number> {
  const connection = await deps.store.connections.findById(workspaceId, connectionId);
  const reader = connection ? deps.readers[connection.platform] : undefined;
  if (!connection || connection.status !== 'active' || !reader || deps.settings.importMaxPosts === 0)
    return 0;
  const oldest = deps.clock.now() - deps.settings.importMaxWeeks * WEEK_MS;
  let imported = 0;
  let seen = 0;
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const listing = await listPage(deps, connection, reader, cursor);
    for (const post of listing.posts) {
      if (seen >= deps.settings.importMaxPosts || Date.parse(post.publishedAt) < oldest) return imported;
      seen++;
      if (await importPost(deps, connection, post)) imported++;
    }
    if (!listing.nextCursor) break;
    cursor = listing.nextCursor;
  }
  return imported;
}

// A listing call counts against the same budgets as readings.
async function listPage(
  deps: StatsSyncDeps,
  connection: Connection,
  reader: PlatformStatsReader,
  cursor: string | null,
) {
  await deps.store.statsCalls.record({
    workspaceId: connection.workspaceId,
    connectionId: connection.id,
    platform: connection.platform,
    at: new Date(deps.clock.now()).toISOString(),
    units: reader.unitsPerCall,
  });
  return deps.tokenRefresh.withAccessToken(connection.workspaceId, connection.id, (tokens) =>
    reader.listPosts(tokens.accessToken, { externalAccountId: connection.externalAccountId }, cursor),
  );
}

async function importPost(deps: StatsSyncDeps, connection: Connection, post: AccountPost): Promise<boolean> {
  if (await deps.store.trackedVideos.findByPost(connection.id, post.platformPostId)) return false;
  const now = deps.clock.now();
  const at = new Date(now).toISOString();
  const first = firstReading(post.publishedAt, now);
  const video: TrackedVideo = {
    id: newId(),
    workspaceId: connection.workspaceId,
    connectionId: connection.id,
    platform: connection.platform,
    platformPostId: post.platformPostId,
    source: 'imported',
    publicationId: null,
    itemId: null,
    versionId: null,
    seriesId: null,
    title: post.title,
    url: post.url,
    durationSec: post.durationSec,
    publishedAt: post.publishedAt,
    factors: observedFactors(post),
    nextSnapshotAt: first.at,
    nextSnapshotAgeHours: first.ageHours,
    latest: null,
    latestAt: null,
    latestState: null,
    viewsAt7d: null,
    createdAt: at,
    updatedAt: at,
  };
  const stored = await deps.store.trackedVideos.create(video);
  if (stored.id !== video.id) return false;
  const age = ageInHours(post.publishedAt, now);
  const reached = plannedAgeAtOrBefore(age);
  // The listing's numbers are the reading at the age the post has reached (TikTok and YouTube list them).
  if (post.counters && reached !== null) {
    const snapshot: StatsSnapshot = {
      id: newId(),
      workspaceId: connection.workspaceId,
      trackedVideoId: video.id,
      connectionId: connection.id,
      platform: connection.platform,
      scheduledAgeHours: reached,
      ageHours: age,
      takenAt: at,
      state: 'ok',
      counters: post.counters,
      reason: null,
    };
    await deps.store.transaction(async (tx) => {
      await tx.snapshots.append([snapshot]);
      await tx.trackedVideos.update(afterReading(video, snapshot));
    });
  }
  return true;
}
