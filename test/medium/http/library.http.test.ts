import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../../fakes/multipart.js';
import { solidPng } from '../../fakes/png.js';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';

const MAX_MB = 1;

interface Asset {
  id: string;
  kind: string;
  filename: string;
  sizeBytes: number;
  width: number;
  height: number;
  durationMs: number | null;
  tags: string[];
  url: string;
}

describe('media library over HTTP', () => {
  let t: TestApp;
  let owner: Client;

  beforeAll(async () => {
    t = await startTestApp({ MEDIA_UPLOAD_MAX_MB: String(MAX_MB) });
    owner = new Client(t.app, t.origin);
    await owner.signUp('owner@example.com');
  });
  afterAll(async () => t.close());

  async function upload(name: string, data: Buffer, fields: Record<string, string> = {}) {
    const { payload, contentType } = await multipartBody(fields, { field: 'file', name, data });
    return t.app.inject({
      method: 'POST',
      url: '/api/library',
      headers: { origin: t.origin, cookie: owner.cookieHeader ?? '', 'content-type': contentType },
      payload,
    });
  }

  it('tells a signed-in person the upload limit, and nobody else', async () => {
    expect((await new Client(t.app, t.origin).get('/api/library/limits')).statusCode).toBe(401);
    const limits = await owner.get('/api/library/limits');
    expect(limits.statusCode).toBe(200);
    expect(limits.json()).toEqual({ maxUploadBytes: MAX_MB * 1024 * 1024 });
  });

  it('documents the limit in the OpenAPI schema', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, { get?: { responses: Record<string, unknown> } }>;
    }>();
    expect(JSON.stringify(spec.paths['/api/library/limits']?.get?.responses['200'])).toContain(
      'maxUploadBytes',
    );
  });

  it('keeps a picture sent as the web app sends it, lists it with a working link, and deletes it', async () => {
    const png = solidPng(64, 48, [42, 111, 151]);
    const created = await upload('harbour.png', png, { description: 'Boats at sunrise' });
    expect(created.statusCode).toBe(201);
    const asset = created.json<Asset>();
    expect(asset).toMatchObject({
      kind: 'image',
      filename: 'harbour.png',
      sizeBytes: png.length,
      width: 64,
      height: 48,
      durationMs: null,
    });
    expect(asset.tags).toEqual(expect.arrayContaining(['harbour', 'boats', 'sunrise']));

    const page = (await owner.get('/api/library?limit=10')).json<{ items: Asset[] }>();
    expect(page.items.map((item) => item.id)).toEqual([asset.id]);
    const file = await t.app.inject({ method: 'GET', url: asset.url });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(png)).toBe(true);
    const one = await owner.get(`/api/library/${asset.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json<Asset>()).toMatchObject({ id: asset.id, filename: 'harbour.png', kind: 'image' });

    expect((await owner.delete(`/api/library/${asset.id}`)).statusCode).toBe(204);
    expect((await owner.get(`/api/library/${asset.id}`)).json()).toMatchObject({
      error: { code: 'media_asset_not_found' },
    });
    expect((await owner.get('/api/library')).json<{ items: Asset[] }>().items).toEqual([]);
  });

  it.each([
    [
      'a file over the limit',
      'big.png',
      Buffer.alloc(1.5 * MAX_MB * 1024 * 1024, 7),
      'upload_too_large',
      'up to 1 MB',
    ],
    [
      'random bytes named like a picture',
      'x.png',
      Buffer.from('not a picture'),
      'upload_corrupt',
      'could not be read',
    ],
  ])('refuses %s with a plain message', async (_case, name, data, code, words) => {
    const refused = await upload(name, data);
    expect(refused.statusCode).toBe(400);
    const { error } = refused.json<{ error: { code: string; message: string } }>();
    expect(error).toMatchObject({ code, message: expect.stringContaining(words) as unknown });
    expect((await owner.get('/api/library')).json<{ items: Asset[] }>().items).toEqual([]);
  });
});
