import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/domain/errors.js';
import { newId } from '../../../src/domain/ids.js';
import type { Invitation, User } from '../../../src/domain/people.js';
import type { Store } from '../../../src/ports/store.js';

import type { OpenStore } from './harness.js';

const NOW = '2026-01-15T12:00:00.000Z';
const LATER = '2026-01-16T12:00:00.000Z';

function user(email = `${newId()}@example.com`): User {
  return {
    id: newId(),
    email,
    name: email.split('@')[0] ?? 'x',
    passwordHash: 'scrypt$hash',
    createdAt: NOW,
  };
}

function invitation(workspaceId: string, over: Partial<Invitation> = {}): Invitation {
  return {
    id: newId(),
    workspaceId,
    email: `${newId()}@example.com`,
    role: 'editor',
    tokenHash: newId(),
    invitedBy: 'someone',
    createdAt: NOW,
    expiresAt: LATER,
    acceptedAt: null,
    acceptedBy: null,
    ...over,
  };
}

/** The behaviour every Store adapter must have; run it against each adapter. */
export function storeContract(adapter: string, open: OpenStore): void {
  describe(`Store contract: ${adapter}`, () => {
    let h: Awaited<ReturnType<OpenStore>>;
    let store: Store;
    beforeEach(async () => {
      h = await open();
      store = h.store;
    });
    afterEach(async () => h.cleanup());

    async function workspaceWith(
      ...members: { user: User; role: 'owner' | 'editor' | 'reviewer' | 'viewer' }[]
    ) {
      const ws = { id: newId(), name: 'Studio', createdAt: NOW };
      await store.workspaces.create(ws);
      for (const m of members) {
        await store.memberships.add({
          id: newId(),
          workspaceId: ws.id,
          userId: m.user.id,
          role: m.role,
          joinedAt: NOW,
        });
      }
      return ws;
    }

    it('stores users and finds them by email and id; a taken email is a conflict', async () => {
      const u = user('ada@example.com');
      await store.users.create(u);
      expect(await store.users.findByEmail('ada@example.com')).toEqual(u);
      expect(await store.users.findById(u.id)).toEqual(u);
      expect(await store.users.findById('missing')).toBeNull();
      const dup = store.users.create({ ...user('ada@example.com') });
      await expect(dup).rejects.toBeInstanceOf(UserError);
      await expect(dup).rejects.toMatchObject({ code: 'email_taken' });
      await store.users.updatePasswordHash(u.id, 'scrypt$new');
      expect((await store.users.findById(u.id))?.passwordHash).toBe('scrypt$new');
    });

    it('creates, finds and renames workspaces', async () => {
      const ws = await workspaceWith();
      expect(await store.workspaces.findById(ws.id)).toEqual(ws);
      await store.workspaces.rename(ws.id, 'Renamed');
      expect((await store.workspaces.findById(ws.id))?.name).toBe('Renamed');
      expect(await store.workspaces.findById('missing')).toBeNull();
    });

    it('scopes memberships to their workspace and pages them by cursor', async () => {
      const people = await Promise.all(
        [1, 2, 3, 4, 5].map(async () => {
          const u = user();
          await store.users.create(u);
          return u;
        }),
      );
      const ws = await workspaceWith(
        ...people.map((u, i) => ({ user: u, role: i === 0 ? ('owner' as const) : ('viewer' as const) })),
      );
      const other = await workspaceWith({ user: people[0]!, role: 'viewer' });

      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store.memberships.listByWorkspace(ws.id, { limit: 2, cursor });
        seen.push(...page.items.map((m) => m.userId));
        cursor = page.nextCursor ?? undefined;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual(people.map((p) => p.id));

      const otherPage = await store.memberships.listByWorkspace(other.id, { limit: 10 });
      expect(otherPage.items.map((m) => m.userId)).toEqual([people[0]!.id]);
      expect(otherPage.items[0]).toMatchObject({ email: people[0]!.email, role: 'viewer' });
      expect(await store.memberships.find(other.id, people[1]!.id)).toBeNull();
      expect(
        (await store.memberships.listByUser(people[0]!.id)).map((m) => [m.workspaceId, m.workspaceName]),
      ).toEqual([
        [ws.id, 'Studio'],
        [other.id, 'Studio'],
      ]);
    });

    it('changes roles, counts owners and removes members within one workspace only', async () => {
      const a = user();
      const b = user();
      await store.users.create(a);
      await store.users.create(b);
      const ws = await workspaceWith({ user: a, role: 'owner' }, { user: b, role: 'editor' });
      const other = await workspaceWith({ user: b, role: 'owner' });
      expect(await store.memberships.countOwners(ws.id)).toBe(1);
      await store.memberships.updateRole(ws.id, b.id, 'owner');
      expect(await store.memberships.countOwners(ws.id)).toBe(2);
      await store.memberships.remove(ws.id, b.id);
      expect(await store.memberships.find(ws.id, b.id)).toBeNull();
      expect(await store.memberships.find(other.id, b.id)).toMatchObject({ role: 'owner' });
    });

    it('keeps sessions, moves them between workspaces and expires them', async () => {
      const u = user();
      await store.users.create(u);
      const s = { id: newId(), userId: u.id, currentWorkspaceId: 'w1', createdAt: NOW, expiresAt: LATER };
      await store.sessions.create(s);
      await store.sessions.create({ ...s, id: newId(), expiresAt: NOW });
      expect(await store.sessions.findById(s.id)).toEqual(s);
      await store.sessions.setCurrentWorkspace(s.id, 'w2');
      expect((await store.sessions.findById(s.id))?.currentWorkspaceId).toBe('w2');
      expect(await store.sessions.deleteExpired(NOW)).toBe(1);
      await store.sessions.delete(s.id);
      expect(await store.sessions.findById(s.id)).toBeNull();
      await store.sessions.create({ ...s, id: newId() });
      await store.sessions.deleteByUser(u.id);
      expect(await store.sessions.deleteExpired(LATER)).toBe(0);
    });

    it('lists pending invitations of one workspace, and accepts each once', async () => {
      const ws = await workspaceWith();
      const other = await workspaceWith();
      const pending = invitation(ws.id);
      await store.invitations.create(pending);
      await store.invitations.create(invitation(ws.id, { expiresAt: NOW }));
      await store.invitations.create(invitation(ws.id, { acceptedAt: NOW, acceptedBy: 'x' }));
      await store.invitations.create(invitation(other.id));

      const page = await store.invitations.listPending(ws.id, NOW, { limit: 10 });
      expect(page.items.map((i) => i.id)).toEqual([pending.id]);
      expect(await store.invitations.findById(other.id, pending.id)).toBeNull();
      expect(await store.invitations.findByTokenHash(pending.tokenHash)).toEqual(pending);

      expect(await store.invitations.markAccepted(other.id, pending.id, 'u1', NOW)).toBe(false);
      expect(await store.invitations.markAccepted(ws.id, pending.id, 'u1', NOW)).toBe(true);
      expect(await store.invitations.markAccepted(ws.id, pending.id, 'u2', NOW)).toBe(false);
      expect(await store.invitations.findById(ws.id, pending.id)).toMatchObject({ acceptedBy: 'u1' });

      expect(await store.invitations.delete(other.id, pending.id)).toBe(false);
      expect(await store.invitations.delete(ws.id, pending.id)).toBe(true);
    });

    it('uses a password reset once, and never after it expires', async () => {
      const u = user();
      await store.users.create(u);
      await store.passwordResets.create({
        tokenHash: 'h1',
        userId: u.id,
        createdAt: NOW,
        expiresAt: LATER,
        usedAt: null,
      });
      await store.passwordResets.create({
        tokenHash: 'h2',
        userId: u.id,
        createdAt: NOW,
        expiresAt: NOW,
        usedAt: null,
      });
      expect(await store.passwordResets.consume('h2', NOW)).toBeNull();
      expect(await store.passwordResets.consume('h1', NOW)).toBe(u.id);
      expect(await store.passwordResets.consume('h1', NOW)).toBeNull();
    });

    it('keeps all of a transaction or none of it', async () => {
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

    it('keeps calls made during a transaction out of it', async () => {
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

    it('keeps stage outputs per workspace and clears one workspace only', async () => {
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

    it('answers ping while open', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
