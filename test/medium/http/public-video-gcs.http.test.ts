import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../../src/domain/connection.js';
import { startFakeGcs, type FakeGcs } from '../../fakes/fake-gcs-server.js';
import { FakePublisher } from '../../fakes/fake-publisher.js';
import { makeTestServiceAccount } from '../../fakes/gcs-service-account.js';
import { approvedVersionFixture, VIDEO_BYTES } from '../../fakes/publishing-fixture.js';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';

describe('the public video link with MEDIA_STORE=gcs (fake GCS)', () => {
  let dir: string;
  let fake: FakeGcs;
  let t: TestApp;
  let url = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aif-gcs-public-'));
    const account = makeTestServiceAccount(dir);
    fake = await startFakeGcs({ buckets: ['aif-media'], publicKeyPem: account.publicKeyPem });
    const publishers: Record<Platform, FakePublisher> = {
      tiktok: new FakePublisher('tiktok'),
      instagram: new FakePublisher('instagram'),
      youtube: new FakePublisher('youtube'),
    };
    t = await startTestApp(
      {
        MEDIA_STORE: 'gcs',
        GCS_BUCKET: 'aif-media',
        GCS_API_ENDPOINT: fake.endpoint,
        GCS_KEY_FILE: account.keyFile,
      },
      { publishers },
    );
    const { user, workspace } = await new Client(t.app).signUp('owner@example.com');
    const f = await approvedVersionFixture(t.container.store, t.container.mediaRoot, {
      workspace: { id: workspace.id, userId: user.id },
      vault: t.container.vault,
    });
    // The fixture writes the approved file on disk; with a bucket store it lives in the bucket.
    fake.buckets
      .get('aif-media')
      ?.set(f.version.outputs.videoKey, { bytes: VIDEO_BYTES, generation: '7', contentType: 'video/mp4' });
    publishers.instagram.script(async (journal, call) => {
      url = call.video.publicUrl;
      await journal.record('container', 'after', { containerId: 'c-1' });
      return { kind: 'wait', checkAgainInMs: 30_000, detail: 'Instagram is fetching the video' };
    });
    const p = await t.container.publishing.create(
      f.ctx,
      { versionId: f.version.id, connectionId: f.connections.instagram.id, options: {} },
      null,
    );
    await t.container.publishing.advance(f.ctx.workspaceId, p.id, 'job');
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the app link for the platform, which redirects to a signed bucket URL serving the approved file', async () => {
    expect(url.startsWith(`${t.origin}/public/publications/`)).toBe(true);
    const res = await t.app.inject({ method: 'GET', url: url.replace(t.origin, '') });
    expect(res.statusCode).toBe(302);
    const location = String(res.headers.location);
    expect(location.startsWith(`${fake.endpoint}/aif-media/`)).toBe(true);
    const file = await fetch(location);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(VIDEO_BYTES)).toBe(true);
  });

  it('a bad signature is refused by the app, with no redirect', async () => {
    const bad = new URL(url);
    bad.searchParams.set('sig', 'A'.repeat(43));
    const res = await t.app.inject({ method: 'GET', url: bad.toString().replace(t.origin, '') });
    expect(res.statusCode).toBe(403);
    expect(res.headers.location).toBeUndefined();
  });
});
