import { describe, expect, it } from 'vitest';
import { LibraryVisuals } from '../../../src/adapters/ai/visuals/library-visuals.js';
import type { MediaAsset } from '../../../src/domain/content-item.js';
import type { Beat } from '../../../src/domain/content.js';
import type { MediaAssetRepository, Page, PageRequest } from '../../../src/ports/store.js';
import { makeBrief } from './brief.js';

/** Newest first by id, like the real repositories, with id cursors. */
class MemoryAssets implements MediaAssetRepository {
  readonly assets: MediaAsset[] = [];
  pagesServed = 0;
  async create(asset: MediaAsset): Promise<void> {
    this.assets.push(asset);
  }
  async find(workspaceId: string, id: string): Promise<MediaAsset | null> {
    return this.assets.find((a) => a.workspaceId === workspaceId && a.id === id) ?? null;
  }
  async listByWorkspace(workspaceId: string, page: PageRequest): Promise<Page<MediaAsset>> {
    this.pagesServed++;
    const mine = this.assets
      .filter((a) => a.workspaceId === workspaceId && (!page.cursor || a.id < page.cursor))
      .sort((a, b) => b.id.localeCompare(a.id));
    const items = mine.slice(0, page.limit);
    return { items, nextCursor: mine.length > page.limit ? (items.at(-1)?.id ?? null) : null };
  }
  async delete(): Promise<boolean> {
    return false;
  }
}

let counter = 0;
type VisualAsset = MediaAsset & { kind: 'image' | 'video' };

function asset(workspaceId: string, tags: string[], kind: 'image' | 'video' = 'image'): VisualAsset {
  const id = `a${String(++counter).padStart(5, '0')}`;
  return {
    id,
    workspaceId,
    mediaKey: `workspaces/${workspaceId}/library/${id}.${kind === 'image' ? 'png' : 'mp4'}`,
    kind,
    filename: `${tags.join('-')}.png`,
    sizeBytes: 10,
    width: 1080,
    height: 1920,
    durationMs: kind === 'video' ? 3000 : null,
    tags,
    createdAt: `2026-01-01T00:00:${String(counter % 60).padStart(2, '0')}.000Z`,
  };
}

async function setup(...list: MediaAsset[]) {
  const repo = new MemoryAssets();
  for (const a of list) await repo.create(a);
  return { repo, library: new LibraryVisuals(repo) };
}
const input = (beat: Beat, previous: VisualAsset | null = null) => ({
  workspaceId: 'ws1',
  brief: makeBrief(),
  beat,
  beatIndex: 1,
  previous: previous && { kind: 'asset' as const, mediaKey: previous.mediaKey, mediaType: previous.kind },
});

describe('LibraryVisuals', () => {
  const coffeeBeat = { text: 'Start with a good coffee', visualCue: 'A steaming coffee cup on a desk' };

  it("answers the workspace's best matching asset", async () => {
    const cup = asset('ws1', ['coffee', 'cup'], 'video');
    const { library } = await setup(asset('ws1', ['coffee']), cup, asset('ws1', ['beach']));
    expect(await library.choose(input(coffeeBeat))).toEqual({
      kind: 'asset',
      mediaKey: cup.mediaKey,
      mediaType: 'video',
    });
  });

  it("never answers another workspace's asset", async () => {
    const { library } = await setup(asset('ws2', ['coffee', 'cup', 'desk']));
    expect(await library.choose(input(coffeeBeat))).toBeNull();
  });

  it('answers null below the threshold (one spoken word is not enough)', async () => {
    const { library } = await setup(asset('ws1', ['good', 'sunrise']));
    expect(await library.choose(input({ text: 'A good day', visualCue: 'sunset over hills' }))).toBeNull();
  });

  it('matches plurals, accents and other languages through normalized stems', async () => {
    const plage = asset('ws1', ['plage', 'cafés']);
    const { library } = await setup(plage);
    const beat = { text: 'Un café sur la plage', visualCue: 'Café en terrasse, plages' };
    expect(await library.choose({ ...input(beat), brief: makeBrief({ language: 'fr' }) })).toMatchObject({
      mediaKey: plage.mediaKey,
    });
  });

  it('does not show the same asset in two beats in a row, and prefers the newest on a tie', async () => {
    const older = asset('ws1', ['coffee', 'cup']);
    const newer = asset('ws1', ['coffee', 'cup']);
    const { library } = await setup(older, newer);
    expect(await library.choose(input(coffeeBeat))).toMatchObject({ mediaKey: newer.mediaKey });
    expect(await library.choose(input(coffeeBeat, newer))).toMatchObject({ mediaKey: older.mediaKey });
    const { library: single } = await setup(older);
    expect(await single.choose(input(coffeeBeat, older))).toBeNull();
  });

  it('reads every page of a large library', async () => {
    const fillers = Array.from({ length: 450 }, () => asset('ws1', ['filler']));
    const oldest = asset('ws1', ['coffee', 'cup']);
    const { repo, library } = await setup(oldest, ...fillers);
    // The match was created first, so it sits on the last page.
    expect(await library.choose(input(coffeeBeat))).toMatchObject({ mediaKey: oldest.mediaKey });
    expect(repo.pagesServed).toBe(3);
  });

  it('answers null for a beat without content words', async () => {
    const { library } = await setup(asset('ws1', ['coffee']));
    expect(await library.choose(input({ text: 'It is what it is', visualCue: 'a shot of it' }))).toBeNull();
  });
});
