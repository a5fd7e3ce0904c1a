import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/adapters/store/sqlite/sqlite-store.js';
import type { Connection, Platform } from '../../src/domain/connection.js';
import type { TrackedVideo } from '../../src/domain/analytics/stats.js';
import {
  DEFAULT_STATS_SYNC_SETTINGS,
  type StatsSyncDeps,
  type StatsSyncSettings,
} from '../../src/services/analytics/stats-sync-deps.js';
import { StatsSyncService } from '../../src/services/analytics/stats-sync.service.js';
import { connection, user, workspaceWith } from '../contract/store/fixtures.js';
import { trackedVideo } from '../contract/store/analytics-fixtures.js';
import { FakeClock } from './fake-clock.js';
import { FakeStatsReader } from './fake-stats-reader.js';
import { FakeTokenRefresh, RecordingQueue } from './publishing-harness.js';

/** The stats sync on a fresh SQLite file, with fake readers (TikTok 20, Instagram 1, YouTube 50 ids a call). */
export function statsSyncHarness(settings: Partial<StatsSyncSettings> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'aif-stats-'));
  const store = SqliteStore.open(join(dir, 'db.sqlite'));
  const clock = new FakeClock(Date.parse('2026-05-01T12:00:00Z'));
  const queue = new RecordingQueue();
  const tokens = new FakeTokenRefresh();
  const readers: Record<Platform, FakeStatsReader> = {
    tiktok: new FakeStatsReader('tiktok', 20),
    instagram: new FakeStatsReader('instagram', 1),
    youtube: new FakeStatsReader('youtube', 50),
  };
  const deps: StatsSyncDeps = {
    store,
    clock,
    queue,
    readers,
    tokenRefresh: tokens,
    settings: { ...DEFAULT_STATS_SYNC_SETTINGS, ...settings },
  };
  return {
    store,
    clock,
    queue,
    tokens,
    readers,
    deps,
    service: new StatsSyncService(deps),
    /** A workspace with one connection on `platform`. */
    async account(platform: Platform = 'tiktok'): Promise<Connection> {
      const owner = user();
      await store.users.create(owner);
      const ws = await workspaceWith(store, { user: owner, role: 'owner' });
      const c = connection(ws.id, { platform });
      await store.connections.create(c);
      return c;
    },
    /** `count` videos of `c` published now (their 1 h reading next). */
    async videos(c: Connection, count: number): Promise<TrackedVideo[]> {
      const publishedAt = new Date(clock.now()).toISOString();
      const made: TrackedVideo[] = [];
      for (let i = 0; i < count; i++) {
        const v = trackedVideo(c.workspaceId, {
          connectionId: c.id,
          platform: c.platform,
          platformPostId: `${c.platform}-${i}-${made.length}-${Math.random().toString(36).slice(2)}`,
          publishedAt,
          createdAt: publishedAt,
          updatedAt: publishedAt,
          nextSnapshotAt: new Date(clock.now() + 3_600_000).toISOString(),
        });
        made.push(await store.trackedVideos.create(v));
      }
      return made;
    },
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
