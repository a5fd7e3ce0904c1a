import { describe, expect, it } from 'vitest';
import { allPages, asset, freshStore, workspaceWith } from './fixtures.js';
import type { OpenStore } from './harness.js';

/** The media library, on one adapter. */
export function mediaStoreContract(adapter: string, open: OpenStore): void {
  describe(`Store contract, media: ${adapter}`, () => {
    const opened = freshStore(open);

    it('creates and finds an asset, field for field, within its workspace', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const picture = asset(ws.id);
      const song = asset(ws.id, {
        kind: 'audio',
        width: 0,
        height: 0,
        durationMs: 95_000,
        tags: [],
        filename: 'calm.mp3',
      });
      await store.mediaAssets.create(picture);
      await store.mediaAssets.create(song);
      expect(await store.mediaAssets.find(ws.id, picture.id)).toEqual(picture);
      expect(await store.mediaAssets.find(ws.id, song.id)).toEqual(song);
      expect(await store.mediaAssets.find(other.id, picture.id)).toBeNull();
      expect(await store.mediaAssets.find(ws.id, 'missing')).toBeNull();
    });

    it("lists one workspace's assets newest first, page by page", async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const made = [];
      for (let n = 0; n < 5; n += 1) {
        const a = asset(ws.id, { filename: `shot-${n}.png` });
        await store.mediaAssets.create(a);
        made.push(a);
        await store.mediaAssets.create(asset(other.id));
      }
      const listed = await allPages((page) => store.mediaAssets.listByWorkspace(ws.id, page), 2);
      expect(listed.pages).toBe(3);
      expect(listed.items).toEqual([...made].reverse());
      expect(await store.mediaAssets.listByWorkspace('empty', { limit: 5 })).toEqual({
        items: [],
        nextCursor: null,
      });
    });

    it('deletes an asset of its own workspace only, once', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const a = asset(ws.id);
      await store.mediaAssets.create(a);
      expect(await store.mediaAssets.delete(other.id, a.id)).toBe(false);
      expect(await store.mediaAssets.find(ws.id, a.id)).toEqual(a);
      expect(await store.mediaAssets.delete(ws.id, a.id)).toBe(true);
      expect(await store.mediaAssets.delete(ws.id, a.id)).toBe(false);
      expect(await store.mediaAssets.find(ws.id, a.id)).toBeNull();
    });
  });
}
