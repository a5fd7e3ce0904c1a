import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { connect, fakeMp4, initUpload, putChunk, startSandbox, type RunningSandbox } from './test-support.js';

const KIB256 = 262_144;
let sb: RunningSandbox;
afterEach(async () => {
  await sb.close();
});

function probe(uri: string, total: number): Promise<Response> {
  return fetch(uri, {
    method: 'PUT',
    headers: { 'content-range': `bytes */${total}`, 'content-length': '0' },
  });
}

/** Sends `sent` bytes of a chunk announced as [first, last], then drops the connection. */
async function dropMidChunk(
  uri: string,
  file: Buffer,
  first: number,
  last: number,
  sent: number,
): Promise<void> {
  const url = new URL(uri);
  const req = httpRequest({
    host: url.hostname,
    port: url.port,
    path: `${url.pathname}${url.search}`,
    method: 'PUT',
    headers: {
      'content-range': `bytes ${first}-${last}/${file.length}`,
      'content-length': String(last - first + 1),
    },
  });
  req.on('error', () => undefined);
  await new Promise<void>((resolve) => req.write(file.subarray(first, first + sent), () => resolve()));
  await new Promise((resolve) => setTimeout(resolve, 100));
  req.destroy();
}

/** Polls the status query until the stored range settles on `expected` (the server sees the drop asynchronously). */
async function waitForRange(uri: string, total: number, expected: string): Promise<void> {
  for (let i = 0; i < 40; i += 1) {
    const res = await probe(uri, total);
    if (res.headers.get('range') === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const res = await probe(uri, total);
  expect(res.headers.get('range')).toBe(expected);
}

describe('resuming an interrupted resumable upload', () => {
  it('a connection dropped mid-chunk keeps only the whole 256 KiB units received; resume from Range completes', async () => {
    sb = await startSandbox();
    const { access_token } = await connect(sb);
    const file = fakeMp4(4 * KIB256 + 777);
    const init = await initUpload(sb, access_token, file.length);
    const uri = init.headers.get('location') ?? '';
    expect((await putChunk(uri, file, 0, KIB256 - 1)).status).toBe(308);

    // Announce three units, send one and a half, drop: the second unit is kept, the half is lost.
    await dropMidChunk(uri, file, KIB256, 4 * KIB256 - 1, KIB256 + KIB256 / 2);
    await waitForRange(uri, file.length, `bytes=0-${2 * KIB256 - 1}`);

    const rest = await putChunk(uri, file, 2 * KIB256, file.length - 1);
    expect(rest.status).toBe(201);
    expect(((await rest.json()) as { status: { uploadStatus: string } }).status.uploadStatus).toBe(
      'uploaded',
    );
  });

  it('a drop before a full unit arrived keeps nothing of that chunk', async () => {
    sb = await startSandbox();
    const { access_token } = await connect(sb);
    const file = fakeMp4(2 * KIB256);
    const uri = (await initUpload(sb, access_token, file.length)).headers.get('location') ?? '';
    await dropMidChunk(uri, file, 0, file.length - 1, 1000);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const res = await probe(uri, file.length);
    expect(res.status).toBe(308);
    expect(res.headers.get('range')).toBeNull();
  });

  it('an injected 503 on a chunk PUT answers in Google’s envelope; the retry after a status query succeeds', async () => {
    sb = await startSandbox();
    const { access_token } = await connect(sb);
    const file = fakeMp4(2 * KIB256 + 5);
    const uri = (await initUpload(sb, access_token, file.length)).headers.get('location') ?? '';
    expect((await putChunk(uri, file, 0, KIB256 - 1)).status).toBe(308);
    sb.ctx.faults.add('youtube', 'PUT /upload/youtube/v3/videos', { type: 'status', status: 503 });
    const failed = await putChunk(uri, file, KIB256, file.length - 1);
    expect(failed.status).toBe(503);
    const body = (await failed.json()) as { error: { code: number; errors: { reason: string }[] } };
    expect(body.error).toMatchObject({ code: 503, errors: [{ reason: 'backendError' }] });
    const status = await probe(uri, file.length);
    expect(status.headers.get('range')).toBe(`bytes=0-${KIB256 - 1}`);
    expect((await putChunk(uri, file, KIB256, file.length - 1)).status).toBe(201);
  });

  it('an injected drop closes the socket without an answer; nothing of that chunk is stored', async () => {
    sb = await startSandbox();
    const { access_token } = await connect(sb);
    const file = fakeMp4(KIB256 + 5);
    const uri = (await initUpload(sb, access_token, file.length)).headers.get('location') ?? '';
    sb.ctx.faults.add('youtube', 'PUT /upload/youtube/v3/videos', { type: 'drop' });
    await expect(putChunk(uri, file, 0, file.length - 1)).rejects.toThrow();
    expect((await probe(uri, file.length)).headers.get('range')).toBeNull();
    expect((await putChunk(uri, file, 0, file.length - 1)).status).toBe(201);
  });
});
