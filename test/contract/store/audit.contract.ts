import { describe, expect, it } from 'vitest';
import { allPages, auditEvent, freshStore, LATER, NOW, workspaceWith } from './fixtures.js';
import type { OpenStore } from './harness.js';

/** The audit log and the receipts of platform events, on one adapter. */
export function auditStoreContract(adapter: string, open: OpenStore): void {
  describe(`Store contract, audit and platform events: ${adapter}`, () => {
    const opened = freshStore(open);

    it("lists one workspace's events newest first, page by page, field for field", async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const made = [];
      for (let n = 0; n < 5; n += 1) {
        const e = auditEvent(ws.id, {
          type: n === 0 ? 'connected' : 'refreshed',
          connectionId: `c${n}`,
          externalAccountId: 'acct',
          actorUserId: n === 0 ? 'u1' : null,
        });
        await store.audit.append(e);
        made.push(e);
        await store.audit.append(auditEvent(other.id));
      }
      const listed = await allPages((page) => store.audit.list(ws.id, page), 2);
      expect(listed.pages).toBe(3);
      expect(listed.items).toEqual([...made].reverse());
      expect(await store.audit.list('empty', { limit: 5 })).toEqual({ items: [], nextCursor: null });
    });

    it('refuses an event id appended twice', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const e = auditEvent(ws.id);
      await store.audit.append(e);
      await expect(store.audit.append({ ...e, detail: 'again' })).rejects.toThrow();
      expect((await store.audit.list(ws.id, { limit: 5 })).items).toEqual([e]);
    });

    it('remembers a platform event digest once, whatever the platform or time of the repeat', async () => {
      const store = opened();
      expect(await store.webhookReceipts.remember('digest-1', 'tiktok', NOW)).toBe(true);
      expect(await store.webhookReceipts.remember('digest-1', 'tiktok', NOW)).toBe(false);
      expect(await store.webhookReceipts.remember('digest-1', 'instagram', LATER)).toBe(false);
      expect(await store.webhookReceipts.remember('digest-2', 'tiktok', NOW)).toBe(true);
    });
  });
}
