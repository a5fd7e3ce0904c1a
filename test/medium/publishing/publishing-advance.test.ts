import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TransientError } from '../../../src/domain/errors.js';
import type { Publication } from '../../../src/domain/publishing/publication.js';
import { PublishFailure } from '../../../src/domain/publishing/publish-failure.js';
import type { PublishingService } from '../../../src/services/publishing/publishing.service.js';
import { publishAtOnce, type ScriptedStep } from '../../fakes/fake-publisher.js';
import { approvedVersionFixture } from '../../fakes/publishing-fixture.js';
import { publishingHarness, selfOnlyTiktokPublication } from '../../fakes/publishing-harness.js';

const statuses = (p: Publication) => p.timeline.map((t) => t.status);

describe('the publish run step', () => {
  let h: ReturnType<typeof publishingHarness>;
  let service: PublishingService;
  let f: Awaited<ReturnType<typeof approvedVersionFixture>>;
  let p: Publication;
  beforeEach(async () => {
    h = publishingHarness();
    service = h.service();
    ({ f, p } = await selfOnlyTiktokPublication(h, service));
  });
  afterEach(async () => h.cleanup());

  const reload = async () => (await h.store.publications.find(f.ctx.workspaceId, p.id))!;
  const advance = (jobId = 'job-run') => service.advance(f.ctx.workspaceId, p.id, jobId);
  const tiktok = () => h.publishers.tiktok;

  it('publishes: the journal is saved, the handle becomes the platformRef, the timeline records each status', async () => {
    expect(await advance()).toBe('published');
    const done = await reload();
    expect(done).toMatchObject({
      status: 'published',
      platformPostId: 'post-1',
      url: 'https://example.test/p/post-1',
      platformRef: 'pub-1',
      attempts: 1,
      runner: null,
      nextRunAt: null,
    });
    expect(done.startedAt).not.toBeNull();
    expect(done.publishedAt).not.toBeNull();
    expect(statuses(done)).toEqual(['queued', 'uploading', 'published']);
    expect(done.checkpoint.journal.map((j) => `${j.step}:${j.phase}`)).toEqual(['init:before', 'init:after']);
    const call = tiktok().calls[0]!;
    expect(call.accessToken).toBe('access-token');
    expect(call.video).toMatchObject({ sizeBytes: 300_000, durationMs: 12_000, coverAtMs: 500 });
    expect(call.video.path).toBe(h.media.pathOf(f.version.outputs.videoKey));
    expect(call.video.publicUrl).toMatch(
      new RegExp(`^https://app\\.test/public/publications/.+/${p.id}/video\\.mp4\\?`),
    );
  });

  it('a stored post id means published: the publisher is never called again', async () => {
    await advance();
    expect(await advance('another-job')).toBe('nothing_to_do');
    expect(tiktok().calls).toHaveLength(1);
  });

  it('after a crash between a call’s "before" and "after", the next run is handed the saved remote state', async () => {
    tiktok().script(
      async (journal) => {
        await journal.record('init', 'before', { chunkSize: 300_000 });
        return new Promise(() => undefined); // the process dies here
      },
      async (journal, call) => {
        expect(call.remote).toEqual({ chunkSize: 300_000 });
        await journal.record('status', 'after', { publishId: 'pub-7' });
        return { kind: 'published', postId: 'post-7', url: null, detail: 'Published', awaitingPostId: false };
      },
    );
    void advance('job-1');
    await new Promise((r) => setTimeout(r, 100));
    const mid = await reload();
    expect(mid.checkpoint.journal.map((j) => `${j.step}:${j.phase}`)).toEqual(['init:before']);
    expect(mid.runner?.jobId).toBe('job-1');
    // The restarted process runs the same job again.
    expect(await h.service().advance(f.ctx.workspaceId, p.id, 'job-1')).toBe('published');
    expect(tiktok().calls[1]!.remote).toEqual({ chunkSize: 300_000 });
    expect(await reload()).toMatchObject({ platformPostId: 'post-7', platformRef: 'pub-7' });
  });

  it('a second worker never advances the same publication at once', async () => {
    let release: () => void = () => undefined;
    let reached: () => void = () => undefined;
    const inside = new Promise<void>((r) => (reached = r));
    tiktok().script(async (journal) => {
      await journal.record('init', 'before');
      const held = new Promise<void>((r) => (release = r));
      reached();
      await held;
      await journal.record('init', 'after', { publishId: 'pub-1' });
      return { kind: 'published', postId: 'post-1', url: null, detail: 'Published', awaitingPostId: false };
    });
    const first = advance('job-a');
    const second = advance('job-b');
    const third = (async () => {
      await inside;
      return advance('job-c');
    })();
    expect(['lost_race', 'busy']).toContain(await second);
    expect(await third).toBe('busy');
    // The busy one planned a look at the end of the hold, in case the holder died.
    const hold = (await reload()).runner?.until;
    expect(h.queue.live().map((j) => j.runAt)).toContain(hold);
    release();
    expect(await first).toBe('published');
    expect(tiktok().calls).toHaveLength(1);
  });

  it('wait: processing, and the job comes back after checkAgainInMs', async () => {
    tiktok().script(async (journal) => {
      await journal.record('init', 'after', { publishId: 'pub-1' });
      await journal.status('uploading', 'Uploading');
      return { kind: 'wait', checkAgainInMs: 5_000, detail: 'TikTok is processing the video' };
    });
    expect(await advance()).toBe('waiting');
    const waiting = await reload();
    expect(waiting.status).toBe('processing');
    expect(waiting.nextRunAt).toBe(new Date(h.clock.now() + 5_000).toISOString());
    expect(h.queue.last()?.runAt).toBe(waiting.nextRunAt);
    // The job run too early (a stale one) does nothing but make sure the planned one exists.
    expect(await advance('stale')).toBe('not_due');
    expect(tiktok().calls).toHaveLength(1);
  });

  it('awaiting the post id: published, polled within the deadline; the webhook fills the id and the link once', async () => {
    tiktok().script(async (journal) => {
      await journal.record('init', 'after', { publishId: 'v_pub_1', username: 'ai.factory' });
      return {
        kind: 'published',
        postId: null,
        url: null,
        detail: 'Published; waiting for moderation',
        awaitingPostId: true,
      };
    });
    expect(await advance()).toBe('published');
    const awaiting = await reload();
    expect(awaiting).toMatchObject({ status: 'published', platformPostId: null, platformRef: 'v_pub_1' });
    expect(awaiting.nextRunAt).not.toBeNull();
    const event = { publish_id: 'v_pub_1', post_id: '7311', publish_type: 'DIRECT_PUBLISH' };
    expect(await service.tiktokPostEvent('post.publish.publicly_available', event)).toBe('updated');
    expect(await service.tiktokPostEvent('post.publish.publicly_available', event)).toBe('ignored');
    expect(await reload()).toMatchObject({
      platformPostId: '7311',
      url: 'https://www.tiktok.com/@ai.factory/video/7311',
      nextRunAt: null,
    });
    expect(await advance('later')).toBe('nothing_to_do');
  });

  it('the post id is asked for only until the deadline', async () => {
    tiktok().script(async () => ({
      kind: 'published',
      postId: null,
      url: null,
      detail: 'Published',
      awaitingPostId: true,
    }));
    await advance('j1');
    h.clock.advance(49 * 3_600_000);
    expect(await advance('j2')).toBe('published');
    const gaveUp = await reload();
    expect(gaveUp.nextRunAt).toBeNull();
    expect(gaveUp.timeline.at(-1)?.detail).toMatch(/did not share the post's link in time/);
  });

  it('defer: queued with the visible reason, the job at retryAt, not counted as an attempt', async () => {
    const until = h.clock.now() + 3_600_000;
    tiktok().script(async () => {
      throw new PublishFailure(
        'tiktok',
        'tiktok.spam_risk_too_many_posts',
        "TikTok's daily limit for this account is reached",
        'defer',
        until,
      );
    });
    expect(await advance()).toBe('deferred');
    const deferred = await reload();
    expect(deferred).toMatchObject({
      status: 'queued',
      attempts: 0,
      deferral: {
        reason: "TikTok's daily limit for this account is reached",
        until: new Date(until).toISOString(),
      },
    });
    expect(h.queue.last()?.runAt).toBe(new Date(until).toISOString());
  });

  it('retry: back to queued with the error and a backoff; after the last attempt, failed', async () => {
    tiktok().script(async () => {
      throw new TransientError('tiktok_5xx', 'TikTok answered 503');
    });
    expect(await advance('j0')).toBe('retrying');
    const retrying = await reload();
    expect(retrying).toMatchObject({ status: 'queued', error: { retriable: true } });
    expect(retrying.nextRunAt).toBe(new Date(h.clock.now() + 15_000).toISOString());
    for (let i = 1; i < 7; i++) {
      h.clock.advance(3_600_000);
      expect(await advance(`j${i}`)).toBe('retrying');
    }
    h.clock.advance(3_600_000);
    expect(await advance('j7')).toBe('failed');
    expect(await reload()).toMatchObject({ status: 'failed', attempts: 8, error: { retriable: false } });
  });

  it('fail: failed with the plain reason; a person’s retry queues it again and it resumes from its journal', async () => {
    tiktok().script(async (journal) => {
      await journal.record('init', 'after', { publishId: 'pub-9' });
      throw new PublishFailure(
        'tiktok',
        'tiktok.duration_check_failed',
        'TikTok refused the video: its length is not allowed',
        'fail',
      );
    }, publishAtOnce());
    expect(await advance()).toBe('failed');
    expect(await reload()).toMatchObject({
      status: 'failed',
      error: {
        code: 'tiktok.duration_check_failed',
        message: 'TikTok refused the video: its length is not allowed',
        retriable: false,
      },
    });
    const retried = await service.retry(f.ctx, p.id);
    expect(retried).toMatchObject({ status: 'queued', error: null });
    expect(h.queue.last()?.runAt).toBe(retried.nextRunAt);
    expect(await advance('after-retry')).toBe('published');
    expect(tiktok().calls[1]!.remote).toEqual({ publishId: 'pub-9' });
  });

  it('a dead grant: needs_action "Reconnect TikTok"; a reconnect resumes it', async () => {
    h.tokens.dead = true;
    expect(await advance()).toBe('needs_action');
    expect(await reload()).toMatchObject({ status: 'needs_action', error: { message: 'Reconnect TikTok' } });
    h.tokens.dead = false;
    expect(await service.resumeAfterReconnect(f.connections.tiktok)).toBe(1);
    expect((await reload()).status).toBe('queued');
    expect(await advance('resumed')).toBe('published');
  });

  it('a refusal asking for a reconnect says which platform', async () => {
    const step: ScriptedStep = async () => {
      throw new PublishFailure(
        'tiktok',
        'tiktok.scope_not_authorized',
        'The video.publish permission is missing',
        'reconnect',
      );
    };
    tiktok().script(step);
    expect(await advance()).toBe('needs_action');
    expect((await reload()).error?.message).toBe('Reconnect TikTok: The video.publish permission is missing');
  });

  it('the TikTok daily cap defers with the plain sentence before anything is sent', async () => {
    const capped = publishingHarness({ tiktokDailyPostsPerCreator: 1 });
    try {
      const g = await approvedVersionFixture(capped.store, capped.mediaRoot);
      const s = capped.service();
      const create = () =>
        s.create(
          g.ctx,
          {
            versionId: g.version.id,
            connectionId: g.connections.tiktok.id,
            options: { mode: 'direct', privacyLevel: 'SELF_ONLY', disableStitch: true },
          },
          null,
        );
      const one = await create();
      const two = await create();
      expect(await s.advance(g.ctx.workspaceId, one.id, 'a')).toBe('published');
      expect(await s.advance(g.ctx.workspaceId, two.id, 'b')).toBe('deferred');
      const deferred = (await capped.store.publications.find(g.ctx.workspaceId, two.id))!;
      expect(deferred.deferral?.reason).toBe(
        "TikTok's daily limit for this account is reached; it will go at 00:05",
      );
      expect(deferred.deferral?.until).toBe('2026-05-02T00:05:00.000Z');
      expect(capped.publishers.tiktok.calls).toHaveLength(1);
    } finally {
      await capped.cleanup();
    }
  });

  it('a publication whose approval was withdrawn, or whose file changed, before it started fails not_approved without a platform call', async () => {
    const review = (await h.store.reviews.find(f.ctx.workspaceId, f.version.id))!;
    await h.store.reviews.save({ ...review, state: 'rejected', seal: null });
    expect(await advance()).toBe('failed');
    expect((await reload()).error).toMatchObject({ code: 'not_approved', retriable: false });
    expect(tiktok().calls).toHaveLength(0);

    // Approved again, but the file on disk is no longer the approved one.
    await h.store.reviews.save(review);
    writeFileSync(h.media.pathOf(f.version.outputs.videoKey), 'other bytes');
    await service.retry(f.ctx, p.id);
    expect(await advance('job-retry')).toBe('failed');
    expect((await reload()).error?.code).toBe('not_approved');
    expect(tiktok().calls).toHaveLength(0);
  });

  it('a scheduled publication is not started before its time', async () => {
    const later = await service.create(
      f.ctx,
      {
        versionId: f.version.id,
        connectionId: f.connections.tiktok.id,
        scheduledAt: new Date(h.clock.now() + 60_000).toISOString(),
        options: { mode: 'direct', privacyLevel: 'SELF_ONLY', disableStitch: true },
      },
      null,
    );
    expect(await service.advance(f.ctx.workspaceId, later.id, 'early')).toBe('not_due');
    h.clock.advance(60_000);
    expect(await service.advance(f.ctx.workspaceId, later.id, 'due')).toBe('published');
    const done = (await h.store.publications.find(f.ctx.workspaceId, later.id))!;
    expect(statuses(done)).toEqual(['scheduled', 'queued', 'uploading', 'published']);
  });
});

describe('cancel and reschedule', () => {
  let h: ReturnType<typeof publishingHarness>;
  let service: PublishingService;
  let f: Awaited<ReturnType<typeof approvedVersionFixture>>;
  beforeEach(async () => {
    h = publishingHarness();
    service = h.service();
    f = await approvedVersionFixture(h.store, h.mediaRoot);
  });
  afterEach(async () => h.cleanup());

  const scheduled = () =>
    service.create(
      f.ctx,
      {
        versionId: f.version.id,
        connectionId: f.connections.youtube.id,
        scheduledAt: '2026-05-02T09:00:00Z',
        options: { privacyStatus: 'public', madeForKids: false },
      },
      null,
    );

  it('cancel: canceled and its job canceled; a job that starts anyway does nothing', async () => {
    const p = await scheduled();
    const canceled = await service.cancel(f.ctx, p.id);
    expect(canceled.status).toBe('canceled');
    expect(h.queue.live()).toHaveLength(0);
    h.clock.advance(86_400_000);
    expect(await service.advance(f.ctx.workspaceId, p.id, 'late')).toBe('nothing_to_do');
  });

  it('reschedule moves the job; the old one, if it runs, does nothing', async () => {
    const p = await scheduled();
    const moved = await service.reschedule(f.ctx, p.id, { scheduledAt: '2026-05-03T09:00:00Z' });
    expect(moved).toMatchObject({ status: 'scheduled', scheduledAt: '2026-05-03T09:00:00.000Z' });
    expect(h.queue.live().map((j) => j.runAt)).toEqual(['2026-05-03T09:00:00.000Z']);
    h.clock.advance(21 * 3_600_000);
    expect(await service.advance(f.ctx.workspaceId, p.id, 'old')).toBe('not_due');
    expect(h.publishers.youtube.calls).toHaveLength(0);
  });

  it('once the upload began: 409 publication_started for cancel and reschedule', async () => {
    const p = await scheduled();
    h.clock.advance(86_400_000);
    h.publishers.youtube.script(async (journal) => {
      await journal.record('session', 'before');
      throw new TransientError('net', 'connection reset');
    });
    expect(await service.advance(f.ctx.workspaceId, p.id, 'run')).toBe('retrying');
    await expect(service.cancel(f.ctx, p.id)).rejects.toMatchObject({ code: 'publication_started' });
    await expect(
      service.reschedule(f.ctx, p.id, { scheduledAt: '2026-06-01T09:00:00Z' }),
    ).rejects.toMatchObject({
      code: 'publication_started',
    });
  });

  it('retry only from failed or needs_action (409 not_retriable)', async () => {
    const p = await scheduled();
    await expect(service.retry(f.ctx, p.id)).rejects.toMatchObject({ code: 'not_retriable' });
  });
});
