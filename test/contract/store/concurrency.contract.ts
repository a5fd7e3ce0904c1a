import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Job } from '../../../src/domain/content-item.js';
import { newId } from '../../../src/domain/ids.js';
import type { Store } from '../../../src/ports/store.js';
import type { SealedTokens } from '../../../src/ports/token-vault.js';
import { trackedVideo } from './analytics-fixtures.js';
import { connection, invitation, LATER, NOW, user, workspaceWith } from './fixtures.js';
import type { OpenStore, StoreHarness } from './harness.js';
import { publication } from './publishing-fixtures.js';

/** Calls `attempt` `times` times at once, alternating between the two clients, and returns what each gave. */
async function race<T>(clients: [Store, Store], times: number, attempt: (s: Store, n: number) => Promise<T>) {
  return Promise.all(Array.from({ length: times }, (_, n) => attempt(clients[n % 2]!, n)));
}

const sealed = (tag: string): SealedTokens => ({
  keyId: 'k1',
  wrappedKey: `w-${tag}`,
  ciphertext: `c-${tag}`,
});

function queuedJob(over: Partial<Job> = {}): Job {
  return {
    id: newId(),
    workspaceId: 'w1',
    type: 'publish',
    payload: {},
    status: 'queued',
    attempts: 0,
    progress: null,
    error: null,
    runAfter: NOW,
    leaseUntil: null,
    leaseOwner: null,
    leaseNode: null,
    idempotencyKey: null,
    createdAt: NOW,
    updatedAt: NOW,
    ...over,
  };
}

/**
 * Two clients of one database (two processes, in production) racing for the same record: every lease, single-use
 * record, unique key and compare-and-swap has exactly one winner, and transactions lose no update.
 */
export function concurrencyStoreContract(adapter: string, open: OpenStore): void {
  describe(`Store contract, two clients racing: ${adapter}`, () => {
    let harness: StoreHarness | undefined;
    let clients: [Store, Store];
    beforeEach(async () => {
      harness = await open();
      clients = [harness.store, await harness.openPeer()];
    });
    afterEach(async () => {
      await harness?.cleanup();
      harness = undefined;
    });

    it('gives one email to one account', async () => {
      const email = `${newId()}@example.com`;
      const outcomes = await Promise.allSettled(
        Array.from({ length: 6 }, (_, n) => clients[n % 2]!.users.create(user(email))),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const o of outcomes.filter((o) => o.status === 'rejected'))
        expect((o).reason).toMatchObject({ code: 'email_taken' });
      expect((await clients[1].users.findByEmail(email))?.email).toBe(email);
    });

    it('lets one process at a time hold a refresh lease', async () => {
      const ws = await workspaceWith(clients[0]);
      const c = connection(ws.id);
      await clients[0].connections.create(c);
      const taken = await race(clients, 8, (s) => s.connections.acquireRefreshLease(ws.id, c.id, NOW, LATER));
      expect(taken.filter(Boolean)).toHaveLength(1);
      await clients[1].connections.releaseRefreshLease(ws.id, c.id);
      expect(await clients[0].connections.acquireRefreshLease(ws.id, c.id, NOW, LATER)).toBe(true);
    });

    it('replaces sealed tokens for one of two rotations that expected the same ones', async () => {
      const ws = await workspaceWith(clients[0]);
      const c = connection(ws.id);
      await clients[0].connections.create(c);
      await clients[0].connections.saveTokens(ws.id, c.id, sealed('old'), NOW);
      const swapped = await race(clients, 6, (s, n) =>
        s.connections.replaceSealed(ws.id, c.id, sealed('old'), sealed(`new-${n}`)),
      );
      expect(swapped.filter(Boolean)).toHaveLength(1);
      const winner = swapped.indexOf(true);
      expect(await clients[1].connections.loadTokens(ws.id, c.id)).toEqual(sealed(`new-${winner}`));
    });

    it('hands each job to one worker', async () => {
      const jobs = Array.from({ length: 5 }, () => queuedJob());
      for (const j of jobs) await clients[0].jobs.enqueue(j);
      const claimed = await race(clients, 12, (s, n) =>
        s.jobs.claimNext(NOW, LATER, { node: `host-${n % 2}`, id: `worker-${n}` }),
      );
      const ids = claimed.flatMap((j) => (j ? [j.id] : []));
      expect(ids.sort()).toEqual(jobs.map((j) => j.id).sort());
      expect(await clients[1].jobs.countByStatus()).toMatchObject({ running: 5 });
    });

    it('makes one job of one idempotency key', async () => {
      const key = `generate:${newId()}`;
      const stored = await race(clients, 6, (s) => s.jobs.enqueue(queuedJob({ idempotencyKey: key })));
      expect(new Set(stored.map((j) => j.id)).size).toBe(1);
      expect(await clients[0].jobs.countByStatus()).toEqual({ queued: 1 });
    });

    it('makes one publication of one idempotency key, and lets one of two writers save a revision', async () => {
      const ws = await workspaceWith(clients[0]);
      const key = `publish:${newId()}`;
      const stored = await race(clients, 6, (s) =>
        s.publications.create(publication(ws.id, { idempotencyKey: key })),
      );
      expect(new Set(stored.map((p) => p.id)).size).toBe(1);
      const first = stored[0]!;
      const saved = await race(clients, 6, (s, n) =>
        s.publications.update({
          ...first,
          revision: first.revision + 1,
          updatedAt: `${LATER.slice(0, -5)}${n}Z`,
        }),
      );
      expect(saved.filter(Boolean)).toHaveLength(1);
      const now = await clients[1].publications.find(ws.id, first.id);
      expect(now?.revision).toBe(first.revision + 1);
    });

    it('uses an OAuth state, a password reset and an invitation once each', async () => {
      const owner = user();
      await clients[0].users.create(owner);
      const ws = await workspaceWith(clients[0], { user: owner, role: 'owner' });
      const stateHash = newId();
      await clients[0].oauthStates.create({
        stateHash,
        workspaceId: ws.id,
        sessionId: 's1',
        userId: owner.id,
        platform: 'tiktok',
        codeVerifier: 'v',
        reconnectId: null,
        forceConsent: false,
        createdAt: NOW,
        expiresAt: LATER,
      });
      const states = await race(clients, 6, (s) => s.oauthStates.consume(stateHash, NOW));
      expect(states.filter(Boolean)).toHaveLength(1);

      const tokenHash = newId();
      await clients[0].passwordResets.create({
        tokenHash,
        userId: owner.id,
        createdAt: NOW,
        expiresAt: LATER,
        usedAt: null,
      });
      const resets = await race(clients, 6, (s) => s.passwordResets.consume(tokenHash, NOW));
      expect(resets.filter((r) => r === owner.id)).toHaveLength(1);
      expect(resets.filter((r) => r === null)).toHaveLength(5);

      const invite = invitation(ws.id);
      await clients[0].invitations.create(invite);
      const accepted = await race(clients, 6, (s, n) =>
        s.invitations.markAccepted(ws.id, invite.id, `joiner-${n}`, NOW),
      );
      expect(accepted.filter(Boolean)).toHaveLength(1);
    });

    it('counts a platform event once, and tracks one video per post', async () => {
      const digest = `sha256:${newId()}`;
      const fresh = await race(clients, 6, (s) => s.webhookReceipts.remember(digest, 'tiktok', NOW));
      expect(fresh.filter(Boolean)).toHaveLength(1);

      const ws = await workspaceWith(clients[0]);
      const post = trackedVideo(ws.id);
      const tracked = await race(clients, 6, (s) => s.trackedVideos.create({ ...post, id: newId() }));
      expect(new Set(tracked.map((v) => v.id)).size).toBe(1);
      expect(await clients[1].trackedVideos.listAll(ws.id, {})).toHaveLength(1);
    });

    it('loses no update when transactions of both clients change one record at once', async () => {
      const ws = await workspaceWith(clients[0]);
      const racing: [Store, Store] = harness!.peerTransactions ? clients : [clients[0], clients[0]];
      await race(racing, 8, (s, n) =>
        s.transaction(async (tx) => {
          const current = await tx.workspaces.findById(ws.id);
          await tx.workspaces.rename(ws.id, `${current!.name}${String.fromCharCode(97 + n)}`);
        }),
      );
      const name = (await clients[0].workspaces.findById(ws.id))!.name;
      expect(name.slice(0, 'Studio'.length)).toBe('Studio');
      expect([...name.slice('Studio'.length)].sort().join('')).toBe('abcdefgh');
    });
  });
}
