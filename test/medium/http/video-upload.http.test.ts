import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../../fakes/multipart.js';
import { solidPng } from '../../fakes/png.js';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';

const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;

interface Detail {
  item: { id: string; source: string; status: string; title: string; currentVersionId: string };
  versions: {
    id: string;
    number: number;
    videoUrl: string;
    coverUrl: string;
    outputs: {
      source: string;
      filename: string;
      videoKey: string;
      metadata: { tiktok?: { caption: string; aiGenerated: boolean }; youtube?: { title: string } };
      preflight: { platform: string; rule: string; message: string }[];
    };
  }[];
}

describe.skipIf(!hasFfmpeg && process.env.CI !== 'true')('uploading a finished video', () => {
  let t: TestApp;
  let owner: Client;
  let files: string;

  /** A real clip made by ffmpeg: size, frame rate and length as given, H.264 with AAC sound. */
  function clip(name: string, size: string, fps: number, seconds = 3): Buffer {
    const out = join(files, name);
    const made = spawnSync('ffmpeg', [
      ...['-v', 'error', '-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=${fps}:duration=${seconds}`],
      ...['-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`],
      // A high CRF keeps a full-size test clip small.
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '45', '-pix_fmt', 'yuv420p'],
      ...['-c:a', 'aac', '-shortest'],
      ...['-movflags', '+faststart', out],
    ]);
    if (made.status !== 0) throw new Error(made.stderr.toString());
    return readFileSync(out);
  }

  beforeAll(async () => {
    files = mkdtempSync(join(tmpdir(), 'aif-upload-'));
    t = await startTestApp({ MEDIA_UPLOAD_MAX_MB: '2' });
    await t.container.startJobs();
    owner = new Client(t.app, t.origin);
    await owner.signUp('owner@example.com');
  });
  afterAll(async () => {
    await t.close();
    rmSync(files, { recursive: true, force: true });
  });

  async function upload(
    fields: Record<string, string>,
    file: { name: string; data: Buffer } | null,
    client: Client = owner,
  ) {
    const { payload, contentType } = await multipartBody(fields, file && { field: 'video', ...file });
    return t.app.inject({
      method: 'POST',
      url: '/api/items/upload',
      headers: { origin: t.origin, cookie: client.cookieHeader ?? '', 'content-type': contentType },
      payload,
    });
  }

  const detail = async (id: string) => (await owner.get(`/api/items/${id}`)).json<Detail>();
  const uploadedFiles = () => {
    const root = join(t.dataDir, 'media', 'workspaces');
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.parentPath.includes('uploads'))
      .map((entry) => entry.name);
  };

  it('keeps a vertical video as it is, with a cover, platform texts and passing checks', async () => {
    const res = await upload(
      { title: 'Latte art in 3 steps', description: 'Steam, pour, swirl.', platforms: 'tiktok,youtube' },
      { name: 'latte-final.mp4', data: clip('vertical.mp4', '1080x1920', 30) },
    );
    expect(res.statusCode, res.body).toBe(201);
    const { item, versions } = await detail(res.json<{ item: { id: string } }>().item.id);
    expect(item).toMatchObject({ source: 'upload', status: 'ready', title: 'Latte art in 3 steps' });
    const [first] = versions;
    expect(first?.outputs).toMatchObject({ source: 'upload', filename: 'latte-final.mp4', preflight: [] });
    expect(first?.outputs.metadata.tiktok?.caption).toContain('Latte art in 3 steps');
    expect(first?.outputs.metadata.tiktok?.aiGenerated).toBe(false);
    expect(first?.outputs.metadata.youtube?.title).toBe('Latte art in 3 steps');
    expect(Object.keys(first?.outputs.metadata ?? {}).sort()).toEqual(['tiktok', 'youtube']);

    const cover = await owner.get(first?.coverUrl ?? '');
    expect(cover.statusCode).toBe(200);
    expect(cover.headers['content-type']).toContain('image/jpeg');
    const video = await owner.get(first?.videoUrl ?? '');
    expect(video.statusCode).toBe(200);
    expect(video.rawPayload.length).toBeGreaterThan(10_000);
  });

  it('lists in plain words each rule a landscape, low frame rate clip breaks', async () => {
    const res = await upload(
      { title: 'Old landscape clip' },
      { name: 'old.mp4', data: clip('landscape.mp4', '640x360', 15) },
    );
    expect(res.statusCode, res.body).toBe(201);
    const { item, versions } = await detail(res.json<{ item: { id: string } }>().item.id);
    expect(item.status).toBe('ready');
    const problems = versions[0]?.outputs.preflight ?? [];
    expect(new Set(problems.map((p) => p.platform))).toEqual(new Set(['tiktok', 'instagram', 'youtube']));
    const rules = (platform: string) => problems.filter((p) => p.platform === platform).map((p) => p.rule);
    expect(rules('tiktok')).toEqual(expect.arrayContaining(['frame_rate', 'aspect_ratio']));
    expect(problems.find((p) => p.rule === 'frame_rate')?.message).toMatch(/runs at 15 fps/);
  });

  it('edits the platform texts of an upload into version 2 with the same file, and refuses script edits', async () => {
    const res = await upload(
      { title: 'Pour-over basics' },
      { name: 'pour.mp4', data: clip('pour.mp4', '1080x1920', 30) },
    );
    const id = res.json<{ item: { id: string } }>().item.id;
    const before = await detail(id);
    const edited = await owner.post(`/api/items/${id}/versions`, {
      metadata: { tiktok: { caption: 'Slow pour, better cup #coffee', aiGenerated: false } },
    });
    expect(edited.statusCode, edited.body).toBe(202);
    await t.container.queue.idle();
    const after = await detail(id);
    expect(after.item.status).toBe('ready');
    expect(after.versions.map((v) => v.number)).toEqual([2, 1]);
    expect(after.versions[0]?.outputs.metadata.tiktok?.caption).toBe('Slow pour, better cup #coffee');
    expect(after.versions[0]?.outputs.videoKey).toBe(before.versions[0]?.outputs.videoKey);

    const scriptEdit = await owner.post(`/api/items/${id}/versions`, { captionText: { '0': 'New words' } });
    expect(scriptEdit.statusCode).toBe(400);
    expect(scriptEdit.json()).toMatchObject({ error: { code: 'edit_not_applicable' } });
  });

  it.each([
    [
      'a picture',
      { title: 'A picture' },
      { name: 'photo.mp4', data: solidPng(32, 32, [1, 2, 3]) },
      'upload_unsupported',
    ],
    [
      'random bytes',
      { title: 'Broken export' },
      { name: 'broken.mp4', data: Buffer.alloc(5000, 7) },
      'upload_corrupt',
    ],
    ['no file', { title: 'Nothing here' }, null, 'upload_missing'],
    ['no title', {}, { name: 'x.mp4', data: Buffer.alloc(10, 1) }, 'validation_failed'],
    [
      'an unknown platform',
      { title: 'Fine title', platforms: 'myspace' },
      { name: 'x.mp4', data: Buffer.alloc(10, 1) },
      'validation_failed',
    ],
    [
      'a file over the limit',
      { title: 'Too big' },
      { name: 'big.mp4', data: Buffer.alloc(2 * 1024 * 1024 + 10, 1) },
      'upload_too_large',
    ],
  ])('refuses %s with a 400 and keeps nothing', async (_name, fields, file, code) => {
    const count = async () => (await owner.get('/api/items')).json<{ items: unknown[] }>().items.length;
    const items = await count();
    const stored = uploadedFiles().length;
    const res = await upload(fields, file);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code } });
    expect(await count()).toBe(items);
    expect(uploadedFiles()).toHaveLength(stored);
  });

  it('keeps a long title whole, and says plainly when a title is too short', async () => {
    const title = `A very long title ${'x'.repeat(170)}`;
    const long = await upload({ title }, { name: 'long.mp4', data: clip('long.mp4', '1080x1920', 30, 1) });
    expect(long.statusCode, long.body).toBe(201);
    expect(long.json<{ item: { title: string } }>().item.title).toBe(title);
    const short = await upload({ title: 'ab' }, { name: 'short.mp4', data: Buffer.alloc(10, 1) });
    expect(short.json()).toMatchObject({
      error: { code: 'validation_failed', message: 'title: Give the video a title (at least 3 characters)' },
    });
  });

  it('is for owners and editors only', async () => {
    const invited = await owner.post('/api/invitations', { email: 'viewer@example.com', role: 'viewer' });
    const token = new URL(invited.json<{ acceptUrl: string }>().acceptUrl).searchParams.get('token');
    const viewer = new Client(t.app, t.origin);
    await viewer.signUp('viewer@example.com');
    expect((await viewer.post('/api/invitations/accept', { token })).statusCode).toBe(200);
    const res = await upload(
      { title: 'Not allowed' },
      { name: 'v.mp4', data: clip('viewer.mp4', '1080x1920', 30, 1) },
      viewer,
    );
    expect(res.statusCode).toBe(403);
  });
});
