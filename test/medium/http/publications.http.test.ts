import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PublicationView } from '../../../src/api/publishing.js';
import type { Platform } from '../../../src/domain/connection.js';
import { PublishFailure } from '../../../src/domain/publishing/publish-failure.js';
import { FakePublisher } from '../../fakes/fake-publisher.js';
import { approvedVersionFixture } from '../../fakes/publishing-fixture.js';
import { Client, ORIGIN, startTestApp, type TestApp } from '../../fakes/test-app.js';

type One = { publication: PublicationView };
const tiktokOptions = { mode: 'direct', privacyLevel: 'SELF_ONLY', disableStitch: true };

describe('publications API', () => {
  let t: TestApp;
  let client: Client;
  let publishers: Record<Platform, FakePublisher>;
  let f: Awaited<ReturnType<typeof approvedVersionFixture>>;
  beforeEach(async () => {
    publishers = {
      tiktok: new FakePublisher('tiktok'),
      instagram: new FakePublisher('instagram'),
      youtube: new FakePublisher('youtube'),
    };
    t = await startTestApp({}, { publishers });
    client = new Client(t.app);
    const { user, workspace } = await client.signUp('owner@example.com');
    f = await approvedVersionFixture(t.container.store, t.container.mediaRoot, {
      workspace: { id: workspace.id, userId: user.id },
      vault: t.container.vault,
    });
  });
  afterEach(async () => t.close());

  const body = (over: Record<string, unknown> = {}) => ({
    versionId: f.version.id,
    connectionId: f.connections.tiktok.id,
    options: tiktokOptions,
    ...over,
  });
  const create = async (over: Record<string, unknown> = {}) => {
    const res = await client.post('/api/publications', body(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ publication: PublicationView }>().publication;
  };
  const advance = (id: string, job = 'job') => t.container.publishing.advance(f.ctx.workspaceId, id, job);

  it('GET /api/connections/{id}/publish-options: creator_info narrowed by scopes; 404; platform refusal as a 4xx', async () => {
    const ok = await client.get(`/api/connections/${f.connections.tiktok.id}/publish-options`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      platform: 'tiktok',
      creator: { nickname: 'AI Factory' },
      directPostAvailable: true,
    });
    expect((await client.get('/api/connections/nope/publish-options')).statusCode).toBe(404);
    publishers.tiktok.options = () =>
      Promise.reject(new PublishFailure('tiktok', 'tiktok.x', 'TikTok says no', 'fail'));
    const refused = await client.get(`/api/connections/${f.connections.tiktok.id}/publish-options`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'platform_refused', message: 'TikTok says no' } });
    expect(
      (await new Client(t.app).get(`/api/connections/${f.connections.tiktok.id}/publish-options`)).statusCode,
    ).toBe(401);
  });

  it('POST /api/publications: 201 with the view (title, cover, account); 400 invalid_option; 409 not_approved', async () => {
    const p = await create();
    expect(p).toMatchObject({
      status: 'queued',
      platform: 'tiktok',
      itemTitle: 'Why the sky is blue',
      account: { displayName: 'tiktok account', avatarUrl: null },
      error: null,
      deferral: null,
      options: { mode: 'direct', privacyLevel: 'SELF_ONLY', caption: 'Why the sky is blue #science' },
    });
    expect(p.coverUrl).toMatch(/^\/media\/covers\/.+\?exp=\d+&sig=/);
    expect(JSON.stringify(p)).not.toMatch(/checkpoint|runner|idempotencyKey|revision/);

    const invalid = await client.post(
      '/api/publications',
      body({ options: { mode: 'direct', disableStitch: true } }),
    );
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({
      error: { code: 'invalid_option', details: { field: 'privacyLevel' } },
    });
    const junk = await client.post('/api/publications', { versionId: f.version.id });
    expect(junk.json()).toMatchObject({ error: { code: 'validation_failed' } });

    const review = await t.container.store.reviews.find(f.ctx.workspaceId, f.version.id);
    await t.container.store.reviews.save({ ...review!, state: 'pending', seal: null });
    const unapproved = await client.post('/api/publications', body());
    expect(unapproved.statusCode).toBe(409);
    expect(unapproved.json()).toMatchObject({ error: { code: 'not_approved' } });
  });

  it('Idempotency-Key: a repeated POST returns the first publication', async () => {
    const post = (key: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/publications',
        headers: {
          origin: ORIGIN,
          cookie: client.cookieHeader!,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
        payload: JSON.stringify(body()),
      });
    const first = await post('abc-123');
    const again = await post('abc-123');
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json<One>().publication.id).toBe(first.json<One>().publication.id);
    const bad = await post('has space');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'invalid_idempotency_key' } });
    const list = await client.get('/api/publications');
    expect(list.json<{ items: PublicationView[] }>().items).toHaveLength(1);
  });

  it('GET /api/publications filters by status, connection, item and planned time, and pages', async () => {
    const now = await create();
    const later = await create({ scheduledAt: new Date(t.clock.now() + 86_400_000).toISOString() });
    const yt = await create({
      connectionId: f.connections.youtube.id,
      options: { privacyStatus: 'private', madeForKids: false },
    });
    const ids = async (query: string) =>
      (await client.get(`/api/publications${query}`))
        .json<{ items: PublicationView[] }>()
        .items.map((p) => p.id);
    expect(await ids('')).toEqual([later.id, yt.id, now.id]);
    expect(await ids('?status=scheduled')).toEqual([later.id]);
    expect(await ids(`?connectionId=${f.connections.youtube.id}`)).toEqual([yt.id]);
    expect(await ids(`?itemId=${f.item.id}`)).toHaveLength(3);
    expect(await ids(`?itemId=nope`)).toEqual([]);
    const tomorrow = new Date(t.clock.now() + 3_600_000).toISOString();
    expect(await ids(`?from=${encodeURIComponent(tomorrow)}`)).toEqual([later.id]);
    expect(await ids(`?to=${encodeURIComponent(tomorrow)}`)).toEqual([yt.id, now.id]);
    const page = (await client.get('/api/publications?limit=2')).json<{
      items: PublicationView[];
      nextCursor: string;
    }>();
    expect(page.items).toHaveLength(2);
    const rest = (await client.get(`/api/publications?limit=2&cursor=${page.nextCursor}`)).json<{
      items: PublicationView[];
    }>();
    expect(rest.items.map((p) => p.id)).toEqual([now.id]);
    expect((await client.get('/api/publications?status=bogus')).statusCode).toBe(400);
  });

  it('GET /api/publications/{id}: the timeline and the link once published; 404', async () => {
    const p = await create();
    await advance(p.id);
    const res = await client.get(`/api/publications/${p.id}`);
    expect(res.json<One['publication']>()).toMatchObject({
      status: 'published',
      platformPostId: 'post-1',
      url: 'https://example.test/p/post-1',
      attempts: 1,
      timeline: [{ status: 'queued' }, { status: 'uploading' }, { status: 'published' }],
    });
    expect((await client.get('/api/publications/nope')).statusCode).toBe(404);
  });

  it('POST /api/publications/{id}/retry: 409 not_retriable unless failed; then queued again', async () => {
    const p = await create();
    expect((await client.post(`/api/publications/${p.id}/retry`)).json()).toMatchObject({
      error: { code: 'not_retriable' },
    });
    publishers.tiktok.script(async () => {
      throw new PublishFailure(
        'tiktok',
        'tiktok.picture_size_check_failed',
        'TikTok refused the picture size',
        'fail',
      );
    });
    await advance(p.id);
    const failed = (await client.get(`/api/publications/${p.id}`)).json<One['publication']>();
    expect(failed).toMatchObject({
      status: 'failed',
      error: { code: 'tiktok.picture_size_check_failed', retriable: false },
    });
    const retried = await client.post(`/api/publications/${p.id}/retry`);
    expect(retried.statusCode).toBe(200);
    expect(retried.json<One>().publication).toMatchObject({ status: 'queued', error: null });
    expect((await client.post('/api/publications/nope/retry')).statusCode).toBe(404);
  });

  it('DELETE /api/publications/{id}: canceled while queued; 409 publication_started once uploading', async () => {
    const p = await create();
    const canceled = await client.delete(`/api/publications/${p.id}`);
    expect(canceled.statusCode).toBe(200);
    expect(canceled.json<One>().publication.status).toBe('canceled');
    const q = await create();
    publishers.tiktok.script(async (journal) => {
      await journal.record('init', 'after', { publishId: 'pub-x' });
      return { kind: 'wait', checkAgainInMs: 10_000, detail: 'Processing' };
    });
    await advance(q.id);
    const started = await client.delete(`/api/publications/${q.id}`);
    expect(started.statusCode).toBe(409);
    expect(started.json()).toMatchObject({ error: { code: 'publication_started' } });
    expect((await client.delete('/api/publications/nope')).statusCode).toBe(404);
  });

  it('PATCH /api/publications/{id}: reschedules while scheduled; 409 once started; 400 on a bad time', async () => {
    const p = await create({ scheduledAt: new Date(t.clock.now() + 3_600_000).toISOString() });
    const at = new Date(t.clock.now() + 7_200_000).toISOString();
    const moved = await client.patch(`/api/publications/${p.id}`, {
      scheduledAt: at,
      timeZone: 'Europe/Paris',
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json<One>().publication).toMatchObject({
      status: 'scheduled',
      scheduledAt: at,
      timeZone: 'Europe/Paris',
    });
    expect((await client.patch(`/api/publications/${p.id}`, { scheduledAt: 'tomorrow' })).statusCode).toBe(
      400,
    );
    const q = await create();
    await advance(q.id);
    const started = await client.patch(`/api/publications/${q.id}`, { scheduledAt: at });
    expect(started.json()).toMatchObject({ error: { code: 'publication_started' } });
  });

  it('TikTok webhooks (signed) fill the post id and link of a publication awaiting moderation, once', async () => {
    publishers.tiktok.script(async (journal) => {
      await journal.record('init', 'after', { publishId: 'v_pub_file~1', username: 'ai.factory' });
      return {
        kind: 'published',
        postId: null,
        url: null,
        detail: 'Published; TikTok is moderating it',
        awaitingPostId: true,
      };
    });
    const p = await create();
    await advance(p.id);
    const secret = t.container.platformAccess.apps.tiktok!.clientSecret;
    const send = async (event: string, content: object) => {
      const raw = JSON.stringify({
        client_key: 'k',
        event,
        create_time: 1,
        user_openid: 'u',
        content: JSON.stringify(content),
      });
      const ts = Math.floor(t.clock.now() / 1000);
      const sig = createHmac('sha256', secret).update(`${ts}.${raw}`).digest('hex');
      return t.app.inject({
        method: 'POST',
        url: '/webhooks/tiktok',
        headers: { 'content-type': 'application/json', 'tiktok-signature': `t=${ts},s=${sig}` },
        payload: raw,
      });
    };
    const content = {
      publish_id: 'v_pub_file~1',
      post_id: '7300000000000000001',
      publish_type: 'DIRECT_PUBLISH',
    };
    expect((await send('post.publish.publicly_available', content)).statusCode).toBe(200);
    expect((await send('post.publish.publicly_available', content)).json()).toMatchObject({
      duplicate: true,
    });
    const view = (await client.get(`/api/publications/${p.id}`)).json<One['publication']>();
    expect(view).toMatchObject({
      status: 'published',
      platformPostId: '7300000000000000001',
      url: 'https://www.tiktok.com/@ai.factory/video/7300000000000000001',
    });
  });
});
