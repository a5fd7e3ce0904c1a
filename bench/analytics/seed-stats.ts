import { SNAPSHOT_AGES_HOURS } from '../../src/domain/analytics/snapshot-schedule.js';
import type { SnapshotState, StatsSnapshot, TrackedVideo } from '../../src/domain/analytics/stats.js';
import { PLATFORMS, type Connection, type Platform } from '../../src/domain/connection.js';
import { newId } from '../../src/domain/ids.js';
import type { Store } from '../../src/ports/store.js';
import { benchConnection } from '../publishing/bench-connection.js';

const HOUR = 3_600_000;
/** Readings without numbers, one in this many (the rest are ok), so the states are part of the load. */
const WITHOUT_NUMBERS_EVERY = 20;
const STATES_WITHOUT_NUMBERS: SnapshotState[] = ['no_stats', 'lagging', 'missing'];
const VIDEOS_PER_SERIES = 5;

/** A seeded stream of numbers in [0, 1), so every run stores the same workspace. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface SeedSize {
  videos: number;
  readingsPerVideo: number;
  accounts: number;
}

/** Connections of the workspace, the platforms in turn (no tokens: the dashboard never calls a platform). */
export async function seedAccounts(store: Store, workspaceId: string, count: number): Promise<Connection[]> {
  const now = new Date().toISOString();
  const accounts: Connection[] = [];
  for (let i = 0; i < count; i++) {
    const platform: Platform = PLATFORMS[i % PLATFORMS.length]!;
    const connection = benchConnection({
      workspaceId,
      platform,
      externalAccountId: `bench-account-${i}`,
      displayName: `Bench account ${i}`,
      scopes: [],
      now,
    });
    await store.connections.create(connection);
    accounts.push(connection);
  }
  return accounts;
}

/**
 * Tracked videos published over the last months, each with its first `readingsPerVideo` planned readings (all in
 * the past), growing views and a share of readings without numbers; the videos' denormalized newest numbers and
 * views at 7 days are set as the sync would set them.
 */
export async function seedTrackedVideos(
  store: Store,
  workspaceId: string,
  accounts: Connection[],
  size: Omit<SeedSize, 'accounts'>,
  nowMs: number,
): Promise<{ seriesIds: string[] }> {
  const random = seeded(11);
  const ages = SNAPSHOT_AGES_HOURS.slice(0, size.readingsPerVideo);
  const lastAge = ages[ages.length - 1]!;
  const spreadHours = 120 * 24;
  const seriesIds: string[] = [];
  for (let i = 0; i < size.videos; i++) {
    const account = accounts[i % accounts.length]!;
    const publishedMs = nowMs - (lastAge + 1 + random() * spreadHours) * HOUR;
    const publishedAt = new Date(publishedMs).toISOString();
    if (i % VIDEOS_PER_SERIES === 0) seriesIds.push(newId());
    const scale = Math.exp(random() * 4) * 50;
    const viewsAt = (age: number) => Math.round(scale * Math.log2(2 + age));
    const video: TrackedVideo = {
      id: newId(),
      workspaceId,
      connectionId: account.id,
      platform: account.platform,
      platformPostId: `post-${i}`,
      source: i % 4 === 0 ? 'imported' : 'published',
      publicationId: null,
      itemId: null,
      versionId: null,
      seriesId: seriesIds[seriesIds.length - 1]!,
      title: `Bench video ${i}`,
      url: null,
      durationSec: 20 + (i % 40),
      publishedAt,
      factors: { duration: '10-20s', postingHour: String(new Date(publishedMs).getUTCHours()) },
      nextSnapshotAt: null,
      nextSnapshotAgeHours: null,
      latest: null,
      latestAt: null,
      latestState: null,
      viewsAt7d: null,
      createdAt: publishedAt,
      updatedAt: publishedAt,
    };
    const readings: StatsSnapshot[] = ages.map((age, n) => {
      const state: SnapshotState =
        (i * ages.length + n) % WITHOUT_NUMBERS_EVERY === 0
          ? STATES_WITHOUT_NUMBERS[(i + n) % STATES_WITHOUT_NUMBERS.length]!
          : 'ok';
      const views = viewsAt(age);
      return {
        id: newId(),
        workspaceId,
        trackedVideoId: video.id,
        connectionId: account.id,
        platform: account.platform,
        scheduledAgeHours: age,
        ageHours: age + 0.02,
        takenAt: new Date(publishedMs + (age + 0.02) * HOUR).toISOString(),
        state,
        counters:
          state === 'ok'
            ? { views, likes: Math.round(views / 12), comments: Math.round(views / 90), shares: 3, extra: {} }
            : null,
        reason: state === 'ok' ? null : 'Seeded reading without numbers',
      };
    });
    const lastOk = readings.filter((r) => r.state === 'ok').at(-1);
    const last = readings.at(-1)!;
    const at7d = readings.find((r) => r.scheduledAgeHours === 168);
    await store.trackedVideos.create({
      ...video,
      latest: lastOk?.counters ?? null,
      latestAt: last.takenAt,
      latestState: last.state,
      viewsAt7d: at7d?.counters?.views ?? null,
    });
    await store.snapshots.append(readings);
  }
  return { seriesIds };
}
