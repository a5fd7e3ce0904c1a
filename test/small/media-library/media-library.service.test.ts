import { describe, expect, it } from 'vitest';
import type { MediaAsset } from '../../../src/domain/content-item.js';
import type { MediaInfo } from '../../../src/domain/content.js';
import { UserError } from '../../../src/domain/errors.js';
import type { Role } from '../../../src/domain/roles.js';
import type { MediaAssetRepository, Page, PageRequest } from '../../../src/ports/store.js';
import type { AuthContext } from '../../../src/services/auth-context.js';
import { MediaLibraryService } from '../../../src/services/media-library.service.js';
import { classifyUpload } from '../../../src/services/upload-checks.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { FakeMediaStore } from '../../fakes/fake-media-store.js';
import { FakeMediaTools, audioInfo, imageInfo, videoInfo } from '../../fakes/fake-media-tools.js';

class MemoryAssets implements MediaAssetRepository {
  readonly rows: MediaAsset[] = [];
  async create(asset: MediaAsset): Promise<void> {
    this.rows.push(asset);
  }
  async find(workspaceId: string, id: string): Promise<MediaAsset | null> {
    return this.rows.find((a) => a.workspaceId === workspaceId && a.id === id) ?? null;
  }
  async listByWorkspace(workspaceId: string, page: PageRequest): Promise<Page<MediaAsset>> {
    return {
      items: this.rows.filter((a) => a.workspaceId === workspaceId).slice(0, page.limit),
      nextCursor: null,
    };
  }
  async delete(workspaceId: string, id: string): Promise<boolean> {
    const at = this.rows.findIndex((a) => a.workspaceId === workspaceId && a.id === id);
    if (at >= 0) this.rows.splice(at, 1);
    return at >= 0;
  }
}

// The fake probe reads the label the test gave the file.
const LABELS: Record<string, MediaInfo | Error> = {
  png: imageInfo('png', 1080, 1350),
  jpeg: imageInfo('mjpeg', 1200, 1600),
  webp: { ...imageInfo('webp'), container: 'webp_pipe' },
  gif: imageInfo('gif'),
  mp4: videoInfo('mov,mp4,m4a,3gp,3g2,mj2', 'h264', { durationMs: 4200 }),
  webm: videoInfo('matroska,webm', 'vp9'),
  mkv: videoInfo('matroska,webm', 'h264'),
  wav: audioInfo('wav', 'pcm_s16le', 3000),
  mp3: audioInfo('mp3', 'mp3'),
  m4a: audioInfo('mp4', 'aac'),
  adts: audioInfo('aac', 'aac'),
  vorbis: audioInfo('ogg', 'vorbis'),
  opus: audioInfo('ogg', 'opus'),
  flac: audioInfo('flac', 'flac'),
  wma: audioInfo('asf', 'wmav2'),
  'opus-in-webm': audioInfo('matroska,webm', 'opus'),
  'no-duration-audio': audioInfo('mp3', 'mp3', 0),
  'no-streams': { ...audioInfo('mp3', 'mp3'), audio: null },
  'zero-size-video': videoInfo('mov,mp4,m4a,3gp,3g2,mj2', 'h264', { width: 0, height: 0 }),
  'no-duration': videoInfo('mov,mp4,m4a,3gp,3g2,mj2', 'h264', { durationMs: 0 }),
  garbage: new Error('Invalid data found when processing input'),
};

function setup(maxUploadBytes = 1_000_000) {
  const media = new FakeMediaStore();
  const assets = new MemoryAssets();
  const tools = new FakeMediaTools((path) => {
    const label = media.fileAt(path)?.label ?? 'missing';
    const info = LABELS[label];
    if (!info || info instanceof Error) throw info ?? new Error('No such file');
    return info;
  });
  const clock = new FakeClock(Date.parse('2026-02-03T04:05:06Z'));
  const service = new MediaLibraryService({
    store: { mediaAssets: assets },
    media,
    tools,
    clock,
    maxUploadBytes,
  });
  return { media, assets, tools, service };
}

const ctx = (role: Role = 'editor', workspaceId = 'ws1'): AuthContext => ({
  sessionId: 's',
  user: {
    id: 'u1',
    email: 'u@example.com',
    name: 'U',
    passwordHash: 'x',
    createdAt: '2026-01-01T00:00:00.000Z',
  },
  workspaceId,
  role,
});

async function upload(
  env: ReturnType<typeof setup>,
  filename: string,
  label: string,
  size = 5000,
  context = ctx(),
): Promise<MediaAsset> {
  const tempPath = env.media.stage(`/tmp/upload-${filename}`, { size, label });
  return env.service.ingest(
    { workspaceId: 'ws1', filename, tempPath, description: 'Sunny beach with dogs' },
    context,
  );
}

async function refusal(work: Promise<unknown>): Promise<UserError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof UserError)) throw new Error(`expected a UserError, got ${String(error)}`);
  return error;
}

describe('MediaLibraryService.ingest accepts', () => {
  it.each([
    ['beach.png', 'png', 'image', 'png', 1080, 1350, null],
    ['beach.JPG', 'jpeg', 'image', 'jpg', 1200, 1600, null],
    ['beach.webp', 'webp', 'image', 'webp', 1080, 1920, null],
    ['beach.mp4', 'mp4', 'video', 'mp4', 1080, 1920, 4200],
    ['beach.MOV', 'mp4', 'video', 'mov', 1080, 1920, 4200],
    ['beach', 'mp4', 'video', 'mp4', 1080, 1920, 4200],
    ['beach.webm', 'webm', 'video', 'webm', 1080, 1920, 3000],
    ['waves.wav', 'wav', 'audio', 'wav', 0, 0, 3000],
    ['song.mp3', 'mp3', 'audio', 'mp3', 0, 0, 185_000],
    ['song.m4a', 'm4a', 'audio', 'm4a', 0, 0, 185_000],
    ['song', 'm4a', 'audio', 'm4a', 0, 0, 185_000],
    ['song.aac', 'adts', 'audio', 'aac', 0, 0, 185_000],
    ['song.ogg', 'vorbis', 'audio', 'ogg', 0, 0, 185_000],
    ['song.opus', 'opus', 'audio', 'ogg', 0, 0, 185_000],
    ['song.flac', 'flac', 'audio', 'flac', 0, 0, 185_000],
    ['named wrongly.png', 'mp3', 'audio', 'mp3', 0, 0, 185_000],
  ])('%s (%s) as %s .%s', async (filename, label, kind, extension, width, height, durationMs) => {
    const env = setup();
    const asset = await upload(env, filename, label);
    expect(asset).toMatchObject({
      workspaceId: 'ws1',
      kind,
      filename,
      sizeBytes: 5000,
      width,
      height,
      durationMs,
      mediaKey: `workspaces/ws1/library/${asset.id}.${extension}`,
      createdAt: '2026-02-03T04:05:06.000Z',
    });
    expect(asset.tags).toEqual(expect.arrayContaining(['beach', 'sunny', 'dogs']));
    expect(env.media.keys()).toEqual([asset.mediaKey]);
    expect(env.media.fileAt(`/tmp/upload-${filename}`)).toBeUndefined();
    expect(env.assets.rows).toEqual([asset]);
  });
});

describe('MediaLibraryService.ingest refuses, in plain words, and deletes the upload', () => {
  it.each([
    ['big.mp4', 'mp4', 2_000_000, 'upload_too_large', 'This file is 1.9 MB; uploads can be at most 1.0 MB.'],
    [
      'edge.mp4',
      'mp4',
      1024 * 1024 + 1,
      'upload_too_large',
      'This file is just over the 1.0 MB upload limit.',
    ],
    ['empty.mp4', 'mp4', 0, 'upload_corrupt', 'could not be read'],
    ['broken.mp4', 'garbage', 5000, 'upload_corrupt', 'could not be read; it may be damaged'],
    ['notes.txt', 'garbage', 5000, 'upload_unsupported', 'It is not a picture, a video or a sound file'],
    [
      'cat.gif',
      'gif',
      5000,
      'upload_unsupported',
      'Upload PNG, JPEG or WebP pictures, MP4, MOV or WebM videos, and MP3, M4A, AAC, WAV, OGG or FLAC audio.',
    ],
    ['song.wma', 'wma', 5000, 'upload_unsupported', 'Its sound is wmav2 in asf'],
    ['song.webm', 'opus-in-webm', 5000, 'upload_unsupported', 'Its sound is opus in matroska,webm'],
    ['song.mp3', 'no-duration-audio', 5000, 'upload_corrupt', 'could not be read'],
    ['nothing.mp3', 'no-streams', 5000, 'upload_unsupported', 'It has no picture or sound in it'],
    ['broken.flac', 'garbage', 5000, 'upload_corrupt', 'could not be read'],
    ['notes.doc', 'garbage', 5000, 'upload_unsupported', 'It is not a picture, a video or a sound file'],
    ['film.mkv', 'mkv', 5000, 'upload_unsupported', 'Its video is h264, which WebM does not carry'],
    ['odd.mp4', 'zero-size-video', 5000, 'upload_corrupt', 'could not be read'],
    ['still.mp4', 'no-duration', 5000, 'upload_corrupt', 'could not be read'],
  ])('%s (%s, %d bytes) → %s', async (filename, label, size, code, words) => {
    const env = setup();
    const error = await refusal(upload(env, filename, label, size));
    expect(error).toMatchObject({ kind: 'validation', code });
    expect(error.message).toContain(words);
    expect(env.media.files.size).toBe(0);
    expect(env.assets.rows).toEqual([]);
  });

  it('does not probe a file that is too large', async () => {
    const env = setup(100);
    await refusal(upload(env, 'big.png', 'png', 101));
    expect(env.tools.probed).toEqual([]);
  });

  it('refuses viewers and other workspaces before storing anything', async () => {
    const env = setup();
    expect(await refusal(upload(env, 'a.png', 'png', 10, ctx('viewer')))).toMatchObject({
      code: 'forbidden',
    });
    expect(await refusal(upload(env, 'a.png', 'png', 10, ctx('editor', 'ws2')))).toMatchObject({
      code: 'forbidden',
    });
    // Nothing was moved into the store; the caller's temporary file is left to the caller's cleanup.
    expect(env.media.keys()).toEqual([]);
    expect([...env.media.files.keys()]).toEqual(['/tmp/upload-a.png']);
  });
});

describe('MediaLibraryService.list and delete', () => {
  it('lists the workspace library and deletes an asset with its file', async () => {
    const env = setup();
    const kept = await upload(env, 'a.png', 'png');
    const gone = await upload(env, 'b.mp4', 'mp4');
    expect((await env.service.list(ctx('viewer'), { limit: 10 })).items).toHaveLength(2);
    expect((await env.service.list(ctx('viewer', 'ws2'), { limit: 10 })).items).toEqual([]);
    await env.service.delete(ctx(), gone.id);
    expect(env.media.keys()).toEqual([kept.mediaKey]);
    expect((await env.service.list(ctx(), { limit: 10 })).items).toEqual([kept]);
  });

  it('answers not found for a missing or foreign asset, and forbids viewers', async () => {
    const env = setup();
    const asset = await upload(env, 'a.png', 'png');
    expect(await refusal(env.service.delete(ctx('editor', 'ws2'), asset.id))).toMatchObject({
      code: 'media_asset_not_found',
    });
    expect(await refusal(env.service.delete(ctx('viewer'), asset.id))).toMatchObject({ code: 'forbidden' });
    expect(env.media.keys()).toEqual([asset.mediaKey]);
  });
});

describe('classifyUpload', () => {
  it.each([
    [imageInfo('png'), 'x.png', 'image', 'png'],
    [{ ...imageInfo('mjpeg'), container: 'image2' }, 'x.jpg', 'image', 'jpg'],
    [videoInfo('mov,mp4,m4a,3gp,3g2,mj2', 'hevc'), 'x.mov', 'video', 'mov'],
    [videoInfo('matroska,webm', 'av1'), 'x.webm', 'video', 'webm'],
    [audioInfo('mp3', 'mp3'), 'x.png', 'audio', 'mp3'],
    [audioInfo('mp4', 'aac'), 'x.m4a', 'audio', 'm4a'],
  ])('%o named %s is %s .%s', (info, filename, kind, extension) => {
    expect(classifyUpload(info, filename)).toEqual({ kind, extension });
  });
});
