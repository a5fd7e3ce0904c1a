import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';

type Me = {
  currentWorkspace: { id: string; name: string; role: string };
  workspaces: { id: string; role: string }[];
  role: string;
};

describe('workspaces and members over HTTP', () => {
  let t: TestApp;
  let owner: Client;
  beforeEach(async () => {
    t = await startTestApp();
    owner = new Client(t.app);
  });
  afterEach(async () => t.close());

  /** Owner invites `email` with `role`; a new client signs up with that email and accepts. */
  async function addMember(email: string, role: string): Promise<{ client: Client; userId: string }> {
    const inv = await owner.post('/api/invitations', { email, role });
    expect(inv.statusCode).toBe(201);
    const token = new URL(inv.json<{ acceptUrl: string }>().acceptUrl).searchParams.get('token');
    const client = new Client(t.app);
    const { user } = await client.signUp(email);
    expect((await client.post('/api/invitations/accept', { token })).statusCode).toBe(200);
    return { client, userId: user.id };
  }

  it('creates a second workspace, makes it current, and switches back', async () => {
    const { workspace: first } = await owner.signUp('owner@example.com');
    const created = await owner.post('/api/workspaces', { name: 'Brand B' });
    expect(created.statusCode).toBe(201);
    const second = created.json<{ id: string }>();
    let me = (await owner.get('/api/me')).json<Me>();
    expect(me.currentWorkspace).toMatchObject({ id: second.id, name: 'Brand B', role: 'owner' });
    expect(me.workspaces.map((w) => w.id)).toEqual([first.id, second.id]);

    const switched = await owner.put('/api/me/current-workspace', { workspaceId: first.id });
    expect(switched.statusCode).toBe(200);
    me = (await owner.get('/api/me')).json<Me>();
    expect(me.currentWorkspace.id).toBe(first.id);
  });

  it('lets only owners rename the workspace', async () => {
    await owner.signUp('owner@example.com');
    const renamed = await owner.patch('/api/workspaces/current', { name: '  Studio North ' });
    expect(renamed.json()).toMatchObject({ name: 'Studio North' });
    const { client: editor } = await addMember('editor@example.com', 'editor');
    const refused = await editor.patch('/api/workspaces/current', { name: 'Mine now' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('lists members page by page, changes roles and protects the last owner', async () => {
    const { user: me } = await owner.signUp('owner@example.com');
    const { userId: editorId, client: editor } = await addMember('editor@example.com', 'editor');
    await addMember('viewer@example.com', 'viewer');

    const first = (await owner.get('/api/members?limit=2')).json<{
      items: { email: string }[];
      nextCursor: string;
    }>();
    expect(first.items.map((m) => m.email)).toEqual(['owner@example.com', 'editor@example.com']);
    const second = (await owner.get(`/api/members?limit=2&cursor=${first.nextCursor}`)).json<{
      items: { email: string }[];
      nextCursor: null;
    }>();
    expect(second).toEqual({
      items: [expect.objectContaining({ email: 'viewer@example.com', role: 'viewer' })],
      nextCursor: null,
    });
    expect((await owner.get('/api/members?cursor=%%%')).statusCode).toBe(400);

    const demoteSelf = await owner.patch(`/api/members/${me.id}`, { role: 'editor' });
    expect(demoteSelf.statusCode).toBe(409);
    expect(demoteSelf.json()).toMatchObject({ error: { code: 'last_owner' } });

    expect((await editor.patch(`/api/members/${me.id}`, { role: 'viewer' })).statusCode).toBe(403);
    const promoted = await owner.patch(`/api/members/${editorId}`, { role: 'owner' });
    expect(promoted.json()).toMatchObject({ userId: editorId, role: 'owner' });
    expect((await owner.patch(`/api/members/${me.id}`, { role: 'reviewer' })).statusCode).toBe(200);
    expect((await owner.patch(`/api/members/${editorId}`, { role: 'boss' })).statusCode).toBe(400);
  });

  it('removes members (owners) and lets members leave; a removed member lands in a workspace of their own', async () => {
    await owner.signUp('owner@example.com');
    const { userId: editorId, client: editor } = await addMember('editor@example.com', 'editor');
    const { userId: viewerId, client: viewer } = await addMember('viewer@example.com', 'viewer');

    expect((await viewer.delete(`/api/members/${editorId}`)).statusCode).toBe(403);
    expect((await viewer.delete(`/api/members/${viewerId}`)).statusCode).toBe(204);
    expect((await owner.delete(`/api/members/${editorId}`)).statusCode).toBe(204);
    expect((await owner.delete(`/api/members/${editorId}`)).statusCode).toBe(404);

    const editorMe = (await editor.get('/api/me')).json<Me>();
    expect(editorMe.currentWorkspace.name).toBe("editor's workspace");
    const members = (await owner.get('/api/members')).json<{ items: unknown[] }>();
    expect(members.items).toHaveLength(1);
  });
});
