import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalMediaStore } from '../../../src/adapters/media-store/local-media-store.js';
import { SqliteStore } from '../../../src/adapters/store/sqlite/sqlite-store.js';
import { UserError } from '../../../src/domain/errors.js';
import type { AuthContext } from '../../../src/services/auth-context.js';
import { MediaLibraryService } from '../../../src/services/media-library.service.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { ffmpeg, hasFfmpeg, localProbe } from './local-probe.js';

const needsFfmpeg = it.skipIf(!hasFfmpeg && process.env.CI !== 'true');
const WS = '01jworkspace0000000000000a';
const ctx: AuthContext = {
  sessionId: 's',
  user: {
    id: 'u1',
    email: 'u@example.com',
    name: 'U',
    passwordHash: 'x',
    createdAt: '2026-01-01T00:00:00.000Z',
  },
  workspaceId: WS,
  role: 'owner',
};

let dir: string;
let fixtures: string;
let store: SqliteStore;
let media: LocalMediaStore;
let service: MediaLibraryService;

const input = 'color=c=0x2a6f97:s=108x192';
const clip = 'testsrc2=s=108x192:r=10:d=1';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aif-library-'));
  fixtures = join(dir, 'fixtures');
  store = SqliteStore.open(join(dir, 'db.sqlite'));
  await store.workspaces.create({ id: WS, name: 'Library', createdAt: '2026-01-01T00:00:00.000Z' });
  media = new LocalMediaStore(join(dir, 'media'));
  service = new MediaLibraryService({
    store,
    media,
    tools: localProbe,
    clock: new FakeClock(Date.parse('2026-02-03T04:05:06Z')),
    maxUploadBytes: 200 * 1024 * 1024,
  });
  if (!hasFfmpeg) return;
  const out = (name: string) => join(fixtures, name);
  mkdirSync(fixtures);
  await Promise.all([
    ffmpeg('-f', 'lavfi', '-i', input, '-frames:v', '1', out('beach.png')),
    ffmpeg('-f', 'lavfi', '-i', input, '-frames:v', '1', '-pix_fmt', 'yuvj420p', out('beach.jpg')),
    ffmpeg('-f', 'lavfi', '-i', input, '-frames:v', '1', '-c:v', 'libwebp', out('beach.webp')),
    ffmpeg('-f', 'lavfi', '-i', input, '-frames:v', '3', out('beach.gif')),
    ffmpeg('-f', 'lavfi', '-i', clip, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', out('surf.mp4')),
    ffmpeg('-f', 'lavfi', '-i', clip, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', out('surf.mov')),
    ffmpeg(
      '-f',
      'lavfi',
      '-i',
      clip,
      '-c:v',
      'libvpx-vp9',
      '-deadline',
      'realtime',
      '-cpu-used',
      '8',
      out('surf.webm'),
    ),
    ffmpeg('-f', 'lavfi', '-i', clip, '-c:v', 'libx264', out('surf.mkv')),
  ]);
  // An MP4 cut short: its index (at the end without +faststart) is gone, as after a failed upload.
  const whole = readFileSync(out('surf.mp4'));
  writeFileSync(out('cut.mp4'), whole.subarray(0, Math.floor(whole.length / 2)));
  writeFileSync(out('noise.mp4'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)));
  writeFileSync(out('notes.txt'), 'These are not pictures.\n');
}, 60_000);

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary copy of a fixture, as the HTTP layer would leave it. */
function uploaded(name: string): string {
  const temp = join(dir, `upload-${Math.random().toString(36).slice(2)}-${name}`);
  copyFileSync(join(fixtures, name), temp);
  return temp;
}

describe('MediaLibraryService with real ffprobe, SQLite and files', () => {
  needsFfmpeg.each([
    ['beach.png', 'image', 'png', null],
    ['beach.jpg', 'image', 'jpg', null],
    ['beach.webp', 'image', 'webp', null],
    ['surf.mp4', 'video', 'mp4', 1000],
    ['surf.mov', 'video', 'mov', 1000],
    ['surf.webm', 'video', 'webm', 1000],
  ])('keeps %s as a %s .%s', async (name, kind, extension, durationMs) => {
    const tempPath = uploaded(name);
    const asset = await service.ingest(
      { workspaceId: WS, filename: name, tempPath, description: 'Sunny day' },
      ctx,
    );
    expect(asset).toMatchObject({
      kind,
      width: 108,
      height: 192,
      mediaKey: `workspaces/${WS}/library/${asset.id}.${extension}`,
    });
    expect(asset.durationMs === null ? null : Math.round(asset.durationMs / 100) * 100).toBe(durationMs);
    expect(asset.tags).toEqual(expect.arrayContaining(['sunny', 'day']));
    expect(existsSync(tempPath)).toBe(false);
    expect(await media.size(asset.mediaKey)).toBe(asset.sizeBytes);
    expect(await store.mediaAssets.find(WS, asset.id)).toEqual(asset);
  });

  needsFfmpeg.each([
    ['beach.gif', 'upload_unsupported'],
    ['surf.mkv', 'upload_unsupported'],
    ['notes.txt', 'upload_unsupported'],
    ['cut.mp4', 'upload_corrupt'],
    ['noise.mp4', 'upload_corrupt'],
  ])('refuses %s with %s and deletes it', async (name, code) => {
    const tempPath = uploaded(name);
    const refused = service.ingest({ workspaceId: WS, filename: name, tempPath, description: '' }, ctx);
    await expect(refused).rejects.toBeInstanceOf(UserError);
    await expect(refused).rejects.toMatchObject({ kind: 'validation', code });
    expect(existsSync(tempPath)).toBe(false);
    const incoming = join(dir, 'media', 'workspaces', WS, 'library', 'incoming');
    expect(existsSync(incoming) ? readdirSync(incoming) : []).toEqual([]);
  });

  needsFfmpeg('refuses a file over MEDIA_UPLOAD_MAX_MB before probing it', async () => {
    const small = new MediaLibraryService({
      store,
      media,
      tools: { probe: () => Promise.reject(new Error('must not probe')) },
      clock: new FakeClock(),
      maxUploadBytes: 1024 * 1024,
    });
    const tempPath = join(dir, 'big-upload.mp4');
    writeFileSync(tempPath, Buffer.alloc(1.5 * 1024 * 1024, 1));
    const refused = small.ingest({ workspaceId: WS, filename: 'big.mp4', tempPath, description: '' }, ctx);
    await expect(refused).rejects.toMatchObject({
      code: 'upload_too_large',
      message: 'This file is 1.5 MB; uploads can be at most 1.0 MB.',
    });
    expect(existsSync(tempPath)).toBe(false);
  });

  needsFfmpeg('lists the library and deletes an asset with its file', async () => {
    const asset = await service.ingest(
      { workspaceId: WS, filename: 'beach.png', tempPath: uploaded('beach.png'), description: '' },
      ctx,
    );
    expect((await service.list(ctx, { limit: 100 })).items.map((a) => a.id)).toContain(asset.id);
    await service.delete(ctx, asset.id);
    expect(await media.exists(asset.mediaKey)).toBe(false);
    expect(await store.mediaAssets.find(WS, asset.id)).toBeNull();
  });
});
