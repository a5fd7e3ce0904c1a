import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/domain/errors.js';
import { newId } from '../../../src/domain/ids.js';
import { allPages, EARLIER, freshStore, invitation, LATER, NOW, user, workspaceWith } from './fixtures.js';
import type { OpenStore } from './harness.js';

/** Users, workspaces, memberships, sessions, invitations and password resets, on one adapter. */
export function peopleStoreContract(adapter: string, open: OpenStore): void {
  describe(`Store contract, people: ${adapter}`, () => {
    const opened = freshStore(open);

    it('stores users and finds them by email and id; a taken email is a conflict', async () => {
      const store = opened();
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

    it('finds no user for an unknown email, and changes no one when the password of a missing id is set', async () => {
      const store = opened();
      const u = user();
      await store.users.create(u);
      expect(await store.users.findByEmail('nobody@example.com')).toBeNull();
      await store.users.updatePasswordHash('missing', 'scrypt$other');
      expect(await store.users.findById(u.id)).toEqual(u);
      expect(await store.users.findById('missing')).toBeNull();
    });

    it('creates, finds and renames workspaces', async () => {
      const store = opened();
      const ws = { id: newId(), name: 'Studio', createdAt: NOW };
      await store.workspaces.create(ws);
      expect(await store.workspaces.findById(ws.id)).toEqual(ws);
      await store.workspaces.rename(ws.id, 'Renamed');
      expect((await store.workspaces.findById(ws.id))?.name).toBe('Renamed');
      expect(await store.workspaces.findById('missing')).toBeNull();
    });

    it('lists every workspace oldest id first, with its settings, page by page', async () => {
      const store = opened();
      const made = [await workspaceWith(store), await workspaceWith(store), await workspaceWith(store)];
      const settings = {
        requireOtherApprover: false,
        retention: { unpublishedMediaDays: 7, statsOnDisconnect: 'delete' as const },
      };
      await store.workspaces.updateSettings(made[1]!.id, settings);
      const { items, pages } = await allPages((page) => store.workspaces.listAll(page), 2);
      expect(items.map((w) => w.id)).toEqual(made.map((w) => w.id).sort());
      expect(pages).toBe(2);
      expect(items.find((w) => w.id === made[1]!.id)?.settings).toEqual(settings);
    });

    it('renames one workspace only, and a missing one not at all', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      await store.workspaces.rename(other.id, 'Other');
      await store.workspaces.rename('missing', 'Ghost');
      expect(await store.workspaces.findById(ws.id)).toEqual(ws);
      expect(await store.workspaces.findById('missing')).toBeNull();
    });

    it('scopes memberships to their workspace and pages them by cursor', async () => {
      const store = opened();
      const people = await Promise.all(
        [1, 2, 3, 4, 5].map(async () => {
          const u = user();
          await store.users.create(u);
          return u;
        }),
      );
      const ws = await workspaceWith(
        store,
        ...people.map((u, i) => ({ user: u, role: i === 0 ? ('owner' as const) : ('viewer' as const) })),
      );
      const other = await workspaceWith(store, { user: people[0]!, role: 'viewer' });

      const listed = await allPages((page) => store.memberships.listByWorkspace(ws.id, page), 2);
      expect(listed.pages).toBe(3);
      expect(listed.items.map((m) => m.userId)).toEqual(people.map((p) => p.id));

      const otherPage = await store.memberships.listByWorkspace(other.id, { limit: 10 });
      expect(otherPage.items.map((m) => m.userId)).toEqual([people[0]!.id]);
      expect(otherPage.items[0]).toMatchObject({ email: people[0]!.email, role: 'viewer' });
      expect(otherPage.nextCursor).toBeNull();
      expect(await store.memberships.find(other.id, people[1]!.id)).toBeNull();
      expect(
        (await store.memberships.listByUser(people[0]!.id)).map((m) => [m.workspaceId, m.workspaceName]),
      ).toEqual([
        [ws.id, 'Studio'],
        [other.id, 'Studio'],
      ]);
    });

    it('changes roles, counts owners and removes members within one workspace only', async () => {
      const store = opened();
      const a = user();
      const b = user();
      await store.users.create(a);
      await store.users.create(b);
      const ws = await workspaceWith(store, { user: a, role: 'owner' }, { user: b, role: 'editor' });
      const other = await workspaceWith(store, { user: b, role: 'owner' });
      expect(await store.memberships.countOwners(ws.id)).toBe(1);
      await store.memberships.updateRole(ws.id, b.id, 'owner');
      expect(await store.memberships.countOwners(ws.id)).toBe(2);
      await store.memberships.remove(ws.id, b.id);
      expect(await store.memberships.find(ws.id, b.id)).toBeNull();
      expect(await store.memberships.find(other.id, b.id)).toMatchObject({ role: 'owner' });
    });

    it("never changes or removes a membership through another workspace's id", async () => {
      const store = opened();
      const a = user();
      await store.users.create(a);
      const ws = await workspaceWith(store, { user: a, role: 'editor' });
      const other = await workspaceWith(store);
      await store.memberships.updateRole(other.id, a.id, 'owner');
      await store.memberships.remove(other.id, a.id);
      expect(await store.memberships.find(ws.id, a.id)).toMatchObject({ role: 'editor', workspaceId: ws.id });
      expect(await store.memberships.countOwners(ws.id)).toBe(0);
      expect(await store.memberships.countOwners(other.id)).toBe(0);
      expect(await store.memberships.listByWorkspace(other.id, { limit: 5 })).toEqual({
        items: [],
        nextCursor: null,
      });
    });

    it('refuses a second membership of one user in one workspace', async () => {
      const store = opened();
      const a = user();
      await store.users.create(a);
      const ws = await workspaceWith(store, { user: a, role: 'viewer' });
      await expect(
        store.memberships.add({
          id: newId(),
          workspaceId: ws.id,
          userId: a.id,
          role: 'owner',
          joinedAt: NOW,
        }),
      ).rejects.toThrow();
      expect(await store.memberships.find(ws.id, a.id)).toMatchObject({ role: 'viewer' });
      expect(await store.memberships.listByUser(a.id)).toHaveLength(1);
      expect(await store.memberships.listByUser('nobody')).toEqual([]);
    });

    it('keeps sessions, moves them between workspaces and expires them', async () => {
      const store = opened();
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

    it("expires sessions at their expiry instant, and deletes one user's sessions only", async () => {
      const store = opened();
      const a = user();
      const b = user();
      await store.users.create(a);
      await store.users.create(b);
      const session = (userId: string, expiresAt: string) => ({
        id: newId(),
        userId,
        currentWorkspaceId: 'w1',
        createdAt: EARLIER,
        expiresAt,
      });
      const atNow = session(a.id, NOW);
      const justAfter = session(a.id, '2026-01-15T12:00:00.001Z');
      const bs = session(b.id, LATER);
      for (const s of [atNow, justAfter, bs]) await store.sessions.create(s);

      expect(await store.sessions.deleteExpired(NOW)).toBe(1);
      expect(await store.sessions.findById(atNow.id)).toBeNull();
      expect(await store.sessions.findById(justAfter.id)).toEqual(justAfter);

      await store.sessions.deleteByUser(a.id);
      expect(await store.sessions.findById(justAfter.id)).toBeNull();
      expect(await store.sessions.findById(bs.id)).toEqual(bs);
      await store.sessions.delete('missing');
      await store.sessions.setCurrentWorkspace('missing', 'w9');
      expect(await store.sessions.findById('missing')).toBeNull();
      expect(await store.sessions.findById(bs.id)).toEqual(bs);
    });

    it('lists pending invitations of one workspace, and accepts each once', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
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

    it('pages pending invitations newest first, and forgets unknown ones', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const made = [];
      for (let n = 0; n < 5; n += 1) {
        const i = invitation(ws.id);
        await store.invitations.create(i);
        made.push(i);
      }
      // Still pending one millisecond before it expires.
      const lastMoment = invitation(ws.id, { expiresAt: '2026-01-15T12:00:00.001Z' });
      await store.invitations.create(lastMoment);
      made.push(lastMoment);

      const listed = await allPages((page) => store.invitations.listPending(ws.id, NOW, page), 2);
      expect(listed.pages).toBe(3);
      expect(listed.items.map((i) => i.id)).toEqual(made.map((i) => i.id).reverse());
      expect(
        (await store.invitations.listPending(ws.id, '2026-01-15T12:00:00.001Z', { limit: 10 })).items,
      ).toHaveLength(5);

      expect(await store.invitations.findByTokenHash('unknown')).toBeNull();
      expect(await store.invitations.findById(ws.id, 'missing')).toBeNull();
      expect(await store.invitations.markAccepted(ws.id, 'missing', 'u1', NOW)).toBe(false);
      expect(await store.invitations.delete(ws.id, 'missing')).toBe(false);
    });

    it('uses a password reset once, and never after it expires', async () => {
      const store = opened();
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
      expect(await store.passwordResets.consume('unknown', NOW)).toBeNull();
    });

    it('finds a reset by its token hash, used or not', async () => {
      const store = opened();
      const u = user();
      await store.users.create(u);
      const reset = { tokenHash: 'h1', userId: u.id, createdAt: NOW, expiresAt: LATER, usedAt: null };
      await store.passwordResets.create(reset);
      expect(await store.passwordResets.find('h1')).toEqual(reset);
      expect(await store.passwordResets.consume('h1', NOW)).toBe(u.id);
      expect(await store.passwordResets.find('h1')).toEqual({ ...reset, usedAt: NOW });
      expect(await store.passwordResets.find('unknown')).toBeNull();
    });

    it("deletes one user's password resets only", async () => {
      const store = opened();
      const a = user();
      const b = user();
      await store.users.create(a);
      await store.users.create(b);
      const reset = (tokenHash: string, userId: string) => ({
        tokenHash,
        userId,
        createdAt: NOW,
        expiresAt: LATER,
        usedAt: null,
      });
      await store.passwordResets.create(reset('a1', a.id));
      await store.passwordResets.create(reset('a2', a.id));
      await store.passwordResets.create(reset('b1', b.id));
      await store.passwordResets.deleteByUser(a.id);
      expect(await store.passwordResets.consume('a1', NOW)).toBeNull();
      expect(await store.passwordResets.consume('a2', NOW)).toBeNull();
      expect(await store.passwordResets.consume('b1', NOW)).toBe(b.id);
    });
  });
}
