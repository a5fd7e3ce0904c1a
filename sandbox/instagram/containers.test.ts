import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Publisher, startVideoServer } from './publishing-support.js';
import { connect, graph, graphError, json, startLocalServer, type LocalServer } from './test-support.js';

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

describe('container creation', () => {
  it('really fetches video_url, then goes IN_PROGRESS ─► FINISHED ─► PUBLISHED', async () => {
    const id = await p.createReel({ caption: 'Hello #reels @friend' });
    expect(files.requests.some((r) => r.method === 'GET' && r.path === '/reel.mp4')).toBe(true);
    expect(await p.status(id)).toEqual({
      id,
      status_code: 'IN_PROGRESS',
      status: 'In Progress: Media is still being processed.',
    });
    p.advance(30_000);
    expect((await p.status(id)).status_code).toBe('FINISHED');
    const published = await p.publish(id);
    expect(published.statusCode).toBe(200);
    const mediaId = String(json(published).id);
    expect((await p.status(id)).status_code).toBe('PUBLISHED');
    const media = json(
      await graph(p.t.app, 'GET', `/v25.0/${mediaId}`, {
        fields: 'permalink,shortcode,media_product_type,media_type,timestamp,caption,like_count',
        access_token: p.account.longToken,
      }),
    );
    expect(media).toMatchObject({
      id: mediaId,
      media_product_type: 'REELS',
      media_type: 'VIDEO',
      caption: 'Hello #reels @friend',
    });
    expect(media.permalink).toBe(`https://www.instagram.com/reel/${String(media.shortcode)}/`);
    expect(media.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/);
  });

  it('takes a JSON body with a Bearer header, as the current docs show', async () => {
    const response = await p.t.app.inject({
      method: 'POST',
      url: `/instagram/graph/v25.0/${p.account.igUserId}/media`,
      headers: { authorization: `Bearer ${p.account.longToken}`, 'content-type': 'application/json' },
      payload: {
        media_type: 'REELS',
        video_url: files.url('/reel.mp4'),
        share_to_feed: false,
        thumb_offset: 1000,
      },
    });
    expect(response.statusCode).toBe(200);
  });

  it('puts the container in ERROR 2207052 when video_url is unreachable or not 2xx', async () => {
    const gone = await p.createReel({ video_url: files.url('/gone.mp4') });
    expect(await p.status(gone)).toMatchObject({
      status_code: 'ERROR',
      status: 'Error: Media upload has failed with error code 2207052',
    });
    const closed = await startLocalServer({});
    const unreachableUrl = closed.url('/v.mp4');
    await closed.close();
    const unreachable = await p.createReel({ video_url: unreachableUrl });
    expect((await p.status(unreachable)).status).toContain('2207052');
  });

  it('fails a download that takes too long with 2207003', async () => {
    const slow = await p.createReel({ video_url: files.url('/slow.mp4') });
    expect(await p.status(slow)).toMatchObject({
      status_code: 'ERROR',
      status: 'Error: Media upload has failed with error code 2207003',
    });
  });

  it('fails files that are not a usable Reel with 2207026 once processed', async () => {
    for (const path of ['/page.html', '/short.mp4', '/not-faststart.mp4']) {
      const id = await p.createReel({ video_url: files.url(path) });
      expect((await p.status(id)).status_code).toBe('IN_PROGRESS');
      p.advance(30_000);
      expect((await p.status(id)).status).toBe('Error: Media upload has failed with error code 2207026');
    }
  });

  it('checks thumb_offset against the real duration (1/2207057), unless cover_url wins', async () => {
    for (const thumbOffset of ['12000', '-5', 'abc']) {
      const response = await p.create({
        media_type: 'REELS',
        video_url: files.url('/reel.mp4'),
        thumb_offset: thumbOffset,
      });
      expect(response.statusCode).toBe(400);
      expect(graphError(response)).toMatchObject({ code: 1, error_subcode: 2207057, is_transient: false });
    }
    await p.createReel({ thumb_offset: '11999' });
    await p.createReel({ thumb_offset: '60000', cover_url: files.url('/cover.jpg') });
  });

  it('enforces the caption limits: 2200 characters, 30 hashtags, 20 mentions (2207010)', async () => {
    const tags = (n: number, mark: string) => Array.from({ length: n }, (_, i) => `${mark}tag${i}`).join(' ');
    for (const caption of ['x'.repeat(2201), tags(31, '#'), tags(21, '@')]) {
      const response = await p.create({ media_type: 'REELS', video_url: files.url('/reel.mp4'), caption });
      expect(response.statusCode).toBe(400);
      expect(graphError(response)).toMatchObject({ code: 100, error_subcode: 2207010 });
    }
    await p.createReel({ caption: 'x'.repeat(2200) });
    await p.createReel({ caption: `${tags(30, '#')} ${tags(20, '@')} mail@example.com` });
  });

  it('refuses other bad input with the Graph envelope', async () => {
    const missingUrl = await p.create({ media_type: 'REELS' });
    expect(graphError(missingUrl)).toMatchObject({
      code: 100,
      message: '(#100) The parameter video_url is required',
    });
    const badType = await p.create({ media_type: 'GIF', video_url: files.url('/reel.mp4') });
    expect(graphError(badType).code).toBe(100);
    const noType = await p.create({ video_url: files.url('/reel.mp4') });
    expect(graphError(noType).message).toBe('(#100) The parameter image_url is required');
    const badCollaborators = await p.create({
      media_type: 'REELS',
      video_url: files.url('/reel.mp4'),
      collaborators: '["@a"]',
    });
    expect(graphError(badCollaborators)).toMatchObject({ code: 100, error_subcode: 2207018 });
    const badFeed = await p.create({
      media_type: 'REELS',
      video_url: files.url('/reel.mp4'),
      share_to_feed: 'maybe',
    });
    expect(graphError(badFeed).code).toBe(100);
  });

  it('only lets the owner reach a container, and only the professional id or me name the account', async () => {
    const id = await p.createReel();
    const creator = await connect(p.t.app, 'private');
    const foreign = await graph(p.t.app, 'GET', `/v25.0/${id}`, {
      fields: 'status_code',
      access_token: creator.longToken,
    });
    expect(graphError(foreign)).toMatchObject({ code: 100, error_subcode: 33 });
    const viaAppScoped = await p.create(
      { media_type: 'REELS', video_url: files.url('/reel.mp4') },
      p.account.longToken,
      p.account.appScopedId,
    );
    expect(graphError(viaAppScoped)).toMatchObject({ code: 100, error_subcode: 33 });
    const viaMe = await p.create(
      { media_type: 'REELS', video_url: files.url('/reel.mp4') },
      p.account.longToken,
      'me',
    );
    expect(viaMe.statusCode).toBe(200);
  });
});
