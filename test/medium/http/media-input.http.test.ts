import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../../fakes/multipart.js';
import { solidPng } from '../../fakes/png.js';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';

const systemFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;
const npmFfmpeg = (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path;

/** An HLS playlist whose one segment lives on `origin`. */
const hlsManifest = (origin: string) =>
  `#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\n${origin}/segment.ts\n#EXT-X-ENDLIST\n`;

/** A DASH manifest whose one representation lives on `origin`. */
const dashManifest = (origin: string) =>
  `<?xml version="1.0"?>
<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static" mediaPresentationDuration="PT10S" minBufferTime="PT1S"
  profiles="urn:mpeg:dash:profile:isoff-on-demand:2011">
  <BaseURL>${origin}/</BaseURL>
  <Period><AdaptationSet mimeType="video/mp4">
    <Representation id="1" bandwidth="1000" width="640" height="360" codecs="avc1.42c01e">
      <BaseURL>video.mp4</BaseURL><SegmentBase indexRange="0-100"><Initialization range="0-100"/></SegmentBase>
    </Representation>
  </AdaptationSet></Period>
</MPD>
`;

const BUILDS: [string, Record<string, string>][] = [
  ['the system ffmpeg', {}],
  ['the npm-shipped ffmpeg (FFMPEG_PATH)', { FFMPEG_PATH: npmFfmpeg }],
];

describe.skipIf(!systemFfmpeg && process.env.CI !== 'true')('media probing never reaches the network', () => {
  let requests: string[];
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    requests = [];
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.end('not media');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  describe.each(BUILDS)('with %s', (_build, env) => {
    let t: TestApp;
    let owner: Client;

    beforeAll(async () => {
      t = await startTestApp(env);
      owner = new Client(t.app, t.origin);
      await owner.signUp('owner@example.com');
    });
    afterAll(async () => t.close());

    async function send(url: string, field: string, name: string, data: Buffer) {
      const fields: Record<string, string> =
        url === '/api/items/upload' ? { title: 'A manifest in disguise' } : {};
      const { payload, contentType } = await multipartBody(fields, { field, name, data });
      return t.app.inject({
        method: 'POST',
        url,
        headers: { origin: t.origin, cookie: owner.cookieHeader ?? '', 'content-type': contentType },
        payload,
      });
    }

    it.each([
      ['an HLS playlist', '/api/library', 'file', hlsManifest],
      ['a DASH manifest', '/api/library', 'file', dashManifest],
      ['an HLS playlist', '/api/items/upload', 'video', hlsManifest],
      ['a DASH manifest', '/api/items/upload', 'video', dashManifest],
    ])('refuses %s sent to %s as clip.mp4, making no request to its server', async (_k, url, field, make) => {
      const before = requests.length;
      const res = await send(url, field, 'clip.mp4', Buffer.from(make(origin)));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'upload_unsupported' } });
      expect(requests.slice(before)).toEqual([]);
    });

    it('refuses a picture wider than 8,192 px with a clear message', async () => {
      const res = await send('/api/library', 'file', 'panorama.png', solidPng(8200, 16, [10, 20, 30]));
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        error: { code: 'upload_too_many_pixels', message: expect.stringContaining('8200×16') as string },
      });
    });
  });
});

describe.skipIf(!systemFfmpeg && process.env.CI !== 'true')('uploads longer than 10 minutes', () => {
  let t: TestApp;
  let owner: Client;
  let files: string;

  beforeAll(async () => {
    files = mkdtempSync(join(tmpdir(), 'aif-long-'));
    t = await startTestApp();
    owner = new Client(t.app, t.origin);
    await owner.signUp('owner@example.com');
  });
  afterAll(async () => {
    await t.close();
    rmSync(files, { recursive: true, force: true });
  });

  it('are refused on video upload with upload_too_long', async () => {
    const out = join(files, 'long.mp4');
    // One tiny frame a second keeps a ten-minute clip small and quick to make.
    const made = spawnSync('ffmpeg', [
      ...['-v', 'error', '-f', 'lavfi', '-i', 'color=c=blue:s=64x64:r=1:d=601'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', out],
    ]);
    expect(made.status, made.stderr.toString()).toBe(0);
    const { payload, contentType } = await multipartBody(
      { title: 'A very long video' },
      { field: 'video', name: 'long.mp4', data: readFileSync(out) },
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/items/upload',
      headers: { origin: t.origin, cookie: owner.cookieHeader ?? '', 'content-type': contentType },
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: { code: 'upload_too_long', message: expect.stringContaining('10 minutes') as string },
    });
  });
});
