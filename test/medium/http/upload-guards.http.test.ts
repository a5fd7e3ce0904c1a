import { readdirSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../../fakes/multipart.js';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';

const FIFTY_MB = 50 * 1024 * 1024;
const BOUNDARY = 'guard-test-boundary';

/** Every file under a folder, as paths relative to it; none when it does not exist. */
function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
  } catch {
    return [];
  }
}

/** Joins `client` to the owner's workspace with `role`, through an invitation. */
async function joinAs(owner: Client, client: Client, email: string, role: string): Promise<void> {
  const invited = await owner.post('/api/invitations', { email, role });
  const token = new URL(invited.json<{ acceptUrl: string }>().acceptUrl).searchParams.get('token');
  await client.signUp(email);
  expect((await client.post('/api/invitations/accept', { token })).statusCode).toBe(200);
}

describe('role checks come before any upload byte is stored', () => {
  let t: TestApp;
  let viewer: Client;

  beforeAll(async () => {
    t = await startTestApp({ MEDIA_UPLOAD_MAX_MB: '100' }, { listen: true });
    const owner = new Client(t.app, t.origin);
    await owner.signUp('owner@example.com');
    viewer = new Client(t.app, t.origin);
    await joinAs(owner, viewer, 'viewer@example.com', 'viewer');
  });
  afterAll(async () => t.close());

  /**
   * Starts a 50 MB multipart upload, sends only its first 64 KB and keeps the body open: the answer must come
   * anyway, since the server should refuse on the headers alone.
   */
  function openUpload(path: string, field: string): Promise<{ response: IncomingMessage; body: string }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(`${t.origin}${path}`, {
        method: 'POST',
        headers: {
          origin: t.origin,
          cookie: viewer.cookieHeader ?? '',
          'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
          'content-length': String(FIFTY_MB),
        },
      });
      req.on('error', reject);
      req.on('response', (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => {
          // The body was never finished: the answer came while it was still open.
          expect(req.writableEnded).toBe(false);
          req.destroy();
          resolve({ response, body });
        });
      });
      req.write(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="big.mp4"\r\n` +
          'Content-Type: video/mp4\r\n\r\n',
      );
      req.write(Buffer.alloc(64 * 1024, 7));
    });
  }

  it.each([
    ['/api/library', 'file'],
    ['/api/items/upload', 'video'],
  ])(
    'a viewer posting 50 MB to %s gets 403 before the body is read, and no file lands',
    async (path, field) => {
      const before = filesUnder(join(t.dataDir, 'media'));
      const { response, body } = await openUpload(path, field);
      expect(response.statusCode).toBe(403);
      expect(JSON.parse(body)).toMatchObject({ error: { code: 'forbidden' } });
      expect(filesUnder(join(t.dataDir, 'media'))).toEqual(before);
    },
  );
});

describe('a per-workspace limit on queued work (WORKSPACE_QUEUE_MAX)', () => {
  let t: TestApp;
  let owner: Client;

  beforeAll(async () => {
    // The queue is not started: items stay queued, as behind a long render.
    t = await startTestApp({ WORKSPACE_QUEUE_MAX: '2' });
    owner = new Client(t.app, t.origin);
    await owner.signUp('owner@example.com');
  });
  afterAll(async () => t.close());

  it('answers 429 queue_full for a new item, a series or a video upload once the limit is reached', async () => {
    expect((await owner.post('/api/items', { topic: 'First of two' })).statusCode).toBe(201);
    const series = await owner.post('/api/items/series', {
      briefs: [{ topic: 'Second' }, { topic: 'Third' }],
    });
    expect(series.statusCode).toBe(429);
    expect(series.json()).toMatchObject({ error: { code: 'queue_full' } });
    expect((await owner.post('/api/items', { topic: 'Second of two' })).statusCode).toBe(201);

    const third = await owner.post('/api/items', { topic: 'One too many' });
    expect(third.statusCode).toBe(429);
    expect(third.json()).toMatchObject({
      error: { code: 'queue_full', message: expect.stringContaining('at most 2') as string },
    });

    const { payload, contentType } = await multipartBody(
      { title: 'An upload while the queue is full' },
      { field: 'video', name: 'clip.mp4', data: Buffer.alloc(1024, 1) },
    );
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/items/upload',
      headers: { origin: t.origin, cookie: owner.cookieHeader ?? '', 'content-type': contentType },
      payload,
    });
    expect(upload.statusCode).toBe(429);
    expect(upload.json()).toMatchObject({ error: { code: 'queue_full' } });
    const listed = await owner.get('/api/items?status=queued');
    expect(listed.json<{ items: unknown[] }>().items).toHaveLength(2);
  });
});
