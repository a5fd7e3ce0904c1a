import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalMediaStore } from '../../src/adapters/media-store/local-media-store.js';
import { SqliteStore } from '../../src/adapters/store/sqlite/sqlite-store.js';
import type { Platform, TokenPair } from '../../src/domain/connection.js';
import { UserError } from '../../src/domain/errors.js';
import type { EnqueueOptions, JobQueue, JobType } from '../../src/ports/job-queue.js';
import {
  DEFAULT_PUBLISHING_SETTINGS,
  type PublishingDeps,
  type PublishingSettings,
} from '../../src/services/publishing/publishing-deps.js';
import { PublishingService } from '../../src/services/publishing/publishing.service.js';
import { FakeClock } from './fake-clock.js';
import { FakePublisher } from './fake-publisher.js';
import { approvedVersionFixture } from './publishing-fixture.js';

/** A planned job as the recording queue saw it. */
export interface PlannedJob {
  id: string;
  type: string;
  workspaceId: string;
  payload: unknown;
  runAt: string | undefined;
  key: string | undefined;
  canceled: boolean;
}

/** A queue that only records what was planned (idempotency keys honoured, like the real engines). */
export class RecordingQueue implements JobQueue {
  readonly jobs: PlannedJob[] = [];

  async enqueue<P>(type: JobType<P>, workspaceId: string, payload: P, options: EnqueueOptions = {}) {
    const same = options.idempotencyKey && this.jobs.find((j) => j.key === options.idempotencyKey);
    if (same) return same.id;
    const id = `job-${this.jobs.length + 1}`;
    this.jobs.push({
      id,
      type: type.name,
      workspaceId,
      payload,
      runAt: options.runAt,
      key: options.idempotencyKey,
      canceled: false,
    });
    return id;
  }

  async cancel(jobId: string) {
    const job = this.jobs.find((j) => j.id === jobId);
    if (!job || job.canceled) return false;
    job.canceled = true;
    return true;
  }

  /** Jobs still planned (not canceled). */
  live(): PlannedJob[] {
    return this.jobs.filter((j) => !j.canceled);
  }

  last(): PlannedJob | undefined {
    return this.live().at(-1);
  }
}

/** Lends a fixed token; `dead` makes every call fail as a revoked grant would after the refresh. */
export class FakeTokenRefresh {
  dead = false;
  async withAccessToken<T>(_ws: string, _id: string, call: (tokens: TokenPair) => Promise<T>): Promise<T> {
    if (this.dead)
      throw new UserError('needs_reconnect', 'needs_reconnect', 'Reconnect this account to continue');
    return call({ accessToken: 'access-token', refreshToken: null });
  }
}

/** The publishing service on a fresh SQLite file and media folder, with fake publishers, queue, tokens and clock. */
export function publishingHarness(settings: Partial<PublishingSettings> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'aif-publishing-'));
  const store = SqliteStore.open(join(dir, 'db.sqlite'));
  const mediaRoot = join(dir, 'media');
  const media = new LocalMediaStore(mediaRoot);
  const clock = new FakeClock(Date.parse('2026-05-01T12:00:00Z'));
  const queue = new RecordingQueue();
  const tokens = new FakeTokenRefresh();
  const publishers: Record<Platform, FakePublisher> = {
    tiktok: new FakePublisher('tiktok'),
    instagram: new FakePublisher('instagram'),
    youtube: new FakePublisher('youtube'),
  };
  const deps: PublishingDeps = {
    store,
    clock,
    queue,
    media,
    publishers,
    tokenRefresh: tokens,
    videoLinks: {
      urlFor: (ws, id, exp) => `https://app.test/public/publications/${ws}/${id}/video.mp4?exp=${exp}`,
    },
    settings: { ...DEFAULT_PUBLISHING_SETTINGS, ...settings },
  };
  return {
    store,
    media,
    mediaRoot,
    clock,
    queue,
    tokens,
    publishers,
    deps,
    /** A new service over the same store, as a restarted process would build it. */
    service: () => new PublishingService(deps),
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The harness's approved version and a private TikTok Direct Post of it, created through the service. */
export async function selfOnlyTiktokPublication(
  h: ReturnType<typeof publishingHarness>,
  service = h.service(),
) {
  const f = await approvedVersionFixture(h.store, h.mediaRoot);
  const p = await service.create(
    f.ctx,
    {
      versionId: f.version.id,
      connectionId: f.connections.tiktok.id,
      options: { mode: 'direct', privacyLevel: 'SELF_ONLY', disableStitch: true },
    },
    null,
  );
  return { f, p };
}
