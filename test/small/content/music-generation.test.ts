import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InProcessQueue } from '../../../src/adapters/queue/in-process/in-process.queue.js';
import { SqliteStore } from '../../../src/adapters/store/sqlite/sqlite-store.js';
import { briefInput } from '../../../src/api/content.js';
import type { MediaAsset, Version } from '../../../src/domain/content-item.js';
import type { Brief, MusicChoice } from '../../../src/domain/content.js';
import { UserError } from '../../../src/domain/errors.js';
import { generateJob } from '../../../src/jobs/generate.job.js';
import type { AuthContext } from '../../../src/services/auth-context.js';
import { ContentService } from '../../../src/services/content.service.js';
import { GenerationService, StageFailure } from '../../../src/services/generation/generation.service.js';
import { fakeFactoryKit, itemsFor } from '../../fakes/factory-kit.fake.js';
import { FakeClock } from '../../fakes/fake-clock.js';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const NOW = '2026-03-01T00:00:00.000Z';

function asset(id: string, workspaceId: string, kind: MediaAsset['kind'], filename: string): MediaAsset {
  const extension = filename.split('.').pop() ?? 'bin';
  return {
    id,
    workspaceId,
    mediaKey: `workspaces/${workspaceId}/library/${id}.${extension}`,
    kind,
    filename,
    sizeBytes: 1000,
    width: 0,
    height: 0,
    durationMs: kind === 'image' ? null : 60_000,
    tags: [],
    createdAt: NOW,
  };
}

const brief = (music: MusicChoice, over: Partial<Brief> = {}): Brief => ({
  ...briefInput.parse({ topic: 'Cold brew coffee', music }),
  ...over,
});

/** Per stage of a version: whether it came from the cache. */
const cachedStages = (version: Omit<Version, 'number'>) =>
  Object.fromEntries(version.stageLog.map((entry) => [entry.stage, entry.cached]));

async function refusal(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => error,
  );
}

describe('background music in the generation pipeline', () => {
  let dir: string;
  let store: SqliteStore;
  let ctx: AuthContext;
  let fake: ReturnType<typeof fakeFactoryKit>;
  let generation: GenerationService;
  const queues: InProcessQueue[] = [];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aif-music-'));
    store = SqliteStore.open(join(dir, 'db.sqlite'));
    const user = { id: 'u1', email: 'a@example.com', name: 'A', passwordHash: 'x', createdAt: NOW };
    await store.users.create(user);
    await store.workspaces.create({ id: 'w1', name: 'W1', createdAt: NOW });
    await store.workspaces.create({ id: 'w2', name: 'W2', createdAt: NOW });
    await store.mediaAssets.create(asset('song1', 'w1', 'audio', 'evening piano.mp3'));
    await store.mediaAssets.create(asset('song2', 'w1', 'audio', 'morning guitar.m4a'));
    await store.mediaAssets.create(asset('photo1', 'w1', 'image', 'beach.png'));
    await store.mediaAssets.create(asset('theirs', 'w2', 'audio', 'their song.mp3'));
    ctx = { sessionId: 's', user, workspaceId: 'w1', role: 'owner' };
    fake = fakeFactoryKit();
    // The library's audio files, as uploads would have stored them (the render reads them through the store).
    for (const file of ['song1.mp3', 'song2.m4a']) {
      mkdirSync(join(fake.root, 'workspaces/w1/library'), { recursive: true });
      writeFileSync(join(fake.root, 'workspaces/w1/library', file), 'audio');
    }
    generation = new GenerationService({ store, clock: new FakeClock(), kit: fake.kit });
  });

  afterEach(async () => {
    for (const queue of queues.splice(0)) await queue.stop();
    await store.close();
    fake.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  /** What the render was given as music: its file, or "none" (the fake ffmpeg writes its arguments out). */
  const renderedMusic = (version: Omit<Version, 'number'>) =>
    // The looped input opened straight after -stream_loop (visuals put -t first): the music bed.
    /-stream_loop -1 -protocol_whitelist \S+ -format_whitelist \S+ -i (\S+)/.exec(
      readFileSync(join(fake.root, version.outputs.videoKey), 'utf8'),
    )?.[1] ?? 'none';

  it('puts a built-in track under the video, written once, and records the choice', async () => {
    const first = await generation.generate('w1', 'item1', brief('builtin:calm'), {});
    expect(renderedMusic(first)).toBe(join(fake.root, 'builtin/music/calm-fake.wav'));
    expect(first.parameters.music).toBe('builtin:calm');
    const other = await generation.generate('w1', 'item2', brief('builtin:bright'), {});
    expect(renderedMusic(other)).toBe(join(fake.root, 'builtin/music/bright-fake.wav'));
    expect(fake.calls.builtinMusic).toBe(2);
  });

  it("plays the workspace's own audio upload and records that it was one", async () => {
    const version = await generation.generate('w1', 'item1', brief('library:song1'), {});
    expect(renderedMusic(version)).toBe(join(fake.root, 'workspaces/w1/library/song1.mp3'));
    expect(version.parameters.music).toBe('library');
  });

  it('changing only the music re-runs render, cover and preflight, not script, voice or visuals', async () => {
    const silentVersion = await generation.generate('w1', 'item1', brief('none'), {});
    expect(renderedMusic(silentVersion)).toBe('none');
    const before = { ...fake.calls };

    for (const music of ['builtin:calm', 'library:song1', 'library:song2'] as const) {
      const version = await generation.generate('w1', 'item1', brief(music), {});
      expect(cachedStages(version)).toEqual({
        script: true,
        voice: true,
        visuals: true,
        captions: true,
        render: false,
        cover: false,
        metadata: true,
        preflight: false,
      });
      expect(version.contentHash).not.toBe(silentVersion.contentHash);
    }
    expect(fake.calls.script).toBe(before.script);
    expect(fake.calls.voice).toBe(before.voice);
    expect(fake.calls.render - before.render).toBe(3);

    // Back to no music: everything, the render included, comes from the cache.
    const again = await generation.generate('w1', 'item1', brief('none'), {});
    expect(Object.values(cachedStages(again)).every(Boolean)).toBe(true);
    expect(again.contentHash).toBe(silentVersion.contentHash);
  });

  it('reads a brief stored before music existed as one without music', async () => {
    const { music: _music, ...stored } = brief('none');
    const old = await generation.generate('w1', 'item1', stored as Brief, {});
    expect(old.parameters.music).toBe('none');
    expect(renderedMusic(old)).toBe('none');
    const current = await generation.generate('w1', 'item1', brief('none'), {});
    expect(current.contentHash).toBe(old.contentHash);
  });

  it.each([
    ['a deleted upload', 'library:gone', 'The music chosen is no longer in the media library'],
    ['a picture', 'library:photo1', 'The music chosen, "beach.png", is a picture, not an audio file.'],
    ["another workspace's upload", 'library:theirs', 'no longer in the media library'],
  ] as const)('fails the render stage in plain words for %s', async (_case, music, words) => {
    const failure = await refusal(generation.generate('w1', 'item1', brief(music), {}));
    expect(failure).toBeInstanceOf(StageFailure);
    expect(failure).toMatchObject({ stage: 'render', message: expect.stringContaining(words) as unknown });
    expect((failure as StageFailure).message).toContain('create the video again with other music');
    expect((failure as StageFailure).cause).toMatchObject({ code: 'music_not_found' });
  });

  async function service(start = true) {
    const clock = new FakeClock();
    const queue = new InProcessQueue({
      store,
      clock,
      logger: silent,
      concurrency: { render: 1, io: 1 },
      node: 'test',
    });
    const items = itemsFor(store, fake.kit, clock);
    const handlers = [generateJob(items)];
    if (start) await queue.start(handlers);
    queues.push(queue);
    return { queue, handlers, content: new ContentService({ store, clock, queue }) };
  }

  it.each([
    ['is not in the library', 'library:gone', 'The music chosen is no longer in the media library'],
    ['is a picture', 'library:photo1', '"beach.png", is a picture, not an audio file.'],
    ["is another workspace's", 'library:theirs', 'no longer in the media library'],
  ] as const)('refuses to create an item whose music %s, with a 400', async (_case, music, words) => {
    const { content } = await service();
    const error = await refusal(content.create(ctx, brief(music)));
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ kind: 'validation', code: 'music_not_found' });
    expect((error as UserError).message).toContain(words);
    expect((error as UserError).message).toContain('Choose a built-in track or an audio file');
    expect((await content.list(ctx, {}, { limit: 10 })).items).toEqual([]);
  });

  it('creates no item of a series when one brief names missing music, and says which', async () => {
    const { content } = await service();
    const error = await refusal(content.createSeries(ctx, [brief('builtin:calm'), brief('library:gone')]));
    expect(error).toMatchObject({
      code: 'music_not_found',
      message: expect.stringMatching(/^Brief 2: The music chosen is no longer/) as unknown,
    });
    expect((await content.list(ctx, {}, { limit: 10 })).items).toEqual([]);
  });

  it('fails an item whose upload was deleted before its render at the render stage, again on retry', async () => {
    const { content, queue, handlers } = await service(false);
    const { item } = await content.create(ctx, brief('library:song1'));
    await store.mediaAssets.delete('w1', 'song1');
    await queue.start(handlers);
    await queue.idle();
    const failed = (await content.get(ctx, item.id)).item;
    expect(failed.status).toBe('failed');
    expect(failed.failure).toEqual({
      stage: 'render',
      reason:
        'The music chosen is no longer in the media library; it may have been deleted. ' +
        'It cannot be rendered with this music any more: create the video again with other music.',
    });
    await content.retry(ctx, item.id);
    await queue.idle();
    expect((await content.get(ctx, item.id)).item).toMatchObject({
      status: 'failed',
      failure: failed.failure,
    });
  });

  it('keeps an item whose upload was deleted editable where its render is cached', async () => {
    const { content, queue } = await service();
    const { item } = await content.create(ctx, brief('library:song1'));
    await queue.idle();
    await store.mediaAssets.delete('w1', 'song1');

    // New metadata reuses the cached render: the missing file is not needed.
    await content.edit(ctx, item.id, { metadata: { tiktok: { caption: 'Cold brew!', aiGenerated: true } } });
    await queue.idle();
    expect((await content.get(ctx, item.id)).item.status).toBe('ready');

    // A caption fix needs a new render, which cannot have the music any more.
    await content.edit(ctx, item.id, { captionText: { 0: 'Cold brew, simply' } });
    await queue.idle();
    expect((await content.get(ctx, item.id)).item).toMatchObject({
      status: 'failed',
      failure: {
        stage: 'render',
        reason: expect.stringContaining('no longer in the media library') as unknown,
      },
    });
  });
});
