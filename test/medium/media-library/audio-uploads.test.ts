import { mediaInput } from '../../../src/domain/render/index.js';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMediaTools, type FfmpegMediaTools } from '../../../src/adapters/media/index.js';
import { LocalMediaStore } from '../../../src/adapters/media-store/local-media-store.js';
import { SqliteStore } from '../../../src/adapters/store/sqlite/sqlite-store.js';
import type { AuthContext } from '../../../src/services/auth-context.js';
import { MediaLibraryService } from '../../../src/services/media-library.service.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { makeMedia, skipWithoutFfmpeg } from '../render/media-fixtures.js';

const WS = '01jworkspace0000000000000b';
const ctx: AuthContext = {
  sessionId: 's',
  user: { id: 'u1', email: 'u@example.com', name: 'U', passwordHash: 'x', createdAt: '2026-01-01T00:00:00Z' },
  workspaceId: WS,
  role: 'editor',
};
const tone = ['-f', 'lavfi', '-i', 'sine=f=330:d=1.5:sample_rate=44100,aformat=channel_layouts=stereo'];
const asCover = ['-c:v', 'copy', '-disposition:v', 'attached_pic'];

// Each fixture as ffmpeg makes it; the name it is uploaded under is chosen by each test.
const FIXTURES: Record<string, string[]> = {
  'tone.mp3': [...tone, '-c:a', 'libmp3lame'],
  // An album cover rides along as an attached picture (ffprobe sees a one-frame mjpeg "video").
  'cover.mp3': [
    ...tone,
    ...mediaInput('COVER'),
    '-map',
    '0:a',
    '-map',
    '1:v',
    '-c:a',
    'libmp3lame',
    ...asCover,
  ],
  'cover.m4a': [...tone, ...mediaInput('COVER'), '-map', '0:a', '-map', '1:v', '-c:a', 'aac', ...asCover],
  'cover.flac': [...tone, ...mediaInput('COVER'), '-map', '0:a', '-map', '1:v', '-c:a', 'flac', ...asCover],
  'tone.m4a': [...tone, '-c:a', 'aac'],
  'tone.aac': [...tone, '-c:a', 'aac', '-f', 'adts'],
  'tone.wav': tone,
  'tone.ogg': [...tone, '-c:a', 'libvorbis'],
  'tone.opus': [...tone, '-ar', '48000', '-c:a', 'libopus'],
  'tone.flac': [...tone, '-c:a', 'flac'],
  'tone.webm': [...tone, '-ar', '48000', '-c:a', 'libopus'],
};

describe.skipIf(skipWithoutFfmpeg)('audio uploads, probed by the real ffmpeg', () => {
  let dir: string;
  let store: SqliteStore;
  let fixtures: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aif-audio-'));
    store = SqliteStore.open(join(dir, 'db.sqlite'));
    await store.workspaces.create({ id: WS, name: 'Music', createdAt: '2026-01-01T00:00:00.000Z' });
    const maker = await createMediaTools();
    const cover = await makeMedia(
      maker,
      join(dir, 'cover.jpg'),
      '-f',
      'lavfi',
      '-i',
      'color=s=64x64',
      '-frames:v',
      '1',
    );
    fixtures = {};
    for (const [name, args] of Object.entries(FIXTURES)) {
      const withCover = args.map((arg) => (arg === 'COVER' ? cover : arg));
      fixtures[name] = await makeMedia(maker, join(dir, name), ...withCover);
    }
    fixtures['notes.txt'] = join(dir, 'notes.txt');
    writeFileSync(fixtures['notes.txt'], 'Not a song.\n');
  }, 60_000);

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // The system build probes with ffprobe's JSON; the npm build has no ffprobe and reads `ffmpeg -i` instead.
  describe.each([
    ['system', {}],
    ['npm-shipped', { preferBundled: true }],
  ])('with the %s ffmpeg', (build, options) => {
    let service: MediaLibraryService;
    let media: LocalMediaStore;
    let tools: FfmpegMediaTools;
    let mediaRoot: string;

    beforeAll(async () => {
      tools = await createMediaTools(options);
      mediaRoot = join(dir, `media-${build}`);
      media = new LocalMediaStore(mediaRoot);
      service = new MediaLibraryService({
        store,
        media,
        tools,
        clock: new FakeClock(Date.parse('2026-02-03T04:05:06Z')),
        maxUploadBytes: 10 * 1024 * 1024,
      });
    });

    const upload = (fixture: string, filename: string) => {
      const tempPath = join(dir, `upload-${Math.random().toString(36).slice(2)}`);
      copyFileSync(fixtures[fixture]!, tempPath);
      return service.ingest({ workspaceId: WS, filename, tempPath, description: 'Evening piano' }, ctx);
    };

    it.each([
      ['tone.mp3', 'song.mp3', 'mp3'],
      ['cover.mp3', 'album.mp3', 'mp3'],
      ['tone.m4a', 'song.m4a', 'm4a'],
      ['cover.m4a', 'album.m4a', 'm4a'],
      ['cover.flac', 'album.flac', 'flac'],
      ['tone.aac', 'song.aac', 'aac'],
      ['tone.wav', 'song.wav', 'wav'],
      ['tone.ogg', 'song.ogg', 'ogg'],
      ['tone.opus', 'song.opus', 'ogg'],
      ['tone.flac', 'song.flac', 'flac'],
      // Judged by what is inside, not by the name.
      ['tone.mp3', 'misnamed.png', 'mp3'],
    ])('keeps %s uploaded as %s as audio .%s', async (fixture, filename, extension) => {
      const asset = await upload(fixture, filename);
      expect(asset).toMatchObject({ kind: 'audio', width: 0, height: 0, filename });
      expect(asset.mediaKey).toBe(`workspaces/${WS}/library/${asset.id}.${extension}`);
      expect(Math.abs((asset.durationMs ?? 0) - 1500)).toBeLessThanOrEqual(100);
      expect(asset.tags).toEqual(expect.arrayContaining(['evening', 'piano']));
      expect(await media.size(asset.mediaKey)).toBe(asset.sizeBytes);
      expect(await store.mediaAssets.find(WS, asset.id)).toEqual(asset);
    });

    it.each([
      ['tone.webm', 'song.webm', 'upload_unsupported', 'Its sound is opus in'],
      ['notes.txt', 'song.mp3', 'upload_corrupt', 'could not be read'],
      ['notes.txt', 'notes.txt', 'upload_unsupported', 'not a picture, a video or a sound file'],
    ])('refuses %s uploaded as %s (%s) and deletes it', async (fixture, filename, code, words) => {
      const refused = upload(fixture, filename);
      await expect(refused).rejects.toMatchObject({
        kind: 'validation',
        code,
        message: expect.stringContaining(words) as unknown,
      });
      const incoming = join(mediaRoot, 'workspaces', WS, 'library', 'incoming');
      expect(existsSync(incoming) ? readdirSync(incoming) : []).toEqual([]);
    });
  });
});
