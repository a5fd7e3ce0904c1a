import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Publication } from '../../../src/domain/publishing/publication.js';
import { StatsSyncService } from '../../../src/services/analytics/stats-sync.service.js';
import { DEFAULT_STATS_SYNC_SETTINGS } from '../../../src/services/analytics/stats-sync-deps.js';
import type { PublishingService } from '../../../src/services/publishing/publishing.service.js';
import { FakeStatsReader } from '../../fakes/fake-stats-reader.js';
import type { approvedVersionFixture } from '../../fakes/publishing-fixture.js';
import { publishingHarness, selfOnlyTiktokPublication } from '../../fakes/publishing-harness.js';

describe('tracking starts when a publication is out with its post id', () => {
  let h: ReturnType<typeof publishingHarness>;
  let publishing: PublishingService;
  let f: Awaited<ReturnType<typeof approvedVersionFixture>>;
  let p: Publication;
  beforeEach(async () => {
    h = publishingHarness();
    h.deps.tracking = new StatsSyncService({
      store: h.store,
      clock: h.clock,
      queue: h.queue,
      readers: { tiktok: new FakeStatsReader('tiktok', 20) },
      tokenRefresh: h.tokens,
      settings: DEFAULT_STATS_SYNC_SETTINGS,
    });
    publishing = h.service();
    ({ f, p } = await selfOnlyTiktokPublication(h, publishing));
  });
  afterEach(async () => h.cleanup());

  it('tracks the video once, with the brief’s factors and its first reading at 1 h', async () => {
    expect(await publishing.advance(f.ctx.workspaceId, p.id, 'run')).toBe('published');
    await publishing.advance(f.ctx.workspaceId, p.id, 'run-again');
    const videos = await h.store.trackedVideos.listAll(f.ctx.workspaceId, {});
    expect(videos).toHaveLength(1);
    const published = (await h.store.publications.find(f.ctx.workspaceId, p.id))!;
    expect(videos[0]).toMatchObject({
      source: 'published',
      publicationId: p.id,
      itemId: f.item.id,
      versionId: f.version.id,
      platformPostId: 'post-1',
      title: f.item.title,
      durationSec: 12,
      publishedAt: published.publishedAt,
      nextSnapshotAgeHours: 1,
      nextSnapshotAt: new Date(Date.parse(published.publishedAt!) + 3_600_000).toISOString(),
    });
    expect(videos[0]!.factors).toMatchObject({
      voice: f.item.brief.voice,
      stylePreset: f.item.brief.stylePreset,
    });
    expect(videos[0]!.factors.duration).toMatch(/s$/);
  });

  it('waits while the post id is not known', async () => {
    h.publishers.tiktok.script(async () => ({
      kind: 'published',
      postId: null,
      url: null,
      detail: 'Sent; TikTok shares the link after moderation',
      awaitingPostId: true,
    }));
    await publishing.advance(f.ctx.workspaceId, p.id, 'run');
    expect(await h.store.trackedVideos.listAll(f.ctx.workspaceId, {})).toEqual([]);
  });

  it('starts when TikTok’s publicly_available event brings the post id late, at the age already reached', async () => {
    h.publishers.tiktok.script(async (journal) => {
      await journal.record('init', 'after', { publishId: 'v_pub_1', username: 'ai.factory' });
      return {
        kind: 'published',
        postId: null,
        url: null,
        detail: 'Published; waiting for moderation',
        awaitingPostId: true,
      };
    });
    await publishing.advance(f.ctx.workspaceId, p.id, 'run');
    h.clock.advance(7 * 3_600_000);
    const event = { publish_id: 'v_pub_1', post_id: '7311', publish_type: 'DIRECT_PUBLISH' };
    expect(await publishing.tiktokPostEvent('post.publish.publicly_available', event)).toBe('updated');
    const [video] = await h.store.trackedVideos.listAll(f.ctx.workspaceId, {});
    expect(video).toMatchObject({
      platformPostId: '7311',
      url: 'https://www.tiktok.com/@ai.factory/video/7311',
      nextSnapshotAgeHours: 6,
      nextSnapshotAt: new Date(h.clock.now()).toISOString(),
    });
  });
});
