import { describe, expect, it } from 'vitest';
import type { OAuthState } from '../../../src/domain/connection-records.js';
import { newId } from '../../../src/domain/ids.js';
import type { SealedTokens } from '../../../src/ports/token-vault.js';
import { allPages, connection, EARLIER, freshStore, LATER, NOW, workspaceWith } from './fixtures.js';
import type { OpenStore } from './harness.js';

const sealed = (n: number): SealedTokens => ({
  keyId: `k${n}`,
  wrappedKey: `wrapped-${n}`,
  ciphertext: `cipher-${n}`,
});

const state = (workspaceId: string, over: Partial<OAuthState> = {}): OAuthState => ({
  stateHash: newId(),
  workspaceId,
  sessionId: 's1',
  userId: 'u1',
  platform: 'youtube',
  codeVerifier: 'verifier',
  reconnectId: null,
  forceConsent: false,
  createdAt: EARLIER,
  expiresAt: LATER,
  ...over,
});

/** Connections with their sealed tokens and refresh leases, OAuth states and deletion requests, on one adapter. */
export function connectionsStoreContract(adapter: string, open: OpenStore): void {
  describe(`Store contract, connections: ${adapter}`, () => {
    const opened = freshStore(open);

    it('creates, finds and updates a connection, field for field, within its workspace', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const c = connection(ws.id, { aliases: ['alias-1'], scopes: ['a', 'b'], avatarUrl: 'https://x/a.png' });
      await store.connections.create(c);
      expect(await store.connections.findById(ws.id, c.id)).toEqual(c);
      expect(await store.connections.findById(other.id, c.id)).toBeNull();
      expect(await store.connections.findById(ws.id, 'missing')).toBeNull();

      const updated = {
        ...c,
        displayName: 'Renamed',
        status: 'needs_reconnect' as const,
        lastError: 'revoked',
        sandbox: false,
        nextRefreshAt: LATER,
        updatedAt: LATER,
      };
      await store.connections.update(updated);
      expect(await store.connections.findById(ws.id, c.id)).toEqual(updated);
      // The same id under another workspace changes nothing.
      await store.connections.update({ ...updated, workspaceId: other.id, displayName: 'Hijacked' });
      expect(await store.connections.findById(ws.id, c.id)).toEqual(updated);
    });

    it('finds a connection by platform account within one workspace, and one per account only', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const c = connection(ws.id, { platform: 'youtube', externalAccountId: 'chan-1' });
      await store.connections.create(c);
      expect(await store.connections.findByAccount(ws.id, 'youtube', 'chan-1')).toEqual(c);
      expect(await store.connections.findByAccount(ws.id, 'tiktok', 'chan-1')).toBeNull();
      expect(await store.connections.findByAccount(other.id, 'youtube', 'chan-1')).toBeNull();
      await expect(
        store.connections.create(connection(ws.id, { platform: 'youtube', externalAccountId: 'chan-1' })),
      ).rejects.toThrow();
      // Another workspace may connect the same account.
      await store.connections.create(
        connection(other.id, { platform: 'youtube', externalAccountId: 'chan-1' }),
      );
      expect(await store.connections.findByAccount(other.id, 'youtube', 'chan-1')).not.toBeNull();
    });

    it("finds every workspace's connection to one account or alias, oldest first", async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const first = connection(ws.id, {
        platform: 'instagram',
        externalAccountId: 'ig-1',
        aliases: ['app-scoped-1'],
      });
      const second = connection(other.id, { platform: 'instagram', externalAccountId: 'ig-1' });
      const elsewhere = connection(ws.id, { platform: 'tiktok', externalAccountId: 'ig-1' });
      for (const c of [first, second, elsewhere]) await store.connections.create(c);
      expect(await store.connections.findAllByAccount('instagram', 'ig-1')).toEqual([first, second]);
      expect(await store.connections.findAllByAccount('instagram', 'app-scoped-1')).toEqual([first]);
      expect(await store.connections.findAllByAccount('instagram', 'unknown')).toEqual([]);
    });

    it("lists one workspace's connections oldest first, page by page", async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const made = [];
      for (let n = 0; n < 5; n += 1) {
        const c = connection(ws.id);
        await store.connections.create(c);
        made.push(c);
        await store.connections.create(connection(other.id));
      }
      const listed = await allPages((page) => store.connections.listByWorkspace(ws.id, page), 2);
      expect(listed.pages).toBe(3);
      expect(listed.items).toEqual(made);
      expect(await store.connections.listByWorkspace('empty', { limit: 5 })).toEqual({
        items: [],
        nextCursor: null,
      });
    });

    it('deletes a connection of its own workspace only, once', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const c = connection(ws.id);
      await store.connections.create(c);
      expect(await store.connections.delete(other.id, c.id)).toBe(false);
      expect(await store.connections.findById(ws.id, c.id)).toEqual(c);
      expect(await store.connections.delete(ws.id, c.id)).toBe(true);
      expect(await store.connections.delete(ws.id, c.id)).toBe(false);
      expect(await store.connections.findById(ws.id, c.id)).toBeNull();
    });

    it('saves, replaces, loads and deletes sealed tokens within their workspace', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const c = connection(ws.id);
      await store.connections.create(c);
      expect(await store.connections.loadTokens(ws.id, c.id)).toBeNull();
      await store.connections.saveTokens(ws.id, c.id, sealed(1), NOW);
      expect(await store.connections.loadTokens(ws.id, c.id)).toEqual(sealed(1));
      await store.connections.saveTokens(ws.id, c.id, sealed(2), LATER);
      expect(await store.connections.loadTokens(ws.id, c.id)).toEqual(sealed(2));

      // Another workspace can neither read, overwrite nor delete them.
      expect(await store.connections.loadTokens(other.id, c.id)).toBeNull();
      await store.connections.saveTokens(other.id, c.id, sealed(3), LATER);
      await store.connections.deleteTokens(other.id, c.id);
      expect(await store.connections.loadTokens(ws.id, c.id)).toEqual(sealed(2));

      await store.connections.deleteTokens(ws.id, c.id);
      expect(await store.connections.loadTokens(ws.id, c.id)).toBeNull();
      expect(await store.connections.findById(ws.id, c.id)).toEqual(c);
    });

    it('lists due refreshes across workspaces, oldest due first, skipping leased and not-yet-due ones', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const dueLast = connection(ws.id, { nextRefreshAt: NOW });
      const dueFirst = connection(other.id, { nextRefreshAt: EARLIER });
      const dueMiddle = connection(ws.id, { nextRefreshAt: '2026-01-15T00:00:00.000Z' });
      const notYet = connection(ws.id, { nextRefreshAt: '2026-01-15T12:00:00.001Z' });
      const never = connection(ws.id, { nextRefreshAt: null });
      const leased = connection(other.id, { nextRefreshAt: EARLIER });
      for (const c of [dueLast, dueFirst, dueMiddle, notYet, never, leased])
        await store.connections.create(c);
      expect(await store.connections.acquireRefreshLease(other.id, leased.id, EARLIER, LATER)).toBe(true);

      const due = await store.connections.listDueRefreshes(NOW, 10);
      expect(due.map((c) => c.id)).toEqual([dueFirst.id, dueMiddle.id, dueLast.id]);
      expect((await store.connections.listDueRefreshes(NOW, 2)).map((c) => c.id)).toEqual([
        dueFirst.id,
        dueMiddle.id,
      ]);
      // A lease that has run out by `before` no longer hides the connection.
      expect((await store.connections.listDueRefreshes(LATER, 10)).map((c) => c.id)).toContain(leased.id);
    });

    it('leases a refresh to one taker until the lease runs out or is released', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const c = connection(ws.id, { nextRefreshAt: EARLIER });
      await store.connections.create(c);
      expect(await store.connections.acquireRefreshLease(other.id, c.id, EARLIER, NOW)).toBe(false);
      expect(await store.connections.acquireRefreshLease(ws.id, 'missing', EARLIER, NOW)).toBe(false);
      expect(await store.connections.acquireRefreshLease(ws.id, c.id, EARLIER, NOW)).toBe(true);
      expect(
        await store.connections.acquireRefreshLease(ws.id, c.id, '2026-01-15T11:59:59.999Z', LATER),
      ).toBe(false);
      // At the instant it ends, the lease is free again.
      expect(await store.connections.acquireRefreshLease(ws.id, c.id, NOW, LATER)).toBe(true);
      await store.connections.releaseRefreshLease(other.id, c.id);
      expect(await store.connections.acquireRefreshLease(ws.id, c.id, NOW, LATER)).toBe(false);
      await store.connections.releaseRefreshLease(ws.id, c.id);
      expect(await store.connections.acquireRefreshLease(ws.id, c.id, NOW, LATER)).toBe(true);
    });

    it('walks every sealed record after a connection id, across workspaces, in id order', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const records = [];
      for (let n = 0; n < 5; n += 1) {
        const c = connection(n % 2 === 0 ? ws.id : other.id);
        await store.connections.create(c);
        await store.connections.saveTokens(c.workspaceId, c.id, sealed(n), NOW);
        records.push({ connectionId: c.id, workspaceId: c.workspaceId, sealed: sealed(n) });
      }
      await store.connections.create(connection(ws.id)); // no tokens: not listed

      const walked = [];
      let after = '';
      for (;;) {
        const batch = await store.connections.listSealedAfter(after, 2);
        expect(batch.length).toBeLessThanOrEqual(2);
        if (batch.length === 0) break;
        walked.push(...batch);
        after = batch[batch.length - 1]!.connectionId;
      }
      expect(walked).toEqual(records);
      expect(await store.connections.listSealedAfter(records[4]!.connectionId, 10)).toEqual([]);
    });

    it('replaces sealed tokens only while they are still the expected ones', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const c = connection(ws.id);
      await store.connections.create(c);
      await store.connections.saveTokens(ws.id, c.id, sealed(1), NOW);
      expect(await store.connections.replaceSealed(other.id, c.id, sealed(1), sealed(9))).toBe(false);
      expect(await store.connections.replaceSealed(ws.id, 'missing', sealed(1), sealed(9))).toBe(false);
      expect(await store.connections.replaceSealed(ws.id, c.id, sealed(1), sealed(2))).toBe(true);
      expect(await store.connections.loadTokens(ws.id, c.id)).toEqual(sealed(2));
      // A refresh saved new tokens in between: the stale rewrap loses.
      await store.connections.saveTokens(ws.id, c.id, sealed(3), LATER);
      expect(await store.connections.replaceSealed(ws.id, c.id, sealed(2), sealed(4))).toBe(false);
      expect(await store.connections.loadTokens(ws.id, c.id)).toEqual(sealed(3));
    });

    it('consumes an OAuth state once, and never after it expires', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const live = state(ws.id, { forceConsent: true, reconnectId: 'c1', codeVerifier: null });
      const expiring = state(ws.id, { expiresAt: NOW });
      await store.oauthStates.create(live);
      await store.oauthStates.create(expiring);
      expect(await store.oauthStates.consume(live.stateHash, NOW)).toEqual(live);
      expect(await store.oauthStates.consume(live.stateHash, NOW)).toBeNull();
      expect(await store.oauthStates.consume(expiring.stateHash, NOW)).toBeNull();
      // A state refused as expired is gone for good.
      expect(await store.oauthStates.consume(expiring.stateHash, EARLIER)).toBeNull();
      expect(await store.oauthStates.consume('unknown', NOW)).toBeNull();
    });

    it('deletes OAuth states expired at or before an instant and counts them', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const old = state(ws.id, { expiresAt: EARLIER });
      const atNow = state(ws.id, { expiresAt: NOW });
      const live = state(ws.id, { expiresAt: LATER });
      for (const s of [old, atNow, live]) await store.oauthStates.create(s);
      expect(await store.oauthStates.deleteExpired(NOW)).toBe(2);
      expect(await store.oauthStates.deleteExpired(NOW)).toBe(0);
      expect(await store.oauthStates.consume(live.stateHash, NOW)).toEqual(live);
    });

    it('records a data deletion request and finds it by its code', async () => {
      const store = opened();
      const request = {
        code: 'abc123',
        platform: 'instagram' as const,
        externalUserId: 'ig-1',
        connectionsDeleted: 2,
        createdAt: NOW,
      };
      await store.deletionRequests.create(request);
      expect(await store.deletionRequests.find('abc123')).toEqual(request);
      expect(await store.deletionRequests.find('ABC123')).toBeNull();
      await expect(store.deletionRequests.create({ ...request, connectionsDeleted: 0 })).rejects.toThrow();
      expect(await store.deletionRequests.find('abc123')).toEqual(request);
    });
  });
}
