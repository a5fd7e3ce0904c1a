import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/load.js';
import { EgressRecorder } from '../../fakes/egress-recorder.js';
import { startFakeGcs, type FakeGcs } from '../../fakes/fake-gcs-server.js';
import { makeTestServiceAccount } from '../../fakes/gcs-service-account.js';
import { multipartBody } from '../../fakes/multipart.js';
import { solidPng } from '../../fakes/png.js';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';

describe('MEDIA_STORE=gcs over HTTP (fake GCS)', () => {
  let dir: string;
  let fake: FakeGcs;
  let t: TestApp;
  let owner: Client;
  const egress = new EgressRecorder();

  beforeAll(async () => {
    egress.start();
    dir = mkdtempSync(join(tmpdir(), 'aif-gcs-http-'));
    const account = makeTestServiceAccount(dir);
    fake = await startFakeGcs({ buckets: ['aif-media'], publicKeyPem: account.publicKeyPem });
    t = await startTestApp({
      MEDIA_STORE: 'gcs',
      GCS_BUCKET: 'aif-media',
      GCS_API_ENDPOINT: fake.endpoint,
      GCS_KEY_FILE: account.keyFile,
    });
    owner = new Client(t.app, t.origin);
    await owner.signUp('owner@example.com');
  });
  afterAll(async () => {
    egress.stop();
    await t.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores an upload in the bucket, and its link redirects to a signed URL that serves it', async () => {
    const png = solidPng(64, 48, [42, 111, 151]);
    const { payload, contentType } = await multipartBody(
      {},
      { field: 'file', name: 'harbour.png', data: png },
    );
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/library',
      headers: { origin: t.origin, cookie: owner.cookieHeader ?? '', 'content-type': contentType },
      payload,
    });
    expect(created.statusCode).toBe(201);
    const asset = created.json<{ id: string; url: string; width: number }>();
    expect(asset.width).toBe(64);
    // Checked under a temporary key, then moved: only the final object is left.
    const names = [...(fake.buckets.get('aif-media')?.keys() ?? [])];
    expect(names).toEqual([
      expect.stringMatching(new RegExp(`^workspaces/[^/]+/library/${asset.id}\\.png$`)),
    ]);

    const link = await t.app.inject({ method: 'GET', url: asset.url });
    expect(link.statusCode).toBe(302);
    const location = String(link.headers.location);
    expect(
      location.startsWith(`${fake.endpoint}/aif-media/${names[0] ?? ''}?X-Goog-Algorithm=GOOG4-RSA-SHA256`),
    ).toBe(true);
    const file = await fetch(location);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(png)).toBe(true);
    expect(egress.foreign([fake.endpoint, t.origin])).toEqual([]);
    expect(fake.log.unhandled).toEqual([]);
  });

  it('a forged or expired app link is refused before any bucket URL is made', async () => {
    const key = 'workspaces/x/library/a.png';
    const path = t.container.mediaLinks.path(key);
    const forged = path.replace(/sig=[^&]+/, 'sig=AAAA');
    expect((await t.app.inject({ method: 'GET', url: forged })).statusCode).toBe(404);
    t.clock.advance(21 * 60 * 1000);
    const expired = await t.app.inject({ method: 'GET', url: path });
    expect(expired.statusCode).toBe(404);
    expect(expired.headers.location).toBeUndefined();
  });

  it('refuses MEDIA_STORE=gcs without a bucket, naming the setting', () => {
    expect(() => loadConfig({ MEDIA_STORE: 'gcs' }, join(dir, 'no.env'))).toThrow(ConfigError);
    expect(() => loadConfig({ MEDIA_STORE: 'gcs' }, join(dir, 'no.env'))).toThrow(/GCS_BUCKET/);
    expect(loadConfig({}, join(dir, 'no.env')).MEDIA_STORE).toBe('local');
  });
});
