import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids.js';
import { DELETED_MEMBER } from '../../../src/domain/privacy/deletion.js';
import type { Role } from '../../../src/domain/roles.js';
import { item } from '../../contract/store/fixtures.js';
import { review } from '../../contract/store/publishing-fixtures.js';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';

const PASSWORD = 'a long enough passphrase';

describe('account and workspace deletion: the rules', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(async () => t.close());

  const join = (workspaceId: string, userId: string, role: Role, joinedAt: string) =>
    t.container.store.memberships.add({ id: newId(), workspaceId, userId, role, joinedAt });
  const deleteAccount = (client: Client, body: unknown) =>
    client.request('POST', '/api/privacy/delete-account', body);
  const deleteWorkspace = (client: Client, confirmation: string) =>
    client.request('DELETE', '/api/workspaces/current', { confirmation });

  it('refuses a wrong password or confirmation with a 4xx and deletes nothing', async () => {
    const person = new Client(t.app);
    const { user, workspace } = await person.signUp('careful@example.com');
    const wrongPassword = await deleteAccount(person, {
      password: 'not my passphrase',
      confirmation: 'DELETE',
    });
    expect(wrongPassword.statusCode).toBe(403);
    expect(wrongPassword.json()).toMatchObject({ error: { code: 'wrong_password' } });
    for (const confirmation of ['delete', 'DELETE ', 'yes'])
      expect((await deleteAccount(person, { password: PASSWORD, confirmation })).json()).toMatchObject({
        error: { code: 'confirmation_mismatch' },
      });
    expect((await deleteAccount(person, { password: PASSWORD })).statusCode).toBe(400);
    expect((await person.get('/api/me')).statusCode).toBe(200);
    expect(await t.container.store.users.findById(user.id)).not.toBeNull();
    expect(await t.container.store.workspaces.findById(workspace.id)).not.toBeNull();
    expect((await new Client(t.app).post('/api/auth/delete-account', {})).statusCode).toBe(404);
    expect(
      (await deleteAccount(new Client(t.app), { password: PASSWORD, confirmation: 'DELETE' })).statusCode,
    ).toBe(401);
  });

  it('hands a shared workspace to its owner, names the leaver nowhere there, and keeps the workspace', async () => {
    const { store } = t.container;
    const owner = new Client(t.app);
    const shared = await owner.signUp('owner@example.com');
    const leaver = new Client(t.app);
    const gone = await leaver.signUp('leaver@example.com');
    await join(shared.workspace.id, gone.user.id, 'editor', '2030-01-01T00:00:00.000Z');
    const made = item(shared.workspace.id, { createdBy: gone.user.id });
    await store.content.createItem(made);
    await store.reviews.save(
      review(shared.workspace.id, { itemId: made.id, submittedBy: gone.user.id, history: [] }),
    );

    const preview = (await leaver.get('/api/privacy/deletion-preview')).json<{
      workspaces: { workspaceId: string; fate: string; newOwner: { name: string } | null }[];
    }>();
    expect(preview.workspaces).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ workspaceId: gone.workspace.id, fate: 'delete', newOwner: null }),
        expect.objectContaining({
          workspaceId: shared.workspace.id,
          fate: 'hand_over',
          newOwner: { name: 'owner', promoted: false },
        }),
      ]),
    );

    const res = await deleteAccount(leaver, { password: PASSWORD, confirmation: 'DELETE' });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ counts: { workspacesDeleted: 1, workspacesHandedOver: 1 } });
    expect(await store.workspaces.findById(gone.workspace.id)).toBeNull();
    expect(await store.workspaces.findById(shared.workspace.id)).not.toBeNull();
    expect((await store.content.findItem(shared.workspace.id, made.id))?.createdBy).toBe(shared.user.id);
    const reviews = await store.reviews.list(shared.workspace.id, {}, { limit: 5 });
    expect(reviews.items.map((r) => r.submittedBy)).toEqual([DELETED_MEMBER]);
    const members = (await owner.get('/api/members')).json<{ items: { userId: string }[] }>().items;
    expect(members.map((m) => m.userId)).toEqual([shared.user.id]);
  });

  it('promotes the longest-standing member when the leaver was the only owner', async () => {
    const { store } = t.container;
    const founder = new Client(t.app);
    const mine = await founder.signUp('founder@example.com');
    const [early, late] = [new Client(t.app), new Client(t.app)];
    const a = await early.signUp('early@example.com');
    const b = await late.signUp('late@example.com');
    await join(mine.workspace.id, b.user.id, 'viewer', '2031-01-01T00:00:00.000Z');
    await join(mine.workspace.id, a.user.id, 'editor', '2030-01-01T00:00:00.000Z');
    const preview = (await founder.get('/api/privacy/deletion-preview')).json<{
      workspaces: { newOwner: { name: string; promoted: boolean } | null }[];
    }>();
    expect(preview.workspaces[0]?.newOwner).toEqual({ name: 'early', promoted: true });
    expect((await deleteAccount(founder, { password: PASSWORD, confirmation: 'DELETE' })).statusCode).toBe(
      202,
    );
    expect((await store.memberships.find(mine.workspace.id, a.user.id))?.role).toBe('owner');
    expect((await store.memberships.find(mine.workspace.id, b.user.id))?.role).toBe('viewer');
  });

  it('deletes a workspace for an owner who types its name; refuses other roles and a wrong name', async () => {
    const { store } = t.container;
    const owner = new Client(t.app);
    const mine = await owner.signUp('studio@example.com');
    const second = (await owner.post('/api/workspaces', { name: 'Second studio' })).json<{ id: string }>();
    expect(
      (await owner.put('/api/me/current-workspace', { workspaceId: mine.workspace.id })).statusCode,
    ).toBe(200);
    const editor = new Client(t.app);
    const ed = await editor.signUp('editor@example.com');
    await join(mine.workspace.id, ed.user.id, 'editor', '2030-01-01T00:00:00.000Z');
    expect(
      (await editor.put('/api/me/current-workspace', { workspaceId: mine.workspace.id })).statusCode,
    ).toBe(200);
    await store.content.createItem(item(mine.workspace.id, { createdBy: mine.user.id }));

    const refused = await deleteWorkspace(editor, mine.workspace.name);
    expect(refused.statusCode).toBe(403);
    const misnamed = await deleteWorkspace(owner, 'Some other name');
    expect(misnamed.statusCode).toBe(400);
    expect(misnamed.json()).toMatchObject({ error: { code: 'confirmation_mismatch' } });
    expect(await store.workspaces.findById(mine.workspace.id)).not.toBeNull();

    const res = await deleteWorkspace(owner, mine.workspace.name);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ counts: { items: 1, memberships: 2, workspaces: 1 } });
    expect(await store.workspaces.findById(mine.workspace.id)).toBeNull();
    // Both stay signed in: the owner in their other workspace, the editor in their own.
    const ownerMe = (await owner.get('/api/me')).json<{ currentWorkspace: { id: string } }>();
    expect(ownerMe.currentWorkspace.id).toBe(second.id);
    const editorMe = (await editor.get('/api/me')).json<{ currentWorkspace: { id: string } }>();
    expect(editorMe.currentWorkspace.id).toBe(ed.workspace.id);
    const log = await store.erasure.findLog(res.json<{ confirmation: string }>().confirmation);
    expect(log?.kind).toBe('workspace');
  });

  it('gives an owner whose only workspace went a fresh empty one, as at sign-up', async () => {
    const owner = new Client(t.app);
    const only = await owner.signUp('solo@example.com');
    expect((await deleteWorkspace(owner, only.workspace.name)).statusCode).toBe(202);
    const me = (await owner.get('/api/me')).json<{ workspaces: { id: string; role: string }[] }>();
    expect(me.workspaces).toHaveLength(1);
    expect(me.workspaces[0]?.id).not.toBe(only.workspace.id);
    expect(me.workspaces[0]?.role).toBe('owner');
  });
});
