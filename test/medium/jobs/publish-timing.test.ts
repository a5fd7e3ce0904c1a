import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/adapters/clock/system-clock.js';
import { EnvelopeVault } from '../../../src/adapters/crypto/envelope-vault.js';
import { newMasterKey, staticKeyRing } from '../../../src/adapters/crypto/key-ring.js';
import { LocalMediaStore } from '../../../src/adapters/media-store/local-media-store.js';
import { InProcessQueue } from '../../../src/adapters/queue/in-process/in-process.queue.js';
import { SqliteStore } from '../../../src/adapters/store/sqlite/sqlite-store.js';
import { publishJob } from '../../../src/jobs/publish.job.js';
import { refreshTokenJob } from '../../../src/jobs/refresh-token.job.js';
import type { IssuedTokens, PlatformConnector } from '../../../src/ports/platform-connector.js';
import { DEFAULT_PUBLISHING_SETTINGS } from '../../../src/services/publishing/publishing-deps.js';
import { PublishingService } from '../../../src/services/publishing/publishing.service.js';
import { RefreshPlanner } from '../../../src/services/refresh-planner.js';
import { nextRefreshAt } from '../../../src/services/refresh-schedule.js';
import { TokenRefreshService } from '../../../src/services/token-refresh.service.js';
import { createLogger } from '../../../src/observability/logger.js';
import { FakePublisher } from '../../fakes/fake-publisher.js';
import { approvedVersionFixture } from '../../fakes/publishing-fixture.js';

const TOKEN_LIFETIME_S = 40;

/** A TikTok-like connector whose tokens last 40 s, refreshed 5 s after they are issued. */
function shortTokenConnector(refreshed: number[]): PlatformConnector {
  const issue = (): IssuedTokens => ({
    accessToken: `access-${Date.now()}`,
    refreshToken: `refresh-${Date.now()}`,
    accessTokenExpiresIn: TOKEN_LIFETIME_S,
    refreshTokenExpiresIn: 86_400,
    scopes: ['video.publish'],
    accountId: 'open-id-1',
  });
  const unused = () => Promise.reject(new Error('not used here'));
  return {
    platform: 'tiktok',
    requestedScopes: ['video.publish'],
    usesPkce: false,
    refreshesWithRefreshToken: true,
    authorizeUrl: () => 'https://example.test',
    parseCallback: () => ({ ok: false, error: 'unused', description: '', state: null }),
    exchangeCode: unused,
    fetchProfile: unused,
    revoke: async () => undefined,
    refresh: async () => {
      refreshed.push(Date.now());
      return issue();
    },
    refreshDueAt: ({
      issuedAt,
      accessTokenExpiresIn,
    }: {
      issuedAt: number;
      accessTokenExpiresIn: number | null;
    }) => (accessTokenExpiresIn === null ? null : issuedAt + (accessTokenExpiresIn - 35) * 1000),
  } as unknown as PlatformConnector;
}

describe('the in-process engine wakes at the next due job (no polling interval)', () => {
  let dir: string;
  let store: SqliteStore;
  let queue: InProcessQueue;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'aif-publish-timing-'));
    store = SqliteStore.open(join(dir, 'db.sqlite'));
    const logger = createLogger({ level: 'silent', pretty: false });
    queue = new InProcessQueue({
      store,
      clock: systemClock,
      logger,
      concurrency: { render: 1, io: 2 },
      node: 'test',
    });
  });
  afterEach(async () => {
    await queue.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a publication scheduled 2 s ahead starts within 2 s of its time, and a 40 s token is refreshed before it expires', async () => {
    const mediaRoot = join(dir, 'media');
    const vault = new EnvelopeVault(staticKeyRing([newMasterKey()]));
    const refreshed: number[] = [];
    const connectors = { tiktok: shortTokenConnector(refreshed) };
    const planner = new RefreshPlanner({ store, queue });
    const tokenRefresh = new TokenRefreshService({ store, clock: systemClock, vault, connectors, planner });
    const youtube = new FakePublisher('youtube');
    const started: number[] = [];
    youtube.script(async () => {
      started.push(Date.now());
      return { kind: 'published', postId: 'yt-1', url: null, detail: 'Published', awaitingPostId: false };
    });
    const publishing = new PublishingService({
      store,
      clock: systemClock,
      queue,
      media: new LocalMediaStore(mediaRoot),
      publishers: { youtube },
      tokenRefresh,
      videoLinks: { urlFor: () => 'https://app.test/v.mp4' },
      settings: DEFAULT_PUBLISHING_SETTINGS,
    });
    const f = await approvedVersionFixture(store, mediaRoot, { platforms: ['youtube', 'tiktok'], vault });

    // The TikTok account holds a token issued now that lasts 40 s.
    const issuedAt = Date.now();
    const expiresAt = issuedAt + TOKEN_LIFETIME_S * 1000;
    const tiktok = {
      ...f.connections.tiktok,
      accessTokenExpiresAt: new Date(expiresAt).toISOString(),
      nextRefreshAt: nextRefreshAt(
        connectors.tiktok,
        systemClock,
        {
          accessTokenExpiresIn: TOKEN_LIFETIME_S,
          refreshTokenExpiresIn: 86_400,
          accessToken: 'a',
          refreshToken: 'r',
          scopes: ['video.publish'],
          accountId: null,
        },
        true,
      ),
    };
    await store.connections.update(tiktok);
    await queue.start([publishJob(publishing), refreshTokenJob(tokenRefresh)]);
    await planner.plan(tiktok);

    const scheduledAt = Date.now() + 2_000;
    await publishing.create(
      f.ctx,
      {
        versionId: f.version.id,
        connectionId: f.connections.youtube.id,
        scheduledAt: new Date(scheduledAt).toISOString(),
        options: { privacyStatus: 'public', madeForKids: false },
      },
      null,
    );
    const until = Date.now() + 8_000;
    while ((started.length === 0 || refreshed.length === 0) && Date.now() < until)
      await new Promise((r) => setTimeout(r, 25));

    expect(started).toHaveLength(1);
    const lateness = started[0]! - scheduledAt;
    expect(lateness).toBeGreaterThanOrEqual(0);
    expect(lateness).toBeLessThan(2_000);
    expect(refreshed).toHaveLength(1);
    expect(refreshed[0]!).toBeLessThan(expiresAt);
    expect(refreshed[0]! - Date.parse(tiktok.nextRefreshAt!)).toBeLessThan(2_000);
  }, 20_000);
});
