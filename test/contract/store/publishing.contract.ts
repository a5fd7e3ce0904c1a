import { describe, expect, it } from 'vitest';
import type { Publication } from '../../../src/domain/publishing/publication.js';
import { newId } from '../../../src/domain/ids.js';
import type { Store } from '../../../src/ports/store.js';
import { allPages, EARLIER, freshStore, LATER, NOW, workspaceWith } from './fixtures.js';
import type { OpenStore } from './harness.js';
import { minutesAfterNow, publication, review } from './publishing-fixtures.js';

/** Version reviews, publications and workspace settings, on one adapter. */
export function publishingStoreContract(adapter: string, open: OpenStore): void {
  describe(`Store contract, publishing: ${adapter}`, () => {
    const opened = freshStore(open);

    /** Creates the publications in order and returns them. */
    async function created(store: Store, ...publications: Publication[]): Promise<Publication[]> {
      for (const p of publications) await store.publications.create(p);
      return publications;
    }
    const ids = (items: { id: string }[]) => items.map((i) => i.id);

    it('saves a review, finds it within its workspace only, and replaces it on the next save', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const r = review(ws.id);
      await store.reviews.save(r);
      expect(await store.reviews.find(ws.id, r.versionId)).toEqual(r);
      expect(await store.reviews.find(other.id, r.versionId)).toBeNull();
      expect(await store.reviews.find(ws.id, 'missing')).toBeNull();

      const approved = {
        ...r,
        state: 'approved' as const,
        decidedBy: 'u2',
        decidedAt: LATER,
        comment: 'Good',
        seal: { contentHash: 'h1', videoSha256: 'f1', metadataHashes: { tiktok: 'm1' } },
        history: [...r.history, { action: 'approve' as const, by: 'u2', at: LATER, comment: 'Good' }],
        updatedAt: LATER,
      };
      await store.reviews.save(approved);
      expect(await store.reviews.find(ws.id, r.versionId)).toEqual(approved);
    });

    it("never overwrites a review through another workspace's save of the same version id", async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const r = review(ws.id);
      await store.reviews.save(r);
      await store.reviews.save({ ...r, workspaceId: other.id, state: 'approved', updatedAt: LATER });
      expect(await store.reviews.find(ws.id, r.versionId)).toEqual(r);
      expect(await store.reviews.find(other.id, r.versionId)).toBeNull();
    });

    it('lists the review queue most recently changed first, page by page, by state, per workspace', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const reviews = [0, 1, 2, 3, 4].map((i) =>
        review(ws.id, { updatedAt: minutesAfterNow(i), state: i % 2 === 0 ? 'pending' : 'approved' }),
      );
      // Saved out of time order: the list follows updatedAt, not insertion.
      for (const r of [reviews[3]!, reviews[0]!, reviews[4]!, reviews[1]!, reviews[2]!])
        await store.reviews.save(r);
      await store.reviews.save(review(other.id, { updatedAt: LATER }));

      const all = await allPages((page) => store.reviews.list(ws.id, {}, page), 2);
      expect(all.pages).toBe(3);
      expect(all.items.map((r) => r.versionId)).toEqual(reviews.map((r) => r.versionId).reverse());

      const pending = await allPages((page) => store.reviews.list(ws.id, { state: 'pending' }, page), 1);
      expect(pending.items.map((r) => r.versionId)).toEqual(
        [reviews[4]!, reviews[2]!, reviews[0]!].map((r) => r.versionId),
      );
      const rejected = await store.reviews.list(ws.id, { state: 'rejected' }, { limit: 5 });
      expect(rejected).toEqual({ items: [], nextCursor: null });

      // A review that changes moves to the front.
      await store.reviews.save({ ...reviews[0]!, state: 'rejected', updatedAt: LATER });
      const front = await store.reviews.list(ws.id, {}, { limit: 1 });
      expect(front.items.map((r) => [r.versionId, r.state])).toEqual([[reviews[0]!.versionId, 'rejected']]);
    });

    it("lists the reviews of one item's versions, most recently changed first, per workspace", async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const itemId = newId();
      const first = review(ws.id, { itemId, updatedAt: EARLIER });
      const second = review(ws.id, { itemId, updatedAt: NOW });
      await store.reviews.save(second);
      await store.reviews.save(first);
      await store.reviews.save(review(ws.id, { updatedAt: LATER }));
      await store.reviews.save(review(other.id, { itemId, updatedAt: LATER }));
      expect(await store.reviews.listForItem(ws.id, itemId)).toEqual([second, first]);
      expect(await store.reviews.listForItem(ws.id, 'missing')).toEqual([]);
    });

    it('creates and finds a publication, field for field, within its workspace only', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const p = publication(ws.id, { scheduledAt: LATER, timeZone: 'Europe/Paris' });
      expect(await store.publications.create(p)).toEqual(p);
      expect(await store.publications.find(ws.id, p.id)).toEqual(p);
      expect(await store.publications.find(other.id, p.id)).toBeNull();
      expect(await store.publications.find(ws.id, 'missing')).toBeNull();
    });

    it('returns the first publication when the same idempotency key is used again, in that workspace only', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const first = publication(ws.id, { idempotencyKey: 'key-1' });
      expect(await store.publications.create(first)).toEqual(first);
      const again = publication(ws.id, { idempotencyKey: 'key-1', status: 'scheduled' });
      expect(await store.publications.create(again)).toEqual(first);
      expect(await store.publications.find(ws.id, again.id)).toBeNull();

      const elsewhere = publication(other.id, { idempotencyKey: 'key-1' });
      expect(await store.publications.create(elsewhere)).toEqual(elsewhere);
      // Without a key every create is a new publication.
      const [a, b] = [publication(ws.id), publication(ws.id)];
      await store.publications.create(a);
      await store.publications.create(b);
      const listed = await store.publications.list(ws.id, {}, { limit: 10 });
      expect(ids(listed.items).sort()).toEqual([first.id, a.id, b.id].sort());
    });

    it('updates only from the stored revision: a stale save is refused and changes nothing', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const p = publication(ws.id);
      await store.publications.create(p);

      const uploading = {
        ...p,
        status: 'uploading' as const,
        startedAt: NOW,
        platformRef: 'pub-1',
        attempts: 1,
        revision: 2,
      };
      expect(await store.publications.update(uploading)).toBe(true);
      expect(await store.publications.find(ws.id, p.id)).toEqual(uploading);

      // A second worker that read revision 1 also tries to move it on: refused.
      expect(await store.publications.update({ ...p, status: 'canceled', revision: 2 })).toBe(false);
      expect(await store.publications.update({ ...uploading, revision: 4 })).toBe(false);
      expect(await store.publications.update({ ...uploading, workspaceId: other.id, revision: 3 })).toBe(
        false,
      );
      expect(await store.publications.update({ ...publication(ws.id), revision: 2 })).toBe(false);
      expect(await store.publications.find(ws.id, p.id)).toEqual(uploading);

      const published = { ...uploading, status: 'published' as const, url: 'https://x/1', revision: 3 };
      expect(await store.publications.update(published)).toBe(true);
      expect(await store.publications.find(ws.id, p.id)).toEqual(published);
    });

    it('lists publications by planned time (scheduledAt, else createdAt), newest first, page by page', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const [soon, made, later, old] = await created(
        store,
        publication(ws.id, { scheduledAt: minutesAfterNow(30), createdAt: EARLIER }),
        publication(ws.id, { createdAt: NOW }),
        publication(ws.id, { scheduledAt: LATER, createdAt: EARLIER }),
        publication(ws.id, { createdAt: EARLIER }),
      );
      await created(store, publication(other.id, { scheduledAt: LATER }));
      const all = await allPages((page) => store.publications.list(ws.id, {}, page), 3);
      expect(all.pages).toBe(2);
      expect(ids(all.items)).toEqual(ids([later!, soon!, made!, old!]));

      // Rescheduling moves it in the order.
      await store.publications.update({ ...later!, scheduledAt: minutesAfterNow(-30), revision: 2 });
      const moved = await store.publications.list(ws.id, {}, { limit: 10 });
      expect(ids(moved.items)).toEqual(ids([soon!, made!, later!, old!]));
    });

    it('filters publications by status, connection, item and planned-time window, within the workspace', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const connectionId = newId();
      const itemId = newId();
      const [a, b, c, d] = await created(
        store,
        publication(ws.id, { connectionId, itemId, status: 'scheduled', scheduledAt: minutesAfterNow(60) }),
        publication(ws.id, { connectionId, status: 'published', createdAt: NOW }),
        publication(ws.id, { itemId, status: 'scheduled', scheduledAt: minutesAfterNow(120) }),
        publication(ws.id, { status: 'failed', createdAt: EARLIER }),
      );
      await created(store, publication(other.id, { connectionId, itemId, status: 'scheduled' }));
      const listed = async (filter: Parameters<Store['publications']['list']>[1]) =>
        ids((await store.publications.list(ws.id, filter, { limit: 10 })).items);

      expect(await listed({ status: 'scheduled' })).toEqual(ids([c!, a!]));
      expect(await listed({ connectionId })).toEqual(ids([a!, b!]));
      expect(await listed({ itemId })).toEqual(ids([c!, a!]));
      expect(await listed({ itemId, connectionId, status: 'scheduled' })).toEqual(ids([a!]));
      // from is inclusive, to is exclusive.
      expect(await listed({ from: NOW })).toEqual(ids([c!, a!, b!]));
      expect(await listed({ from: NOW, to: minutesAfterNow(120) })).toEqual(ids([a!, b!]));
      expect(await listed({ to: NOW })).toEqual(ids([d!]));
      // The same instants written with an offset select the same publications.
      expect(await listed({ from: '2026-01-15T14:00:00+02:00', to: '2026-01-15T13:30:00+01:00' })).toEqual(
        ids([b!]),
      );
      expect(await listed({ status: 'canceled' })).toEqual([]);
    });

    it('finds a publication by its platform handle across workspaces', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const [mine, theirs] = await created(
        store,
        publication(ws.id, { platformRef: 'v_pub_1' }),
        publication(other.id, { platform: 'youtube', platformRef: 'yt-9' }),
      );
      expect(await store.publications.findByPlatformRef('tiktok', 'v_pub_1')).toEqual(mine);
      expect(await store.publications.findByPlatformRef('youtube', 'yt-9')).toEqual(theirs);
      expect(await store.publications.findByPlatformRef('youtube', 'v_pub_1')).toBeNull();
      expect(await store.publications.findByPlatformRef('tiktok', 'missing')).toBeNull();

      // A handle learnt later, by update, is found too.
      const late = (await created(store, publication(ws.id)))[0]!;
      const withRef = { ...late, platformRef: 'v_pub_2', revision: 2 };
      await store.publications.update(withRef);
      expect(await store.publications.findByPlatformRef('tiktok', 'v_pub_2')).toEqual(withRef);
    });

    it('counts publications started since a time, per platform and optionally per connection', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const connectionId = newId();
      await created(
        store,
        publication(ws.id, { connectionId, startedAt: NOW }),
        publication(ws.id, { connectionId, startedAt: minutesAfterNow(5) }),
        publication(ws.id, { connectionId, startedAt: EARLIER }),
        publication(ws.id, { connectionId, startedAt: null }),
        publication(ws.id, { startedAt: LATER }),
        publication(other.id, { startedAt: LATER }),
        publication(ws.id, { platform: 'youtube', connectionId, startedAt: LATER }),
      );
      const count = (filter: Parameters<Store['publications']['countStartedSince']>[0]) =>
        store.publications.countStartedSince(filter);
      expect(await count({ platform: 'tiktok', since: NOW })).toBe(4);
      expect(await count({ platform: 'tiktok', connectionId, since: NOW })).toBe(2);
      expect(await count({ platform: 'tiktok', connectionId, since: '2026-01-15T13:00:00+01:00' })).toBe(2);
      expect(await count({ platform: 'youtube', since: EARLIER })).toBe(1);
      expect(await count({ platform: 'instagram', since: EARLIER })).toBe(0);
    });

    it("lists a connection's publications in the given statuses, oldest planned first, per workspace", async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const connectionId = newId();
      const [waiting, queued] = await created(
        store,
        publication(ws.id, { connectionId, status: 'needs_action', createdAt: EARLIER }),
        publication(ws.id, { connectionId, status: 'queued', createdAt: NOW }),
        publication(ws.id, { connectionId, status: 'published' }),
        publication(ws.id, { status: 'needs_action' }),
        publication(other.id, { connectionId, status: 'needs_action' }),
      );
      const found = await store.publications.listByConnection(ws.id, connectionId, [
        'needs_action',
        'queued',
      ]);
      expect(ids(found)).toEqual(ids([waiting!, queued!]));
      expect(await store.publications.listByConnection(ws.id, connectionId, [])).toEqual([]);
      expect(await store.publications.listByConnection(other.id, 'missing', ['queued'])).toEqual([]);
    });

    it("stores a workspace's settings, replaces them, and leaves other workspaces as they were", async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      expect((await store.workspaces.findById(ws.id))?.settings).toBeUndefined();
      await store.workspaces.updateSettings(ws.id, { requireOtherApprover: true });
      expect(await store.workspaces.findById(ws.id)).toEqual({
        ...ws,
        settings: { requireOtherApprover: true },
      });
      await store.workspaces.updateSettings(ws.id, { requireOtherApprover: false });
      expect((await store.workspaces.findById(ws.id))?.settings).toEqual({ requireOtherApprover: false });
      expect(await store.workspaces.findById(other.id)).toEqual(other);
      await store.workspaces.updateSettings('missing', { requireOtherApprover: true });
      expect(await store.workspaces.findById('missing')).toBeNull();
    });
  });
}
