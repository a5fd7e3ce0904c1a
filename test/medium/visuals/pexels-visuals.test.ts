import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_PEXELS_KEY, startPexelsFake } from '../../../sandbox/ai/pexels/server.js';
import { PexelsVisuals, stockKey } from '../../../src/adapters/ai/visuals/pexels-visuals.js';
import { VisualsChain } from '../../../src/adapters/ai/visuals/visuals-chain.js';
import { LocalMediaStore } from '../../../src/adapters/media-store/local-media-store.js';
import type { Beat, VisualSource } from '../../../src/domain/content.js';
import { TransientError, UserError } from '../../../src/domain/errors.js';
import { makeBrief } from '../../small/visuals/brief.js';
import { hasFfmpeg } from '../media-library/local-probe.js';

const needsFfmpeg = it.skipIf(!hasFfmpeg && process.env.CI !== 'true');

let fake: Awaited<ReturnType<typeof startPexelsFake>>;
let dir: string;
let store: LocalMediaStore;

beforeAll(async () => {
  fake = await startPexelsFake({ hourlyLimit: 1000 });
  dir = mkdtempSync(join(tmpdir(), 'aif-pexels-'));
  store = new LocalMediaStore(join(dir, 'media'));
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  fake.state.remaining = 1000;
});

const pexels = (over: Partial<ConstructorParameters<typeof PexelsVisuals>[0]> = {}) =>
  new PexelsVisuals({ apiKey: SANDBOX_PEXELS_KEY, baseUrl: fake.baseUrl, store, timeoutMs: 5000, ...over });
const input = (visualCue: string, previous: VisualSource | null = null, text = 'Something worth saying') => ({
  workspaceId: 'ws',
  brief: makeBrief(),
  beat: { text, visualCue } satisfies Beat,
  beatIndex: 0,
  previous,
});

function dimensions(file: string): string {
  return execFileSync('ffprobe', [
    ...['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=codec_name,width,height'],
    ...['-of', 'csv=p=0', file],
  ])
    .toString()
    .trim();
}

describe('PexelsVisuals against the local Pexels', () => {
  needsFfmpeg(
    'searches portrait videos with the key and downloads the 1080×1920 file into the store',
    async () => {
      const source = await pexels().choose(input('Waves on the ocean at dawn'));
      expect(source).toMatchObject({ kind: 'stock', mediaType: 'video', credit: 'Ana Souza on Pexels' });
      expect(source?.kind === 'stock' && source.mediaKey).toMatch(/^stock\/pexels\/[0-9a-f]{40}\.mp4$/);
      if (source?.kind !== 'stock') throw new Error('expected stock');
      expect(dimensions(store.pathOf(source.mediaKey))).toBe('h264,1080,1920');
      expect(fake.state.requests.at(-1)).toMatchObject({
        path: '/videos/search',
        query: { query: 'waves ocean dawn', orientation: 'portrait', size: 'medium', per_page: '5' },
        authorization: SANDBOX_PEXELS_KEY,
      });
      expect(fake.state.downloads.at(-1)).toBe('/video-files/1001/1001-hd_1080_1920_30fps.mp4');
    },
  );

  needsFfmpeg('uses a file it already has without downloading it again', async () => {
    const first = await pexels().choose(input('misty forest path'));
    const downloads = fake.state.downloads.length;
    const second = await pexels().choose(input('misty forest path'));
    expect(second).toEqual(first);
    expect(fake.state.downloads.length).toBe(downloads);
  });

  needsFfmpeg('falls back to the portrait photo when no video is Full HD portrait', async () => {
    const source = await pexels().choose(input('a coffee cup on a desk'));
    expect(source).toMatchObject({ kind: 'stock', mediaType: 'image', credit: 'Mia Chen on Pexels' });
    if (source?.kind !== 'stock') throw new Error('expected stock');
    expect(source.mediaKey).toMatch(/\.jpg$/);
    expect(dimensions(store.pathOf(source.mediaKey))).toBe('mjpeg,800,1200');
    expect(fake.state.requests.slice(-2)).toMatchObject([
      { path: '/videos/search' },
      { path: '/v1/search', query: { query: 'coffee cup desk', orientation: 'portrait', per_page: '5' } },
    ]);
  });

  needsFfmpeg('skips the file the beat before shows', async () => {
    const first = await pexels().choose(input('calm nature'));
    const next = await pexels().choose(input('calm nature', first));
    expect(first).toMatchObject({ credit: 'Ana Souza on Pexels' });
    expect(next).toMatchObject({ credit: 'Jonas Berg on Pexels' });
  });

  it('answers null when Pexels has nothing, or the beat has no words to search', async () => {
    expect(await pexels().choose(input('zyxw qvtu'))).toBeNull();
    const before = fake.state.requests.length;
    expect(await pexels().choose(input('a shot of it', null, 'It is what it is'))).toBeNull();
    expect(fake.state.requests.length).toBe(before);
  });
});

describe('PexelsVisuals failures', () => {
  needsFfmpeg('refuses a file over the download limit and keeps nothing of it', async () => {
    const error = await pexels({ maxDownloadBytes: 1000 })
      .choose(input('runner on a track'))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'stock_too_large' });
    expect(readdirSync(join(dir, 'media', '.scratch'))).toEqual([]);
    const url = `${fake.baseUrl}/video-files/1006/1006-hd_1080_1920_30fps.mp4`;
    expect(await store.exists(stockKey({ url, mediaType: 'video', extension: 'mp4', credit: '' }))).toBe(
      false,
    );
  });

  it('turns a refused key into provider_auth', async () => {
    const error = await pexels({ apiKey: 'wrong' })
      .choose(input('ocean'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ kind: 'validation', code: 'provider_auth' });
  });

  it('turns 429 into a transient rate-limit error', async () => {
    fake.state.remaining = 0;
    const error = await pexels()
      .choose(input('ocean'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect(error).toMatchObject({ code: 'provider_rate_limited' });
  });

  it('turns 5xx into a transient error', async () => {
    fake.state.injectFault({ type: 'status', status: 502 });
    await expect(pexels().choose(input('ocean'))).rejects.toMatchObject({ code: 'provider_unavailable' });
  });

  it('gives up on a hanging answer after its timeout', async () => {
    fake.state.injectFault({ type: 'hang' });
    const started = Date.now();
    await expect(pexels({ timeoutMs: 300 }).choose(input('ocean'))).rejects.toMatchObject({
      code: 'provider_timeout',
    });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("rejects with the caller's abort, not a provider error", async () => {
    fake.state.injectFault({ type: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('generation cancelled')), 100);
    await expect(pexels().choose(input('ocean'), controller.signal)).rejects.toThrow('generation cancelled');
  });

  it('never fails the video: the chain falls back to generated visuals and reports why', async () => {
    const reported: string[] = [];
    const chain = new VisualsChain([pexels({ apiKey: 'wrong' })], (id, error) =>
      reported.push(`${id}: ${(error as UserError).code}`),
    );
    expect(await chain.choose(input('ocean'))).toMatchObject({ kind: 'generated' });
    expect(reported).toEqual(['pexels:v1: provider_auth']);
  });
});
