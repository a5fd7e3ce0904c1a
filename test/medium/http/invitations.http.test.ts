import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, ORIGIN, startTestApp, type TestApp } from '../../fakes/test-app.js';

describe('invitations over HTTP', () => {
  let t: TestApp;
  let owner: Client;
  beforeEach(async () => {
    t = await startTestApp();
    owner = new Client(t.app);
    await owner.signUp('owner@example.com');
  });
  afterEach(async () => t.close());

  async function invite(email: string, role = 'reviewer') {
    const res = await owner.post('/api/invitations', { email, role });
    expect(res.statusCode).toBe(201);
    const body = res.json<{ invitation: { id: string }; acceptUrl: string }>();
    return {
      id: body.invitation.id,
      token: new URL(body.acceptUrl).searchParams.get('token') ?? '',
      url: body.acceptUrl,
    };
  }

  it('mails a single-use link that joins the invited person with the role', async () => {
    const { token, url } = await invite('Rev@Example.com');
    expect(url.startsWith(`${ORIGIN}/invite?token=`)).toBe(true);
    expect(t.mailer.lastLinkTo('rev@example.com')).toBe(url);

    const anon = new Client(t.app);
    const preview = await anon.get(`/api/invitations/preview?token=${token}`);
    expect(preview.json()).toEqual({
      workspaceName: "owner's workspace",
      email: 'rev@example.com',
      role: 'reviewer',
    });
    expect((await anon.post('/api/invitations/accept', { token })).statusCode).toBe(401);

    await anon.signUp('rev@example.com');
    const accepted = await anon.post('/api/invitations/accept', { token });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({
      currentWorkspace: { name: "owner's workspace", role: 'reviewer' },
      role: 'reviewer',
    });
    expect((await anon.post('/api/invitations/accept', { token })).statusCode).toBe(404);
    expect((await anon.get(`/api/invitations/preview?token=${token}`)).statusCode).toBe(404);
    expect((await owner.get('/api/invitations')).json()).toEqual({ items: [], nextCursor: null });
  });

  it('refuses a person signed in with another email', async () => {
    const { token } = await invite('someone@example.com');
    const other = new Client(t.app);
    await other.signUp('other@example.com');
    const res = await other.post('/api/invitations/accept', { token });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'invitation_email_mismatch' } });
  });

  it('lists, revokes and expires pending invitations', async () => {
    const a = await invite('a@example.com');
    const b = await invite('b@example.com', 'editor');
    const list = (await owner.get('/api/invitations')).json<{ items: { id: string; email: string }[] }>();
    expect(list.items.map((i) => i.email)).toEqual(['b@example.com', 'a@example.com']);
    expect(JSON.stringify(list)).not.toContain(a.token);
    expect((await owner.delete(`/api/invitations/${a.id}`)).statusCode).toBe(204);
    expect((await owner.delete(`/api/invitations/${a.id}`)).statusCode).toBe(404);
    expect((await new Client(t.app).get(`/api/invitations/preview?token=${a.token}`)).statusCode).toBe(404);

    t.clock.advance(8 * 86_400_000);
    expect((await new Client(t.app).get(`/api/invitations/preview?token=${b.token}`)).statusCode).toBe(404);
    expect((await owner.get('/api/invitations')).json()).toEqual({ items: [], nextCursor: null });
  });

  it('lets only owners invite, and refuses to invite an existing member', async () => {
    const { token } = await invite('ed@example.com', 'editor');
    const editor = new Client(t.app);
    await editor.signUp('ed@example.com');
    await editor.post('/api/invitations/accept', { token });
    expect(
      (await editor.post('/api/invitations', { email: 'x@example.com', role: 'viewer' })).statusCode,
    ).toBe(403);
    expect((await editor.get('/api/invitations')).statusCode).toBe(403);
    const dup = await owner.post('/api/invitations', { email: 'ed@example.com', role: 'viewer' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ error: { code: 'already_member' } });
  });
});
