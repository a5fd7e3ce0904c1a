import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Publisher, startVideoServer } from './publishing-support.js';
import { connect, graph, graphError, json, type LocalServer } from './test-support.js';

let files: LocalServer;
beforeAll(async () => {
  files = await startVideoServer();
});
afterAll(async () => files.close());

let p: Publisher;
beforeEach(async () => {
  p = await Publisher.start(files);
});
afterEach(async () => p.t.close());

describe('media_publish', () => {
  it('refuses a container that is not FINISHED yet with 9007/2207027', async () => {
    const id = await p.createReel();
    const early = await p.publish(id);
    expect(early.statusCode).toBe(400);
    expect(graphError(early)).toMatchObject({
      code: 9007,
      error_subcode: 2207027,
      message: 'Media ID is not available',
    });
  });

  it('refuses to publish the same container twice', async () => {
    const id = await p.createReel();
    p.advance(30_000);
    expect((await p.publish(id)).statusCode).toBe(200);
    const again = await p.publish(id);
    expect(again.statusCode).toBe(400);
    expect(graphError(again)).toMatchObject({
      code: 9007,
      error_subcode: 2207027,
      error_user_title: 'Media already published',
    });
  });

  it('expires a FINISHED container after 24 h (24/2207008)', async () => {
    const id = await p.createReel();
    p.advance(24 * 3_600_000);
    expect((await p.status(id)).status_code).toBe('EXPIRED');
    expect(graphError(await p.publish(id))).toMatchObject({ code: 24, error_subcode: 2207008 });
    expect(graphError(await p.publish('17900000000099999'))).toMatchObject({
      code: 24,
      error_subcode: 2207008,
    });
  });

  it('refuses a standalone VIDEO container with 2207089', async () => {
    const id = await p.createReel({ media_type: 'VIDEO' });
    p.advance(30_000);
    const response = await p.publish(id);
    expect(graphError(response)).toMatchObject({
      code: 100,
      error_subcode: 2207089,
      error_user_title: 'Carousel item cannot be published standalone',
    });
  });

  it('caps publishes on a rolling 24 h window (9/2207042), visible in content_publishing_limit', async () => {
    p.t.sandbox.ctx.settings.instagram.publishesPer24h = 2;
    const limit = async () =>
      json(
        await graph(p.t.app, 'GET', `/v25.0/${p.account.igUserId}/content_publishing_limit`, {
          fields: 'quota_usage,config',
          access_token: p.account.longToken,
        }),
      );
    expect(await limit()).toEqual({
      data: [{ quota_usage: 0, config: { quota_total: 2, quota_duration: 86400 } }],
    });
    const ids = [await p.createReel(), await p.createReel(), await p.createReel()];
    p.advance(30_000);
    expect((await p.publish(ids[0] ?? '')).statusCode).toBe(200);
    p.advance(3_600_000);
    expect((await p.publish(ids[1] ?? '')).statusCode).toBe(200);
    expect(await limit()).toEqual({
      data: [{ quota_usage: 2, config: { quota_total: 2, quota_duration: 86400 } }],
    });
    const capped = await p.publish(ids[2] ?? '');
    expect(graphError(capped)).toMatchObject({ code: 9, error_subcode: 2207042 });
    p.advance(23 * 3_600_000 - 30_000); // with the next 30 s of processing, the first publish leaves the window
    const fresh = await p.createReel();
    p.advance(30_000);
    expect((await p.publish(fresh)).statusCode).toBe(200);
    const usage = json(
      await graph(p.t.app, 'GET', `/${p.account.igUserId}/content_publishing_limit`, {
        access_token: p.account.longToken,
      }),
    );
    expect(usage).toEqual({ data: [{ quota_usage: 2 }] });
  });

  it('does not let a personal account publish, nor a grant without the publish scope', async () => {
    const personal = await connect(p.t.app, 'ig-personal');
    const fromPersonal = await p.create(
      { media_type: 'REELS', video_url: files.url('/reel.mp4') },
      personal.longToken,
      personal.igUserId,
    );
    expect(fromPersonal.statusCode).toBe(403);
    expect(graphError(fromPersonal)).toMatchObject({
      code: 10,
      error_user_title: 'Professional account required',
    });
    const basicOnly = await connect(p.t.app, 'private', ['instagram_business_basic']);
    const noScope = await p.create(
      { media_type: 'REELS', video_url: files.url('/reel.mp4') },
      basicOnly.longToken,
      basicOnly.igUserId,
    );
    expect(graphError(noScope)).toMatchObject({
      code: 10,
      message: '(#10) Application does not have permission for this action',
    });
  });

  it('lists published media on /{ig-user-id}/media, newest first, before the earlier posts', async () => {
    const first = await p.createReel({ caption: 'one' });
    const second = await p.createReel({ caption: 'two' });
    p.advance(30_000);
    await p.publish(first);
    p.advance(1000);
    await p.publish(second);
    const list = json(
      await graph(p.t.app, 'GET', '/v25.0/me/media', {
        fields: 'caption',
        limit: '1',
        access_token: p.account.longToken,
      }),
    );
    expect(list.data).toEqual([{ caption: 'two', id: expect.any(String) as unknown }]);
    const after = (list.paging as { cursors: { after: string } }).cursors.after;
    const next = json(
      await graph(p.t.app, 'GET', '/v25.0/me/media', {
        fields: 'caption',
        after,
        access_token: p.account.longToken,
      }),
    );
    const captions = (next.data as { caption: string }[]).map((m) => m.caption);
    expect(captions[0]).toBe('one');
    // Then the account's 24 earlier posts (the world's default history), none of them published here.
    expect(captions.slice(1)).toHaveLength(24);
    expect(captions.slice(1)).not.toContain('two');
  });
});

describe('admin fixtures', () => {
  it('changes the processing time at run time, forces a container error and shows the state', async () => {
    const patched = await p.t.app.inject({
      method: 'PATCH',
      url: '/__sandbox/instagram/settings',
      payload: { containerProcessingMs: 0 },
    });
    expect(json(patched)).toMatchObject({ containerProcessingMs: 0, publishesPer24h: 100 });
    const quick = await p.createReel();
    expect((await p.status(quick)).status_code).toBe('FINISHED');

    const forced = await p.t.app.inject({
      method: 'POST',
      url: `/__sandbox/instagram/containers/${quick}/fail`,
      payload: {},
    });
    expect(json(forced)).toEqual({ id: quick, statusCode: 'ERROR' });
    expect((await p.status(quick)).status).toBe('Error: Media upload has failed with error code 2207082');
    expect(graphError(await p.publish(quick))).toMatchObject({ code: 9007, error_subcode: 2207027 });

    const state = json(await p.t.app.inject('/__sandbox/instagram/state'));
    expect(state.containers).toEqual([expect.objectContaining({ id: quick, statusCode: 'ERROR' })]);
    const bad = await p.t.app.inject({
      method: 'PATCH',
      url: '/__sandbox/instagram/settings',
      payload: { tokenBodyShape: 'xml' },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('serves the absolute thumbnail and profile picture URLs it hands out', async () => {
    const me = json(
      await graph(p.t.app, 'GET', '/v25.0/me', {
        fields: 'profile_picture_url',
        access_token: p.account.longToken,
      }),
    );
    const url = new URL(String(me.profile_picture_url));
    expect(url.origin).toBe('http://127.0.0.1:4010');
    const picture = await p.t.app.inject(url.pathname);
    expect(picture.statusCode).toBe(200);
    expect(picture.headers['content-type']).toBe('image/png');
  });
});
