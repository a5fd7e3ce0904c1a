import { afterEach, describe, expect, it } from 'vitest';
import {
  apiCall,
  connect,
  type Envelope,
  fileSource,
  type Harness,
  localPath,
  makeMp4,
  startSandbox,
  uploadFile,
} from './test-support.js';

let h: Harness;
afterEach(async () => h.close());

const MB = 1_000_000;

/** A Direct Post init for a file of `size` bytes; returns the publish id and the upload path. */
async function initUpload(size: number, chunkSize: number) {
  const token = await connect(h);
  const res = await apiCall(h, 'POST', '/v2/post/publish/video/init/', token.access_token, {
    post_info: { privacy_level: 'SELF_ONLY', title: 'upload test' },
    source_info: fileSource(size, chunkSize),
  });
  const data = res.json<Envelope<{ publish_id: string; upload_url: string }>>().data;
  return { token, publishId: data.publish_id, url: data.upload_url, path: localPath(data.upload_url) };
}

function put(path: string, body: Buffer, headers: Record<string, string>) {
  return h.app.inject({
    method: 'PUT',
    url: path,
    headers: { 'content-type': 'video/mp4', ...headers },
    payload: body,
  });
}

describe('TikTok upload host', () => {
  it('takes sequential chunks without Authorization: 206 for each chunk, 201 for the last (which takes the remainder)', async () => {
    h = await startSandbox();
    const file = makeMp4({ totalBytes: 12 * MB + 345 });
    const { url } = await initUpload(file.length, 5 * MB);
    expect(await uploadFile(h, url, file, 5 * MB)).toEqual([206, 201]);
  });

  it('refuses an Authorization header, a non-video type, a bad Content-Range and a wrong length (400)', async () => {
    h = await startSandbox();
    const file = makeMp4({ totalBytes: 12 * MB });
    const { path, token } = await initUpload(file.length, 5 * MB);
    const chunk = file.subarray(0, 5 * MB);
    const range = { 'content-range': `bytes 0-${5 * MB - 1}/${file.length}` };
    const cases = [
      put(path, chunk, { ...range, authorization: `Bearer ${token.access_token}` }),
      put(path, chunk, { ...range, 'content-type': 'application/octet-stream' }),
      put(path, chunk, { 'content-range': `bytes=0-${5 * MB - 1}/${file.length}` }),
      put(path, chunk, { 'content-range': `bytes 0-${5 * MB - 1}/${file.length + 1}` }),
      put(path, chunk.subarray(1), { 'content-range': `bytes 0-${5 * MB - 2}/${file.length}` }),
      put(path, chunk.subarray(1), range),
    ];
    for (const res of await Promise.all(cases)) expect(res.statusCode).toBe(400);
    expect((await put(path, chunk, range)).statusCode).toBe(206);
  });

  it('answers 416 to an out-of-order or repeated chunk; status uploaded_bytes tells where to resume', async () => {
    h = await startSandbox();
    const file = makeMp4({ totalBytes: 16 * MB });
    const { path, token, publishId } = await initUpload(file.length, 5 * MB);
    const chunkAt = (i: number, last = (i + 1) * 5 * MB - 1) =>
      put(path, file.subarray(i * 5 * MB, last + 1), {
        'content-range': `bytes ${i * 5 * MB}-${last}/${file.length}`,
      });
    expect((await chunkAt(1)).statusCode).toBe(416);
    expect((await chunkAt(0)).statusCode).toBe(206);
    expect((await chunkAt(0)).statusCode).toBe(416);
    const status = await apiCall(h, 'POST', '/v2/post/publish/status/fetch/', token.access_token, {
      publish_id: publishId,
    });
    expect(status.json<Envelope<{ uploaded_bytes: number; status: string }>>().data).toMatchObject({
      status: 'PROCESSING_UPLOAD',
      uploaded_bytes: 5 * MB,
    });
    expect((await chunkAt(1)).statusCode).toBe(206);
    expect((await chunkAt(2, file.length - 1)).statusCode).toBe(201);
    expect((await chunkAt(2, file.length - 1)).statusCode).toBe(416);
  });

  it('404 for an unknown upload, 403 for a wrong token or once the upload_url is 1 h old', async () => {
    h = await startSandbox();
    const file = makeMp4({ totalBytes: 2 * MB });
    const { path } = await initUpload(file.length, file.length);
    const range = { 'content-range': `bytes 0-${file.length - 1}/${file.length}` };
    expect((await put(path.replace(/upload_id=\d+/, 'upload_id=1'), file, range)).statusCode).toBe(404);
    expect((await put(path.replace(/upload_token=\w+/, 'upload_token=forged'), file, range)).statusCode).toBe(
      403,
    );
    h.ctx.clock.advance(3600_000);
    const expired = await put(path, file, range);
    expect(expired.statusCode).toBe(403);
    expect(expired.json<Envelope>().error.code).toBeTruthy();
  });

  it('answers injected 5xx faults; the client retries the same chunk', async () => {
    h = await startSandbox();
    const file = makeMp4({ totalBytes: 2 * MB });
    const { path } = await initUpload(file.length, file.length);
    h.ctx.faults.add('tiktok', 'PUT /video/', { type: 'status', status: 503 }, 1);
    const range = { 'content-range': `bytes 0-${file.length - 1}/${file.length}` };
    const failed = await put(path, file, range);
    expect(failed.statusCode).toBe(503);
    expect(failed.json<Envelope>().error.code).toBe('internal_error');
    expect((await put(path, file, range)).statusCode).toBe(201);
  });

  it('works over real HTTP at the absolute upload_url', async () => {
    h = await startSandbox();
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const address = h.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const file = makeMp4({ totalBytes: 6 * MB });
    const { path } = await initUpload(file.length, file.length);
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method: 'PUT',
      headers: { 'content-type': 'video/mp4', 'content-range': `bytes 0-${file.length - 1}/${file.length}` },
      body: file,
    });
    expect(res.status).toBe(201);
  });
});
