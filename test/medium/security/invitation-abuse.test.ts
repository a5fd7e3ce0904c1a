import { afterEach, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';

const EVIL = 'Visit https://evil.example or evil.example';
// Something a mail client would turn into a link: a scheme, "www.", or labels joined by a dot.
const LINKABLE = /:\/\/|\bwww\.|[\p{L}\p{N}-][.\u3002\uFF0E\uFF61][\p{L}\p{N}]/u;

describe('invitation abuse', () => {
  let t: TestApp;
  afterEach(async () => t.close());

  const signUp = async (client: Client, email: string, name?: string) => {
    const res = await client.post('/api/auth/signup', {
      email,
      password: 'a long enough passphrase',
      ...(name ? { name } : {}),
    });
    expect(res.statusCode).toBe(201);
  };

  it('mails names as plain text: no link, no domain, no control characters, length-limited', async () => {
    t = await startTestApp();
    const owner = new Client(t.app);
    await signUp(owner, 'owner@example.com', `${EVIL}\u202E\u0007`);
    expect(
      (await owner.patch('/api/workspaces/current', { name: `www.evil.example\tJoin now ${'x'.repeat(50)}` }))
        .statusCode,
    ).toBe(200);
    const res = await owner.post('/api/invitations', { email: 'guest@example.com', role: 'viewer' });
    expect(res.statusCode).toBe(201);
    const acceptUrl = res.json<{ acceptUrl: string }>().acceptUrl;

    const mail = t.mailer.sent.at(-1)!;
    expect(mail.subject).toBe(
      `Visit evil. example or evil. example invited you to evil. example Join now ${'x'.repeat(36)}… on AI Factory`,
    );
    expect(mail.subject).not.toMatch(LINKABLE);
    expect(mail.subject).not.toMatch(/[\p{Cc}\p{Cf}]/u);
    // The accept link is the only link in the body.
    expect(mail.text.replace(acceptUrl, '')).not.toMatch(LINKABLE);
    expect(mail.text).toContain(acceptUrl);
  });

  it('limits invitations per inviting person per hour with 429 too_many_invitations', async () => {
    t = await startTestApp({ USER_INVITES_PER_HOUR: '2', WORKSPACE_INVITES_PER_HOUR: '100' });
    const owner = new Client(t.app);
    await signUp(owner, 'owner@example.com');
    const codes = [];
    for (let i = 0; i < 3; i++) {
      codes.push(
        (await owner.post('/api/invitations', { email: `p${i}@example.com`, role: 'viewer' })).statusCode,
      );
    }
    expect(codes).toEqual([201, 201, 429]);
    const refused = await owner.post('/api/invitations', { email: 'p9@example.com', role: 'viewer' });
    expect(refused.json()).toMatchObject({
      error: { code: 'too_many_invitations', details: { retryAfterSeconds: 3600 } },
    });
    expect(t.mailer.sent).toHaveLength(2);
    // Switching to another workspace does not reset the person's own allowance.
    const other = (await owner.post('/api/workspaces', { name: 'Second' })).json<{ id: string }>();
    await owner.put('/api/me/current-workspace', { workspaceId: other.id });
    expect(
      (await owner.post('/api/invitations', { email: 'q@example.com', role: 'viewer' })).statusCode,
    ).toBe(429);

    t.clock.advance(3_600_000);
    expect(
      (await owner.post('/api/invitations', { email: 'q@example.com', role: 'viewer' })).statusCode,
    ).toBe(201);
  });

  it('limits invitations per workspace across its owners, and a refused caller spends no allowance', async () => {
    t = await startTestApp({ USER_INVITES_PER_HOUR: '100', WORKSPACE_INVITES_PER_HOUR: '2' });
    const owner = new Client(t.app);
    await signUp(owner, 'owner@example.com');
    const invite = await owner.post('/api/invitations', { email: 'coowner@example.com', role: 'owner' });
    const token = new URL(invite.json<{ acceptUrl: string }>().acceptUrl).searchParams.get('token');
    const coOwner = new Client(t.app);
    await signUp(coOwner, 'coowner@example.com');
    expect((await coOwner.post('/api/invitations/accept', { token })).statusCode).toBe(200);

    // A viewer's refused attempts (403) must not use up the workspace's invitations.
    const viewerInvite = await owner.post('/api/invitations', {
      email: 'viewer@example.com',
      role: 'viewer',
    });
    const viewerToken = new URL(viewerInvite.json<{ acceptUrl: string }>().acceptUrl).searchParams.get(
      'token',
    );
    const viewer = new Client(t.app);
    await signUp(viewer, 'viewer@example.com');
    expect((await viewer.post('/api/invitations/accept', { token: viewerToken })).statusCode).toBe(200);
    expect(
      (await viewer.post('/api/invitations', { email: 'x@example.com', role: 'viewer' })).statusCode,
    ).toBe(403);

    const refused = await coOwner.post('/api/invitations', { email: 'third@example.com', role: 'viewer' });
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ error: { code: 'too_many_invitations' } });
  });
});
