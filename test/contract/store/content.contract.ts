import { describe, expect, it } from 'vitest';
import type { ContentItem } from '../../../src/domain/content-item.js';
import type { Store } from '../../../src/ports/store.js';
import { allPages, freshStore, item, LATER, NOW, version, workspaceWith } from './fixtures.js';
import type { OpenStore } from './harness.js';

/** Content items, their versions and the factory's stage cache, on one adapter. */
export function contentStoreContract(adapter: string, open: OpenStore): void {
  describe(`Store contract, content: ${adapter}`, () => {
    const opened = freshStore(open);

    /** Creates items with these titles, oldest first, in a new workspace. */
    async function itemsTitled(store: Store, ...titles: string[]) {
      const ws = await workspaceWith(store);
      const items: ContentItem[] = [];
      for (const title of titles) {
        const i = item(ws.id, { title });
        await store.content.createItem(i);
        items.push(i);
      }
      return { ws, items };
    }

    async function titlesFound(store: Store, workspaceId: string, search: string) {
      const page = await store.content.listItems(workspaceId, { search }, { limit: 50 });
      return page.items.map((i) => i.title);
    }

    it('creates, finds and updates an item, field for field, within its workspace', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const i = item(ws.id, { source: 'upload' });
      await store.content.createItem(i);
      expect(await store.content.findItem(ws.id, i.id)).toEqual(i);
      expect(await store.content.findItem(other.id, i.id)).toBeNull();
      expect(await store.content.findItem(ws.id, 'missing')).toBeNull();

      const failed = {
        ...i,
        title: 'Evening habits',
        status: 'failed' as const,
        failure: { stage: 'voice' as const, reason: 'no voice' },
        currentVersionId: 'v1',
        brief: { ...i.brief, topic: 'Evenings' },
        updatedAt: LATER,
      };
      await store.content.updateItem(failed);
      expect(await store.content.findItem(ws.id, i.id)).toEqual(failed);
      await store.content.updateItem({
        ...failed,
        workspaceId: other.id,
        title: 'Hijacked',
        status: 'ready',
      });
      expect(await store.content.findItem(ws.id, i.id)).toEqual(failed);
      expect(await titlesFound(store, other.id, 'hijacked')).toEqual([]);
    });

    it('keeps the series an item was created in, through updates, and none for a single item', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const brief = { ...item(ws.id).brief, hookStyle: 'story' as const };
      const first = item(ws.id, { seriesId: 'series-1', title: 'Part one', brief });
      const second = item(ws.id, { seriesId: 'series-1', title: 'Part two' });
      const single = item(ws.id, { title: 'On its own' });
      for (const i of [first, second, single]) await store.content.createItem(i);

      expect(await store.content.findItem(ws.id, first.id)).toEqual(first);
      const found = await store.content.findItem(ws.id, single.id);
      expect(found).toEqual(single);
      expect(found).not.toHaveProperty('seriesId');

      await store.content.updateItem({ ...second, status: 'ready', seriesId: 'moved', updatedAt: LATER });
      const updated = await store.content.findItem(ws.id, second.id);
      expect(updated).toMatchObject({ status: 'ready', seriesId: 'series-1' });
      const listed = await store.content.listItems(ws.id, {}, { limit: 10 });
      expect(listed.items.map((i) => [i.title, i.seriesId])).toEqual([
        ['On its own', undefined],
        ['Part two', 'series-1'],
        ['Part one', 'series-1'],
      ]);
    });

    it('lists items newest first, page by page, filtered by status, within one workspace', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const made: ContentItem[] = [];
      for (let n = 0; n < 7; n += 1) {
        const i = item(ws.id, { status: n % 2 === 0 ? 'ready' : 'failed' });
        await store.content.createItem(i);
        made.push(i);
      }
      await store.content.createItem(item(other.id, { status: 'ready' }));

      const all = await allPages((page) => store.content.listItems(ws.id, {}, page), 3);
      expect(all.pages).toBe(3);
      expect(all.items).toEqual([...made].reverse());
      const ready = await allPages((page) => store.content.listItems(ws.id, { status: 'ready' }, page), 2);
      expect(ready.items.map((i) => i.id)).toEqual(
        made
          .filter((i) => i.status === 'ready')
          .map((i) => i.id)
          .reverse(),
      );
      expect((await store.content.listItems(ws.id, { status: 'generating' }, { limit: 5 })).items).toEqual(
        [],
      );
      expect(await store.content.listItems('empty', {}, { limit: 5 })).toEqual({
        items: [],
        nextCursor: null,
      });
    });

    it('searches titles by word, ignoring case and accents', async () => {
      const store = opened();
      const { ws } = await itemsTitled(store, 'Café crème at dawn', 'CAFE NOIR', 'Morning habits');
      expect(await titlesFound(store, ws.id, 'café')).toEqual(['CAFE NOIR', 'Café crème at dawn']);
      expect(await titlesFound(store, ws.id, 'CREME')).toEqual(['Café crème at dawn']);
      expect(await titlesFound(store, ws.id, 'Morning')).toEqual(['Morning habits']);
    });

    it('matches an item only when every query word starts one of its title words', async () => {
      const store = opened();
      const { ws } = await itemsTitled(store, 'Three morning habits', 'Morning coffee', 'Evening habits');
      expect(await titlesFound(store, ws.id, 'morning habits')).toEqual(['Three morning habits']);
      expect(await titlesFound(store, ws.id, 'hab mor')).toEqual(['Three morning habits']);
      expect(await titlesFound(store, ws.id, 'habits')).toEqual(['Evening habits', 'Three morning habits']);
      // Inside a word is not a match: "orning" starts no word.
      expect(await titlesFound(store, ws.id, 'orning')).toEqual([]);
      expect(await titlesFound(store, ws.id, 'morning tea')).toEqual([]);
    });

    it('cuts titles and queries on punctuation alike', async () => {
      const store = opened();
      const { ws } = await itemsTitled(store, "Rock'n'roll: 3 tips!", 'e-mail tips (2026)');
      expect(await titlesFound(store, ws.id, 'rock-n-roll')).toEqual(["Rock'n'roll: 3 tips!"]);
      expect(await titlesFound(store, ws.id, 'roll 3')).toEqual(["Rock'n'roll: 3 tips!"]);
      expect(await titlesFound(store, ws.id, 'email')).toEqual([]);
      expect(await titlesFound(store, ws.id, 'e mail 2026')).toEqual(['e-mail tips (2026)']);
      // A query without a letter or digit filters nothing.
      expect(await titlesFound(store, ws.id, ' !? ')).toHaveLength(2);
    });

    it('finds nothing for a word no title has, and never an item of another workspace', async () => {
      const store = opened();
      const { ws } = await itemsTitled(store, 'Morning habits');
      const other = await itemsTitled(store, 'Morning secrets');
      expect(await titlesFound(store, ws.id, 'secrets')).toEqual([]);
      expect(await titlesFound(store, ws.id, 'zebra')).toEqual([]);
      expect(await titlesFound(store, other.ws.id, 'morning')).toEqual(['Morning secrets']);
    });

    it('searches the title an item has now, not the one it had', async () => {
      const store = opened();
      const { ws, items } = await itemsTitled(store, 'Draft title');
      await store.content.updateItem({ ...items[0]!, title: 'Final cut', updatedAt: LATER });
      expect(await titlesFound(store, ws.id, 'draft')).toEqual([]);
      expect(await titlesFound(store, ws.id, 'final')).toEqual(['Final cut']);
      // Saving other fields keeps the item findable.
      await store.content.updateItem({ ...items[0]!, title: 'Final cut', status: 'ready', updatedAt: LATER });
      expect(await titlesFound(store, ws.id, 'cut')).toEqual(['Final cut']);
    });

    it('pages search results newest first, and combines search with a status filter', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const tips: ContentItem[] = [];
      for (let n = 0; n < 5; n += 1) {
        const tip = item(ws.id, { title: `Tip number ${n}`, status: n < 2 ? 'ready' : 'queued' });
        await store.content.createItem(tip);
        tips.push(tip);
        await store.content.createItem(item(ws.id, { title: `Story ${n}` }));
      }
      const found = await allPages((page) => store.content.listItems(ws.id, { search: 'tip' }, page), 2);
      expect(found.pages).toBe(3);
      expect(found.items.map((i) => i.id)).toEqual(tips.map((i) => i.id).reverse());
      const readyTips = await store.content.listItems(
        ws.id,
        { search: 'tip', status: 'ready' },
        { limit: 10 },
      );
      expect(readyTips.items.map((i) => i.id)).toEqual([tips[1]!.id, tips[0]!.id]);
    });

    it('keeps versions per item, finds them within their workspace and lists them newest first', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const i = item(ws.id);
      const sibling = item(ws.id);
      await store.content.createItem(i);
      await store.content.createItem(sibling);
      const v1 = version(i, 1);
      const v2 = version(i, 2, { edits: { captionText: { 0: 'Hello' } }, contentHash: 'hash-b' });
      await store.content.createVersion(v1);
      await store.content.createVersion(v2);
      await store.content.createVersion(version(sibling, 1));

      expect(await store.content.findVersion(ws.id, v2.id)).toEqual(v2);
      expect(await store.content.findVersion(other.id, v2.id)).toBeNull();
      expect(await store.content.findVersion(ws.id, 'missing')).toBeNull();
      expect(await store.content.listVersions(ws.id, i.id)).toEqual([v2, v1]);
      expect(await store.content.listVersions(other.id, i.id)).toEqual([]);
      expect(await store.content.listVersions(ws.id, 'missing')).toEqual([]);
    });

    it('refuses a second version with the same number of one item', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const i = item(ws.id);
      await store.content.createItem(i);
      const first = version(i, 1);
      await store.content.createVersion(first);
      await expect(store.content.createVersion(version(i, 1))).rejects.toThrow();
      expect(await store.content.listVersions(ws.id, i.id)).toEqual([first]);
    });

    it('keeps stage outputs per workspace and clears one workspace only', async () => {
      const store = opened();
      await store.stageCache.put('ws-a', 'k1', 'script', { hook: 'Hi' }, NOW);
      await store.stageCache.put('ws-a', 'k2', 'voice', { durationMs: 1200 }, NOW);
      await store.stageCache.put('ws-b', 'k1', 'script', { hook: 'Other' }, NOW);
      expect(await store.stageCache.get('ws-a', 'k1')).toEqual({ hook: 'Hi' });

      expect(await store.stageCache.clear('ws-a')).toBe(2);
      expect(await store.stageCache.get('ws-a', 'k1')).toBeNull();
      expect(await store.stageCache.get('ws-a', 'k2')).toBeNull();
      expect(await store.stageCache.get('ws-b', 'k1')).toEqual({ hook: 'Other' });
      expect(await store.stageCache.clear('ws-a')).toBe(0);
    });

    it('replaces a stage output stored again under the same key', async () => {
      const store = opened();
      expect(await store.stageCache.get('ws-a', 'k1')).toBeNull();
      await store.stageCache.put('ws-a', 'k1', 'script', { hook: 'First' }, NOW);
      await store.stageCache.put('ws-a', 'k1', 'script', { hook: 'Second', beats: [1, 2] }, LATER);
      expect(await store.stageCache.get('ws-a', 'k1')).toEqual({ hook: 'Second', beats: [1, 2] });
      expect(await store.stageCache.clear('ws-a')).toBe(1);
    });
  });
}
