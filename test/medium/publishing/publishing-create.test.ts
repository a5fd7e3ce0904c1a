import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/domain/errors.js';
import { PublishFailure } from '../../../src/domain/publishing/publish-failure.js';
import type { PublishingService } from '../../../src/services/publishing/publishing.service.js';
import type { FAKE_TIKTOK_OPTIONS } from '../../fakes/fake-publisher.js';
import { approvedVersionFixture } from '../../fakes/publishing-fixture.js';
import { publishingHarness } from '../../fakes/publishing-harness.js';

const tiktokDirect = {
  mode: 'direct',
  privacyLevel: 'PUBLIC_TO_EVERYONE',
  disableStitch: true,
};

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UserError) return `${error.kind}:${error.code}`;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('creating publications', () => {
  let h: ReturnType<typeof publishingHarness>;
  let service: PublishingService;
  let f: Awaited<ReturnType<typeof approvedVersionFixture>>;
  beforeEach(async () => {
    h = publishingHarness();
    service = h.service();
    f = await approvedVersionFixture(h.store, h.mediaRoot);
  });
  afterEach(async () => h.cleanup());

  const create = (over: Record<string, unknown> = {}, key: string | null = null) =>
    service.create(
      f.ctx,
      { versionId: f.version.id, connectionId: f.connections.tiktok.id, options: tiktokDirect, ...over },
      key,
    );

  it('publishing now queues it and plans its job now; texts default to the version’s', async () => {
    const p = await create();
    expect(p).toMatchObject({ status: 'queued', platform: 'tiktok', attempts: 0, scheduledAt: null });
    expect(p.options).toMatchObject({ caption: 'Why the sky is blue #science', isAigc: true });
    expect(h.queue.live()).toEqual([
      expect.objectContaining({ type: 'publish', payload: { publicationId: p.id }, runAt: p.createdAt }),
    ]);
  });

  it('a future time schedules it with its job at that time, in UTC, keeping the zone', async () => {
    const p = await create({ scheduledAt: '2026-05-01T16:00:00+02:00', timeZone: 'Europe/Paris' });
    expect(p).toMatchObject({
      status: 'scheduled',
      scheduledAt: '2026-05-01T14:00:00.000Z',
      timeZone: 'Europe/Paris',
    });
    expect(h.queue.last()?.runAt).toBe('2026-05-01T14:00:00.000Z');
  });

  it('the same Idempotency-Key returns the first publication and plans one job', async () => {
    const first = await create({}, 'key-1');
    const again = await create({}, 'key-1');
    expect(again.id).toBe(first.id);
    expect(h.queue.live()).toHaveLength(1);
    expect((await create({}, 'key-2')).id).not.toBe(first.id);
  });

  it('refuses a version never approved (409 not_approved)', async () => {
    const other = await approvedVersionFixture(h.store, h.mediaRoot, { approve: false });
    const refused = service.create(
      other.ctx,
      { versionId: other.version.id, connectionId: other.connections.tiktok.id, options: tiktokDirect },
      null,
    );
    expect(await codeOf(refused)).toBe('conflict:not_approved');
  });

  it('refuses a version whose file changed since the approval (409 not_approved)', async () => {
    writeFileSync(join(h.mediaRoot, f.version.outputs.videoKey), Buffer.from('another render'));
    expect(await codeOf(create())).toBe('conflict:not_approved');
    expect(h.queue.jobs).toHaveLength(0);
  });

  it('refuses a version whose approval was rejected since', async () => {
    const review = await h.store.reviews.find(f.ctx.workspaceId, f.version.id);
    await h.store.reviews.save({ ...review!, state: 'rejected', seal: null });
    expect(await codeOf(create())).toBe('conflict:not_approved');
  });

  it('a reviewer or viewer may not publish (403)', async () => {
    for (const role of ['reviewer', 'viewer'] as const) {
      expect(
        await codeOf(
          service.create(
            { ...f.ctx, role },
            { versionId: f.version.id, connectionId: f.connections.tiktok.id, options: tiktokDirect },
            null,
          ),
        ),
      ).toBe('forbidden:forbidden');
    }
  });

  it('unknown version or connection: 404; an account needing a reconnect: 409', async () => {
    expect(await codeOf(create({ versionId: 'nope' }))).toBe('not_found:version_not_found');
    expect(await codeOf(create({ connectionId: 'nope' }))).toBe('not_found:connection_not_found');
    await h.store.connections.update({ ...f.connections.tiktok, status: 'needs_reconnect' });
    expect(await codeOf(create())).toBe('conflict:connection_inactive');
  });

  it('TikTok options are checked against creator_info fetched now, before anything is sent (400 invalid_option)', async () => {
    const tiktok = h.publishers.tiktok;
    expect(await codeOf(create({ options: { mode: 'direct', disableStitch: true } }))).toBe(
      'validation:invalid_option',
    );
    expect(await codeOf(create({ options: { ...tiktokDirect, privacyLevel: 'FOLLOWER_OF_CREATOR' } }))).toBe(
      'validation:invalid_option',
    );
    expect(await codeOf(create({ options: { ...tiktokDirect, disableStitch: false } }))).toBe(
      'validation:invalid_option',
    );
    expect(await codeOf(create({ options: { ...tiktokDirect, unknown: 1 } }))).toBe(
      'validation:invalid_option',
    );
    expect(tiktok.optionsCalls).toBe(3);
    expect(tiktok.calls).toHaveLength(0);
    expect(h.queue.jobs).toHaveLength(0);
  });

  it('YouTube needs privacy and the made-for-kids answer; Instagram takes its defaults', async () => {
    const youtube = (options: Record<string, unknown>) =>
      service.create(
        f.ctx,
        { versionId: f.version.id, connectionId: f.connections.youtube.id, options },
        null,
      );
    expect(await codeOf(youtube({ madeForKids: false }))).toBe('validation:invalid_option');
    const yt = await youtube({ privacyStatus: 'public', madeForKids: false });
    expect(yt.options).toMatchObject({
      title: 'Why is the sky blue?',
      categoryId: '22',
      containsSyntheticMedia: true,
    });
    const ig = await service.create(
      f.ctx,
      { versionId: f.version.id, connectionId: f.connections.instagram.id, options: {} },
      null,
    );
    expect(ig.options).toEqual({
      platform: 'instagram',
      caption: 'Blue skies #science',
      shareToFeed: true,
      coverAtMs: null,
    });
  });

  it('an unknown time zone is refused', async () => {
    expect(await codeOf(create({ timeZone: 'Mars/Olympus' }))).toBe('validation:invalid_option');
  });
});

describe('publish options for the composer', () => {
  let h: ReturnType<typeof publishingHarness>;
  let service: PublishingService;
  let f: Awaited<ReturnType<typeof approvedVersionFixture>>;
  beforeEach(async () => {
    h = publishingHarness();
    service = h.service();
    f = await approvedVersionFixture(h.store, h.mediaRoot);
  });
  afterEach(async () => h.cleanup());

  it('TikTok Direct Post and drafts are narrowed by the scopes the person granted', async () => {
    expect(await service.publishOptions(f.ctx, f.connections.tiktok.id)).toMatchObject({
      directPostAvailable: true,
      draftAvailable: true,
    });
    await h.store.connections.update({
      ...f.connections.tiktok,
      scopes: ['user.info.basic', 'video.upload'],
    });
    const narrowed = await service.publishOptions(f.ctx, f.connections.tiktok.id);
    expect(narrowed).toMatchObject({ directPostAvailable: false, draftAvailable: true });
    expect(narrowed.platform === 'tiktok' && narrowed.reason).toMatch(/video\.publish/);
  });

  it('a platform refusal becomes a plain reason with a 4xx code, never a 500', async () => {
    const tiktok = h.publishers.tiktok;
    const cases: [() => Promise<typeof FAKE_TIKTOK_OPTIONS>, string][] = [
      [
        () =>
          Promise.reject(
            new PublishFailure('tiktok', 'tiktok.rate_limit_exceeded', 'TikTok is busy', 'defer', 1),
          ),
        'rate_limited:platform_busy',
      ],
      [
        () =>
          Promise.reject(
            new PublishFailure('tiktok', 'tiktok.access_token_invalid', 'The grant is gone', 'reconnect'),
          ),
        'needs_reconnect:needs_reconnect',
      ],
      [
        () => Promise.reject(new PublishFailure('tiktok', 'tiktok.user_banned', 'Banned', 'fail')),
        'conflict:platform_refused',
      ],
      [() => Promise.reject(new Error('socket hang up')), 'conflict:platform_unavailable'],
    ];
    for (const [answer, code] of cases) {
      tiktok.options = answer;
      expect(await codeOf(service.publishOptions(f.ctx, f.connections.tiktok.id))).toBe(code);
    }
    h.tokens.dead = true;
    expect(await codeOf(service.publishOptions(f.ctx, f.connections.youtube.id))).toBe(
      'needs_reconnect:needs_reconnect',
    );
  });
});
