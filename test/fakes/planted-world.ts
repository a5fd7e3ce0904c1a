import type { StatsSnapshot, TrackedVideo } from '../../src/domain/analytics/stats.js';
import { durationLevel, postingTimeLevels } from '../../src/domain/analytics/factors.js';
import type { Platform } from '../../src/domain/connection.js';

/** A seeded uniform generator (mulberry32): the same seed draws the same world. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

export interface PlantedAccount {
  connectionId: string;
  platform: Platform;
  /** Typical views at 7 days. */
  baseViews: number;
}

export interface PlantedWorld {
  workspaceId: string;
  accounts: PlantedAccount[];
  videosPerAccount: number;
  /** Natural-log effects per factor level: 0 or absent is "no effect". */
  effects: Record<string, Record<string, number>>;
  noiseSd: number;
  /** Hook styles to draw from (recorded as the `hookStyle` factor). */
  hookStyles?: string[];
  /** The instant the world is looked at; videos are published over the 8 weeks before. */
  now: number;
  seed: number;
}

/**
 * Tracked videos with their readings (1 h, 24 h and, once old enough, 7 days) from a log-normal world with planted
 * effects; every fifth video's 1 h reading is `no_stats` and every seventh's 24 h reading `missing` (never both on
 * one video, so every video has views), so the states without numbers are always part of the data.
 */
export function plantWorld(world: PlantedWorld): { videos: TrackedVideo[]; snapshots: StatsSnapshot[] } {
  const random = seededRandom(world.seed);
  const videos: TrackedVideo[] = [];
  const snapshots: StatsSnapshot[] = [];
  const span = 8 * 7 * 86_400_000;
  for (const account of world.accounts) {
    for (let i = 0; i < world.videosPerAccount; i++) {
      const id = `${account.connectionId}-v${i}`;
      const publishedMs = world.now - 86_400_000 * 2 - Math.floor(random() * span);
      const publishedAt = new Date(publishedMs).toISOString();
      const durationSec = 10 + Math.floor(random() * 81);
      const hooks = world.hookStyles ?? [];
      const factors: Record<string, string> = {
        duration: durationLevel(durationSec),
        ...postingTimeLevels(publishedAt, null),
        ...(hooks.length > 0 ? { hookStyle: hooks[Math.floor(random() * hooks.length)] ?? '' } : {}),
      };
      let log = Math.log(account.baseViews) + world.noiseSd * normal(random);
      for (const [factor, level] of Object.entries(factors)) log += world.effects[factor]?.[level] ?? 0;
      const viewsAt7d = Math.round(Math.exp(log));
      const ageNow = (world.now - publishedMs) / 3_600_000;
      const readings = [1, 24, 168].filter((age) => age <= ageNow);
      for (const age of readings) {
        const state =
          age === 1 && i % 5 === 1
            ? 'no_stats'
            : age === 24 && i % 7 === 3 && i % 5 !== 1
              ? 'missing'
              : ('ok' as const);
        // Views grow toward the 7-day figure: a third by the first day, a twentieth in the first hour.
        const share = age === 1 ? 0.05 : age === 24 ? 0.35 : 1;
        snapshots.push({
          id: `${id}-s${age}`,
          workspaceId: world.workspaceId,
          trackedVideoId: id,
          connectionId: account.connectionId,
          platform: account.platform,
          scheduledAgeHours: age,
          ageHours: age,
          takenAt: new Date(publishedMs + age * 3_600_000).toISOString(),
          state,
          counters:
            state === 'ok'
              ? { views: Math.round(viewsAt7d * share), likes: null, comments: null, shares: null, extra: {} }
              : null,
          reason: state === 'ok' ? null : 'planted',
        });
      }
      videos.push({
        id,
        workspaceId: world.workspaceId,
        connectionId: account.connectionId,
        platform: account.platform,
        platformPostId: `post-${id}`,
        source: 'imported',
        publicationId: null,
        itemId: null,
        versionId: null,
        seriesId: null,
        title: `Video ${i}`,
        url: null,
        durationSec,
        publishedAt,
        factors,
        nextSnapshotAt: null,
        nextSnapshotAgeHours: null,
        latest: null,
        latestAt: null,
        latestState: null,
        viewsAt7d: ageNow >= 168 ? viewsAt7d : null,
        createdAt: publishedAt,
        updatedAt: publishedAt,
      });
    }
  }
  return { videos, snapshots };
}
