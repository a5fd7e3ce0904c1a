import { describe, expect, it } from 'vitest';
import { freshStore, item, user, workspaceWith } from './fixtures.js';
import type { OpenStore } from './harness.js';

/** Transactions and readiness of one adapter. */
export function transactionStoreContract(adapter: string, open: OpenStore): void {
  describe(`Store contract, transactions: ${adapter}`, () => {
    const opened = freshStore(open);

    it('keeps all of a transaction or none of it', async () => {
      const store = opened();
      const kept = user();
      await store.transaction(async (tx) => tx.users.create(kept));
      expect(await store.users.findById(kept.id)).not.toBeNull();

      const lost = user();
      await expect(
        store.transaction(async (tx) => {
          await tx.users.create(lost);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await store.users.findById(lost.id)).toBeNull();
    });

    it('returns what the work returns, and commits writes to several aggregates together', async () => {
      const store = opened();
      const owner = user();
      const result = await store.transaction(async (tx) => {
        await tx.users.create(owner);
        const ws = await workspaceWith(tx, { user: owner, role: 'owner' });
        await tx.content.createItem(item(ws.id, { title: 'Inside a transaction' }));
        return ws.id;
      });
      expect(await store.memberships.countOwners(result)).toBe(1);
      const found = await store.content.listItems(result, { search: 'inside' }, { limit: 5 });
      expect(found.items.map((i) => i.title)).toEqual(['Inside a transaction']);
    });

    it('rolls back every aggregate written before the work threw, search index included', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const before = item(ws.id, { title: 'Kept title' });
      await store.content.createItem(before);
      await expect(
        store.transaction(async (tx) => {
          await tx.content.updateItem({ ...before, title: 'Renamed title' });
          await tx.content.createItem(item(ws.id, { title: 'Lost item' }));
          await tx.workspaces.rename(ws.id, 'Lost name');
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await store.content.findItem(ws.id, before.id)).toEqual(before);
      expect((await store.workspaces.findById(ws.id))?.name).toBe('Studio');
      const search = (text: string) => store.content.listItems(ws.id, { search: text }, { limit: 5 });
      expect((await search('kept')).items).toHaveLength(1);
      expect((await search('renamed')).items).toEqual([]);
      expect((await search('lost')).items).toEqual([]);
    });

    it('lets the work read what it wrote before committing', async () => {
      const store = opened();
      const u = user();
      const seen = await store.transaction(async (tx) => {
        await tx.users.create(u);
        await tx.users.updatePasswordHash(u.id, 'scrypt$inside');
        return tx.users.findById(u.id);
      });
      expect(seen).toEqual({ ...u, passwordHash: 'scrypt$inside' });
    });

    it('joins a transaction started inside another: both commit or roll back as one', async () => {
      const store = opened();
      const outer = user();
      const inner = user();
      await expect(
        store.transaction(async (tx) => {
          await tx.users.create(outer);
          await tx.transaction(async (nested) => nested.users.create(inner));
          throw new Error('outer failed');
        }),
      ).rejects.toThrow('outer failed');
      expect(await store.users.findById(outer.id)).toBeNull();
      expect(await store.users.findById(inner.id)).toBeNull();
    });

    it('keeps calls made during a transaction out of it', async () => {
      const store = opened();
      const inside = user();
      const outside = user();
      let release!: () => void;
      const holding = new Promise<void>((r) => (release = r));
      const tx = store.transaction(async (t) => {
        await t.users.create(inside);
        await holding;
        throw new Error('rolled back');
      });
      const outsideWrite = store.users.create(outside);
      release();
      await expect(tx).rejects.toThrow('rolled back');
      await outsideWrite;
      expect(await store.users.findById(inside.id)).toBeNull();
      expect(await store.users.findById(outside.id)).not.toBeNull();
    });

    it('answers ping while open', async () => {
      const store = opened();
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
