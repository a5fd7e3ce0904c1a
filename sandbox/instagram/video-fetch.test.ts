import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../core/settings.js';
import { inspectMp4 } from './mp4.js';
import { Mp4StreamScanner } from './mp4-stream.js';
import { mp4File } from './test-support.js';
import { CRAWLER_USER_AGENT, fetchAndCheckVideo } from './video-fetch.js';

/** Feeds `file` to a scanner in chunks of `size` bytes. */
function scan(file: Buffer, size: number, requireMoovFirst = true) {
  const scanner = new Mp4StreamScanner(requireMoovFirst);
  for (let at = 0; at < file.length && scanner.stillReading; at += size) {
    scanner.push(file.subarray(at, at + size));
  }
  return scanner.finish();
}

/** A box with a 64-bit size header (size field 1), as large `mdat` boxes are written. */
function largeBox(type: string, payload: Buffer): Buffer {
  const header = Buffer.alloc(16);
  header.writeUInt32BE(1, 0);
  header.write(type, 4, 'latin1');
  header.writeBigUInt64BE(BigInt(16 + payload.length), 8);
  return Buffer.concat([header, payload]);
}

describe('streaming MP4 check', () => {
  const files: [string, Buffer][] = [
    ['faststart', mp4File(4000)],
    ['moov after mdat', mp4File(4000, { moovFirst: false })],
    ['truncated in moov', mp4File(4000).subarray(0, 100)],
    ['not an MP4', Buffer.from('<html>login</html>')],
  ];

  it.each(files)('gives the same verdict as the whole-file check, in any chunking (%s)', (_name, file) => {
    const whole = inspectMp4(file, true);
    for (const size of [1, 3, 7, 64, 4096]) expect(scan(file, size)).toEqual(whole);
  });

  it('refuses a file cut short in its media data, which the whole-file check let through', () => {
    const file = mp4File(4000);
    expect(scan(file.subarray(0, file.length - 10), 64)).toEqual({
      ok: false,
      reason: 'truncated or malformed box',
    });
  });

  it('reads 64-bit box sizes and keeps only ftyp and moov', () => {
    const plain = mp4File(5000);
    const ftypEnd = plain.readUInt32BE(0);
    const moovEnd = ftypEnd + plain.readUInt32BE(ftypEnd);
    const file = Buffer.concat([plain.subarray(0, moovEnd), largeBox('mdat', Buffer.alloc(100_000, 1))]);
    expect(scan(file, 5)).toEqual({ ok: true, durationMs: 5000 });
  });

  it('stops at the first box when the file is not an MP4', () => {
    const scanner = new Mp4StreamScanner(true);
    scanner.push(Buffer.from('<!doctype html><html>'));
    expect(scanner.stillReading).toBe(false);
  });
});

describe("fetching video_url as Meta's crawler", () => {
  const seen: { userAgent: string | undefined; authorization: string | undefined }[] = [];
  let origin = '';
  const server = createServer((request, response) => {
    seen.push({ userAgent: request.headers['user-agent'], authorization: request.headers.authorization });
    // Chunked (no Content-Length), so the size limit is enforced while streaming.
    response.writeHead(200, { 'content-type': 'video/mp4', 'transfer-encoding': 'chunked' });
    const file = mp4File(4000, { mdatBytes: request.url?.startsWith('/big') ? 3_000_000 : 2048 });
    for (let at = 0; at < file.length; at += 65_536) response.write(file.subarray(at, at + 65_536));
    response.end();
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends a plain GET with the crawler user agent and no credentials, over plain http on localhost too', async () => {
    const outcome = await fetchAndCheckVideo(`${origin}/v/reel.mp4?exp=1&sig=x`, defaultSettings().instagram);
    expect(outcome).toMatchObject({ ok: true, durationMs: 4000 });
    expect(seen.at(-1)).toEqual({ userAgent: CRAWLER_USER_AGENT, authorization: undefined });
  });

  it('refuses a file over maxVideoBytes while streaming (2207026), without reading it all', async () => {
    const settings = { ...defaultSettings().instagram, maxVideoBytes: 1_000_000 };
    const outcome = await fetchAndCheckVideo(`${origin}/big.mp4`, settings);
    expect(outcome).toMatchObject({ ok: false, subcode: 2207026 });
    if (!outcome.ok) expect(outcome.reason).toMatch(/larger than 1000000 bytes/);
  });
});
