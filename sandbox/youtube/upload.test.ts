import { afterEach, describe, expect, it } from 'vitest';
import {
  connect,
  fakeMp4,
  initUpload,
  putChunk,
  startSandbox,
  VALID_METADATA,
  type RunningSandbox,
} from './test-support.js';

const KIB256 = 262_144;
let sb: RunningSandbox;
afterEach(async () => {
  await sb.close();
});

interface ErrorBody {
  error: { code: number; message: string; errors: { reason: string; domain: string }[] };
}

async function expectApiError(res: Response, status: number, reason: string): Promise<ErrorBody> {
  expect(res.status).toBe(status);
  const body = (await res.json()) as ErrorBody;
  expect(body.error.code).toBe(status);
  expect(body.error.errors[0]?.reason).toBe(reason);
  return body;
}

async function session(token: string, size: number): Promise<string> {
  const res = await initUpload(sb, token, size);
  expect(res.status).toBe(200);
  return res.headers.get('location') ?? '';
}

function probe(uri: string, total: number): Promise<Response> {
  return fetch(uri, {
    method: 'PUT',
    headers: { 'content-range': `bytes */${total}`, 'content-length': '0' },
  });
}

describe('resumable videos.insert', () => {
  it('session: 200 with an absolute Location on the sandbox (prefix included), then 308 + Range per chunk, 201 at the end', async () => {
    sb = await startSandbox();
    const { access_token } = await connect(sb);
    const file = fakeMp4(3 * KIB256 + 12_345);
    const init = await initUpload(sb, access_token, file.length);
    expect(init.status).toBe(200);
    const location = init.headers.get('location') ?? '';
    expect(location.startsWith(`${sb.api}/upload/youtube/v3/videos?uploadType=resumable&upload_id=`)).toBe(
      true,
    );
    expect(sb.api).toContain('/sbx/google/apis');
    expect(await init.text()).toBe('');

    for (let i = 0; i < 3; i += 1) {
      const res = await putChunk(location, file, i * KIB256, (i + 1) * KIB256 - 1);
      expect(res.status).toBe(308);
      expect(res.headers.get('range')).toBe(`bytes=0-${(i + 1) * KIB256 - 1}`);
    }
    const last = await putChunk(location, file, 3 * KIB256, file.length - 1);
    expect(last.status).toBe(201);
    const video = (await last.json()) as {
      kind: string;
      id: string;
      snippet: { title: string };
      status: Record<string, unknown>;
    };
    expect(video.kind).toBe('youtube#video');
    expect(video.id).toMatch(/^[A-Za-z0-9_-]{11}$/);
    expect(video.snippet.title).toBe('Sandbox clip');
    expect(video.status).toMatchObject({
      uploadStatus: 'uploaded',
      privacyStatus: 'public',
      containsSyntheticMedia: true,
    });
    // A status query on a finished session answers the video again.
    const again = await probe(location, file.length);
    expect(again.status).toBe(201);
    expect(((await again.json()) as { id: string }).id).toBe(video.id);
  });

  it('status query `bytes */N`: 308 without Range when nothing is stored, then with Range', async () => {
    sb = await startSandbox();
    const { access_token } = await connect(sb);
    const file = fakeMp4(2 * KIB256 + 10);
    const uri = await session(access_token, file.length);
    const empty = await probe(uri, file.length);
    expect(empty.status).toBe(308);
    expect(empty.headers.get('range')).toBeNull();
    await putChunk(uri, file, 0, KIB256 - 1);
    const partial = await probe(uri, file.length);
    expect(partial.status).toBe(308);
    expect(partial.headers.get('range')).toBe(`bytes=0-${KIB256 - 1}`);
  });

  it('non-final chunks: under 256 KiB → 400; not a multiple → only whole 256 KiB units are kept (trust Range)', async () => {
    sb = await startSandbox();
    const { access_token } = await connect(sb);
    const file = fakeMp4(4 * KIB256);
    const uri = await session(access_token, file.length);
    const small = await expectApiError(await putChunk(uri, file, 0, 1000), 400, 'badRequest');
    expect(small.error.message).toContain('equal or greater than 262144');
    const odd = await putChunk(uri, file, 0, KIB256 + 5000 - 1);
    expect(odd.status).toBe(308);
    expect(odd.headers.get('range')).toBe(`bytes=0-${KIB256 - 1}`);
    // Resuming at the Range end (overlapping bytes resent) works.
    expect((await putChunk(uri, file, KIB256, 2 * KIB256 - 1)).headers.get('range')).toBe(
      `bytes=0-${2 * KIB256 - 1}`,
    );
    expect((await putChunk(uri, file, 2 * KIB256, file.length - 1)).status).toBe(201);
  });

  it('out-of-order chunk (offset past the stored bytes) → 400; bad Content-Range → 400; wrong total → 400', async () => {
    sb = await startSandbox();
    const { access_token } = await connect(sb);
    const file = fakeMp4(3 * KIB256);
    const uri = await session(access_token, file.length);
    const gap = await expectApiError(await putChunk(uri, file, KIB256, 2 * KIB256 - 1), 400, 'badRequest');
    expect(gap.error.message).toContain('exceeds already uploaded size of 0 byte(s)');
    const bad = await fetch(uri, {
      method: 'PUT',
      headers: { 'content-range': 'bytes=0-10' },
      body: file.subarray(0, 11),
    });
    await expectApiError(bad, 400, 'badRequest');
    const total = await fetch(uri, {
      method: 'PUT',
      headers: { 'content-range': `bytes 0-${KIB256 - 1}/999999999` },
      body: file.subarray(0, KIB256),
    });
    await expectApiError(total, 400, 'badRequest');
  });

  it('the session URI expires (one week on the sandbox clock) → 404', async () => {
    sb = await startSandbox();
    const { access_token } = await connect(sb);
    const file = fakeMp4(KIB256 + 1);
    const uri = await session(access_token, file.length);
    sb.ctx.clock.advance(7 * 86_400_000);
    await expectApiError(await probe(uri, file.length), 404, 'notFound');
    await expectApiError(await putChunk(uri, file, 0, file.length - 1), 404, 'notFound');
  });

  it('validates X-Upload-Content-Type and X-Upload-Content-Length', async () => {
    sb = await startSandbox();
    const { access_token } = await connect(sb);
    const type = await expectApiError(
      await initUpload(sb, access_token, 10, VALID_METADATA, { 'x-upload-content-type': 'image/png' }),
      400,
      'badContent',
    );
    expect(type.error.message).toContain('video/*, application/octet-stream');
    await expectApiError(
      await initUpload(sb, access_token, 10, VALID_METADATA, { 'x-upload-content-length': 'ten' }),
      400,
      'badRequest',
    );
    await expectApiError(await initUpload(sb, access_token, 0), 400, 'mediaBodyRequired');
    expect(
      (
        await initUpload(sb, access_token, 10, VALID_METADATA, {
          'x-upload-content-type': 'application/octet-stream',
        })
      ).status,
    ).toBe(200);
  });

  it('validates §3.3 metadata with the real reasons', async () => {
    // Invalid inserts are charged too, so this many calls needs more than the default 10,000 units.
    sb = await startSandbox({ dailyQuota: 1_000_000 });
    const { access_token } = await connect(sb);
    const with_ = (snippet: object, status: object = {}): unknown => ({
      snippet: { ...VALID_METADATA.snippet, ...snippet },
      status: { ...VALID_METADATA.status, ...status },
    });
    const cases: [unknown, string][] = [
      [with_({ title: 'x'.repeat(101) }), 'invalidTitle'],
      [with_({ title: '' }), 'invalidTitle'],
      [with_({ title: 'a <b> title' }), 'invalidTitle'],
      [{ status: VALID_METADATA.status }, 'invalidTitle'],
      [with_({ description: 'é'.repeat(2501) }), 'invalidDescription'],
      [with_({ description: 'no > here' }), 'invalidDescription'],
      [with_({ tags: ['x'.repeat(400), 'y'.repeat(100)] }), 'invalidTags'],
      [with_({ tags: 'not-an-array' }), 'invalidTags'],
      [with_({ categoryId: '999' }), 'invalidCategoryId'],
      [with_({}, { privacyStatus: 'friends' }), 'invalidVideoMetadata'],
      [with_({}, { selfDeclaredMadeForKids: 'no' }), 'invalidVideoMetadata'],
      [with_({}, { privacyStatus: 'public', publishAt: '2999-01-01T00:00:00Z' }), 'invalidPublishAt'],
      [with_({}, { privacyStatus: 'private', publishAt: '2001-01-01T00:00:00Z' }), 'invalidPublishAt'],
    ];
    for (const [metadata, reason] of cases) {
      const body = await expectApiError(await initUpload(sb, access_token, 10, metadata), 400, reason);
      expect(body.error.errors[0]?.domain).toBe('youtube.video');
    }
    // 5000 bytes exactly and 500 tag characters exactly are fine.
    const edge = with_({ description: 'd'.repeat(5000), tags: ['x'.repeat(249), 'y'.repeat(250)] });
    expect((await initUpload(sb, access_token, 10, edge)).status).toBe(200);
    const malformed = await fetch(
      `${sb.api}/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
        body: '{"snippet":',
      },
    );
    await expectApiError(malformed, 400, 'parseError');
  });

  it('part is required and must name known parts', async () => {
    sb = await startSandbox();
    const { access_token } = await connect(sb);
    const call = (query: string): Promise<Response> =>
      fetch(`${sb.api}/upload/youtube/v3/videos?uploadType=resumable${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
        body: JSON.stringify(VALID_METADATA),
      });
    await expectApiError(await call(''), 400, 'required');
    await expectApiError(await call('&part=snippet,bogus'), 400, 'unknownPart');
    expect((await call('&part=snippet&part=status')).status).toBe(200);
  });

  it('unverified project: every upload is locked to private', async () => {
    sb = await startSandbox({ unverifiedApp: true });
    const { access_token } = await connect(sb);
    const file = fakeMp4(1000);
    const uri = await session(access_token, file.length);
    const res = await putChunk(uri, file, 0, file.length - 1);
    expect(((await res.json()) as { status: { privacyStatus: string } }).status.privacyStatus).toBe(
      'private',
    );
  });

  it('needs a channel (401 youtubeSignupRequired), a bearer token (401) and an upload scope (403)', async () => {
    sb = await startSandbox();
    const noChannel = await connect(sb, 'no-channel');
    await expectApiError(await initUpload(sb, noChannel.access_token, 10), 401, 'youtubeSignupRequired');
    const anonymous = await fetch(`${sb.api}/upload/youtube/v3/videos?uploadType=resumable&part=snippet`, {
      method: 'POST',
    });
    await expectApiError(anonymous, 401, 'required');
    const readonly = await connect(sb, 'private', {
      scope: 'https://www.googleapis.com/auth/youtube.readonly',
    });
    await expectApiError(await initUpload(sb, readonly.access_token, 10), 403, 'insufficientPermissions');
  });

  it('uploadType=multipart: metadata and media in one request → 200 with the video', async () => {
    sb = await startSandbox();
    const { access_token } = await connect(sb);
    const media = fakeMp4(5000);
    const boundary = 'sandbox-boundary';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\ncontent-type: application/json\r\n\r\n${JSON.stringify(VALID_METADATA)}\r\n`,
      ),
      Buffer.from(`--${boundary}\r\ncontent-type: video/mp4\r\n\r\n`),
      media,
      Buffer.from(`\r\n--${boundary}--`),
    ]);
    const res = await fetch(`${sb.api}/upload/youtube/v3/videos?uploadType=multipart&part=snippet,status`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${access_token}`,
        'content-type': `multipart/related; boundary=${boundary}`,
      },
      body,
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: { uploadStatus: string } }).status.uploadStatus).toBe('uploaded');
  });

  it('videos.insert without media → 400 mediaBodyRequired', async () => {
    sb = await startSandbox();
    const { access_token } = await connect(sb);
    const res = await fetch(`${sb.api}/youtube/v3/videos?part=snippet,status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify(VALID_METADATA),
    });
    await expectApiError(res, 400, 'mediaBodyRequired');
  });
});
