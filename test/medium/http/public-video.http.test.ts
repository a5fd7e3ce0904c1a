import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../../src/domain/connection.js';
import type { Publication } from '../../../src/domain/publishing/publication.js';
import { FakePublisher } from '../../fakes/fake-publisher.js';
import { approvedVersionFixture, VIDEO_BYTES } from '../../fakes/publishing-fixture.js';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';

describe('the public video link platforms fetch (Instagram video_url)', () => {
  let t: TestApp;
  let publishers: Record<Platform, FakePublisher>;
  let f: Awaited<ReturnType<typeof approvedVersionFixture>>;
  let p: Publication;
  let url: string;
  beforeAll(async () => {
    publishers = {
      tiktok: new FakePublisher('tiktok'),
      instagram: new FakePublisher('instagram'),
      youtube: new FakePublisher('youtube'),
    };
    t = await startTestApp({}, { publishers });
    const client = new Client(t.app);
    const { user, workspace } = await client.signUp('owner@example.com');
    f = await approvedVersionFixture(t.container.store, t.container.mediaRoot, {
      workspace: { id: workspace.id, userId: user.id },
      vault: t.container.vault,
    });
    // The publisher keeps the URL it was given, as Instagram's container create would send it.
    publishers.instagram.script(async (journal, call) => {
      url = call.video.publicUrl;
      await journal.record('container', 'after', { containerId: 'c-1' });
      return { kind: 'wait', checkAgainInMs: 30_000, detail: 'Instagram is fetching the video' };
    });
    p = await t.container.publishing.create(
      f.ctx,
      { versionId: f.version.id, connectionId: f.connections.instagram.id, options: {} },
      null,
    );
    await t.container.publishing.advance(f.ctx.workspaceId, p.id, 'job');
  });
  afterAll(async () => t.close());

  const get = (target: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: target.replace(t.origin, ''), headers });

  it('is an absolute URL under PUBLIC_BASE_URL, signed and expiring', () => {
    expect(
      url.startsWith(`${t.origin}/public/publications/${f.ctx.workspaceId}/${p.id}/video.mp4?exp=`),
    ).toBe(true);
    const exp = Number(new URL(url).searchParams.get('exp'));
    expect(exp * 1000 - t.clock.now()).toBeGreaterThan(23 * 3_600_000);
  });

  it('serves exactly the approved file, without a session', async () => {
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('video/mp4');
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(Number(res.headers['content-length'])).toBe(VIDEO_BYTES.length);
    expect(res.rawPayload.equals(VIDEO_BYTES)).toBe(true);
  });

  it('answers Range requests with 206 and the exact bytes', async () => {
    const res = await get(url, { range: 'bytes=1000-1999' });
    expect(res.statusCode).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes 1000-1999/${VIDEO_BYTES.length}`);
    expect(Number(res.headers['content-length'])).toBe(1000);
    expect(res.rawPayload.equals(VIDEO_BYTES.subarray(1000, 2000))).toBe(true);
    const tail = await get(url, { range: 'bytes=-500' });
    expect(tail.statusCode).toBe(206);
    expect(tail.rawPayload.equals(VIDEO_BYTES.subarray(VIDEO_BYTES.length - 500))).toBe(true);
  });

  it('403 for a bad signature, another publication, or an expired link', async () => {
    const bad = new URL(url);
    bad.searchParams.set('sig', 'A'.repeat(43));
    expect((await get(bad.toString())).statusCode).toBe(403);
    expect((await get(url.replace(p.id, f.version.id))).statusCode).toBe(403);
    t.clock.advance(25 * 3_600_000);
    const expired = await get(url);
    expect(expired.statusCode).toBe(403);
    expect(expired.json()).toMatchObject({ error: { code: 'invalid_signature' } });
    t.clock.advance(-25 * 3_600_000);
  });

  it('404 once the publication is no longer uploadable', async () => {
    publishers.instagram.script(async () => ({
      kind: 'published',
      postId: 'ig-1',
      url: 'https://www.instagram.com/reel/abc/',
      detail: 'Published',
      awaitingPostId: false,
    }));
    t.clock.advance(30_000);
    expect(await t.container.publishing.advance(f.ctx.workspaceId, p.id, 'job-2')).toBe('published');
    expect((await get(url)).statusCode).toBe(404);
  });
});
