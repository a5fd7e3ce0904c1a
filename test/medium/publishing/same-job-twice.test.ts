import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../sandbox/core/settings.js';
import { TiktokPublisher } from '../../../src/adapters/platforms/tiktok/tiktok.publisher.js';
import { SANDBOX_APPS } from '../../../src/config/platforms.js';
import type { TokenPair } from '../../../src/domain/connection.js';
import type { AdvanceOutcome } from '../../../src/services/publishing/advance-publication.js';
import { PublishingService } from '../../../src/services/publishing/publishing.service.js';
import { approvedReview, approvedVersionFixture } from '../../fakes/publishing-fixture.js';
import { publishingHarness } from '../../fakes/publishing-harness.js';
import { startSandboxHarness, type SandboxHarness } from '../../fakes/sandbox-harness.js';
import { sandboxTiktokToken } from '../../fakes/sandbox-tiktok-token.js';

const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;
const redirectUri = 'http://localhost:8080/oauth/tiktok/callback';
const INIT = 'POST /v2/post/publish/video/init/';
const HOUR = 3_600_000;

interface SandboxPublish {
  publish_id: string;
  status: string;
  uploadedBytes: number | null;
}

/**
 * A queue can deliver one job to two workers at once (BullMQ re-delivers a job whose lock lapsed while its first
 * worker is still running it). Both runs carry the same job id, so neither sees the other as "another run": the
 * journal's compare-and-set is what must keep TikTok to one post.
 */
describe.skipIf(!hasFfmpeg && process.env.CI !== 'true')(
  'one publish job run twice at once, against the TikTok sandbox',
  () => {
    let sandboxHarness: SandboxHarness;
    let h: ReturnType<typeof publishingHarness>;

    beforeAll(async () => {
      sandboxHarness = await startSandboxHarness({
        platforms: ['tiktok'],
        settings: {
          apps: {
            ...defaultSettings().apps,
            tiktok: { ...SANDBOX_APPS.tiktok, redirectUris: [redirectUri] },
          },
          autoConsent: 'public',
        },
      });
      h = publishingHarness();
    });

    afterAll(async () => {
      await h.cleanup();
      await sandboxHarness.close();
    });

    async function publishes(): Promise<SandboxPublish[]> {
      const response = await fetch(`${sandboxHarness.origin}/__sandbox/tiktok/publishes`);
      return ((await response.json()) as { publishes: SandboxPublish[] }).publishes;
    }

    it('makes one post: the run that lost the race stops before sending a byte', async () => {
      const sandbox = sandboxHarness.sandbox;
      sandbox.ctx.settings.tiktok = { ...defaultSettings().tiktok, processingMs: 1000, moderationMs: 1000 };
      const f = await approvedVersionFixture(h.store, h.mediaRoot, { platforms: ['tiktok'], approve: false });
      // The approved file must be a real video for TikTok's processing: 12 s, as the fixture's version says.
      const file = join(h.mediaRoot, f.version.outputs.videoKey);
      const made = spawnSync('ffmpeg', [
        ...['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1080x1920:rate=30:duration=12'],
        ...['-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '45', '-pix_fmt', 'yuv420p'],
        ...['-movflags', '+faststart', file],
      ]);
      expect(made.status, made.stderr.toString()).toBe(0);
      await h.store.reviews.save(approvedReview(f.version, f.ctx.user.id, readFileSync(file)));
      const token = await sandboxTiktokToken(sandboxHarness.baseUrls, redirectUri);
      h.tokens.withAccessToken = <T>(_ws: string, _id: string, call: (t: TokenPair) => Promise<T>) =>
        call({ accessToken: token, refreshToken: null });
      const publisher = new TiktokPublisher({
        baseUrls: sandboxHarness.baseUrls,
        clock: { now: () => sandbox.ctx.clock.now() },
        timeoutMs: 5000,
        chunkBytes: 5_000_000,
        pollMs: 1000,
      });
      const service = new PublishingService({
        ...h.deps,
        publishers: { ...h.deps.publishers, tiktok: publisher },
      });
      const p = await service.create(
        f.ctx,
        {
          versionId: f.version.id,
          connectionId: f.connections.tiktok.id,
          options: { mode: 'direct', privacyLevel: 'PUBLIC_TO_EVERYONE', disableStitch: true },
        },
        null,
      );

      // The first run's init is slow to answer; once it is on its way, the second delivery of the job reads the
      // publication, and both go on as the same job.
      sandbox.ctx.faults.add('tiktok', INIT, { type: 'latency', ms: 500 }, 1);
      const first = service.advance(f.ctx.workspaceId, p.id, 'job-1');
      const saved = async () =>
        (await h.store.publications.find(f.ctx.workspaceId, p.id))?.checkpoint.journal;
      while (!(await saved())?.some((e) => e.step === 'init' && e.phase === 'before'))
        await new Promise((resolve) => setTimeout(resolve, 5));
      const second = service.advance(f.ctx.workspaceId, p.id, 'job-1');
      const outcomes = (await Promise.all([first, second])).sort();
      expect(outcomes).toContain('lost_race');

      // Whatever is still to do is done by later runs of the job, on TikTok's clock.
      let outcome: AdvanceOutcome | undefined = outcomes.find((o) => o !== 'lost_race');
      for (let i = 0; i < 6 && outcome !== 'published'; i++) {
        sandbox.ctx.clock.advance(2000);
        outcome = await service.advance(f.ctx.workspaceId, p.id, 'job-1');
      }
      expect(outcome).toBe('published');
      const done = await h.store.publications.find(f.ctx.workspaceId, p.id);
      expect(done?.platformPostId).toMatch(/^\d{19}$/);

      // TikTok holds one publish with the file; an init the loser made got no byte, so it can only fail.
      const all = await publishes();
      const withBytes = all.filter((x) => (x.uploadedBytes ?? 0) > 0);
      expect(withBytes).toHaveLength(1);
      expect(all.filter((x) => !withBytes.includes(x)).every((x) => x.uploadedBytes === 0)).toBe(true);
      expect(withBytes[0]).toMatchObject({ status: 'PUBLISH_COMPLETE' });
      sandbox.ctx.clock.advance(2 * HOUR);
      const later = await publishes();
      expect(later.filter((x) => x.status !== 'FAILED')).toHaveLength(1);
    }, 60_000);
  },
);
