import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, ORIGIN, startTestApp, type TestApp } from '../../fakes/test-app.js';

describe('auth over HTTP', () => {
  let t: TestApp;
  let client: Client;
  beforeEach(async () => {
    t = await startTestApp();
    client = new Client(t.app);
  });
  afterEach(async () => t.close());

  it('signs up with a session cookie, reaches /api/me, signs out and back in', async () => {
    const res = await client.post('/api/auth/signup', {
      email: 'Ada@Example.com',
      password: 'analytical engine 1843',
    });
    expect(res.statusCode).toBe(201);
    const cookie = res.cookies.find((c) => c.name === 'aif_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    expect(res.json()).toMatchObject({ user: { email: 'ada@example.com' }, workspace: { role: 'owner' } });

    const me = await client.get('/api/me');
    expect(me.statusCode).toBe(200);
    const body = me.json<{
      user: { email: string };
      workspaces: unknown[];
      currentWorkspace: { role: string };
      role: string;
    }>();
    expect(body.user.email).toBe('ada@example.com');
    expect(body.workspaces).toHaveLength(1);
    expect(body.role).toBe('owner');

    expect((await client.post('/api/auth/signout')).statusCode).toBe(204);
    expect((await client.get('/api/me')).statusCode).toBe(401);

    const signin = await client.post('/api/auth/signin', {
      email: 'ADA@example.com',
      password: 'analytical engine 1843',
    });
    expect(signin.statusCode).toBe(200);
    expect((await client.get('/api/me')).json()).toMatchObject({ user: { email: 'ada@example.com' } });
  });

  it('marks the cookie Secure when the public URL is https', async () => {
    const secure = await startTestApp({ PUBLIC_BASE_URL: 'https://factory.example' });
    const res = await secure.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      headers: { origin: 'https://factory.example', 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'sec@example.com', password: 'a long enough passphrase' }),
    });
    expect(res.statusCode).toBe(201);
    expect(res.cookies.find((c) => c.name === 'aif_session')?.secure).toBe(true);
    await secure.close();
  });

  it('answers wrong credentials with 401 without saying which part was wrong', async () => {
    await client.signUp('grace@example.com');
    const wrongPassword = await client.post('/api/auth/signin', {
      email: 'grace@example.com',
      password: 'not the password',
    });
    const unknownEmail = await client.post('/api/auth/signin', {
      email: 'nobody@example.com',
      password: 'not the password',
    });
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(401);
    expect(wrongPassword.json()).toEqual(unknownEmail.json());
    expect(wrongPassword.json()).toMatchObject({ error: { code: 'invalid_credentials' } });
  });

  it('refuses a taken email and weak passwords', async () => {
    await client.signUp('taken@example.com');
    const again = await new Client(t.app).post('/api/auth/signup', {
      email: 'taken@example.com',
      password: 'another passphrase',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'email_taken' } });
    for (const password of ['short', '1234567890', 'aaaaaaaaaaaa', 'xtakenuser99']) {
      const res = await new Client(t.app).post('/api/auth/signup', {
        email: 'takenuser@example.com',
        password,
      });
      expect(res.statusCode, password).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'weak_password' } });
    }
  });

  it('limits sign-in attempts per address and email', async () => {
    const limited = await startTestApp({ SIGNIN_RATE_LIMIT_PER_MINUTE: '3' });
    const c = new Client(limited.app);
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      codes.push(
        (await c.post('/api/auth/signin', { email: 'x@example.com', password: 'wrong password' })).statusCode,
      );
    }
    expect(codes).toEqual([401, 401, 401, 429, 429]);
    const last = await c.post('/api/auth/signin', { email: 'x@example.com', password: 'wrong password' });
    expect(last.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect(last.headers['retry-after']).toBeDefined();
    await limited.close();
  });

  it('resets a password with a single-use link and signs out every session', async () => {
    await client.signUp('reset@example.com', 'the first passphrase');
    const anon = new Client(t.app);
    expect(
      (await anon.post('/api/auth/password-reset/request', { email: 'reset@example.com' })).statusCode,
    ).toBe(202);
    expect(
      (await anon.post('/api/auth/password-reset/request', { email: 'nobody@example.com' })).statusCode,
    ).toBe(202);
    expect(t.mailer.sent.map((m) => m.to)).toEqual(['reset@example.com']);

    const link = new URL(t.mailer.lastLinkTo('reset@example.com'));
    expect(link.origin + link.pathname).toBe(`${ORIGIN}/reset-password`);
    const token = link.searchParams.get('token') ?? '';
    const weak = await anon.post('/api/auth/password-reset/confirm', { token, password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ error: { code: 'weak_password' } });
    const garbage = await anon.post('/api/auth/password-reset/confirm', {
      token: 'made-up',
      password: 'a fine passphrase',
    });
    expect(garbage.json()).toMatchObject({ error: { code: 'invalid_token' } });

    // The weak attempt did not use up the link.
    const fresh = token;
    expect(
      (
        await anon.post('/api/auth/password-reset/confirm', {
          token: fresh,
          password: 'the second passphrase',
        })
      ).statusCode,
    ).toBe(204);
    const reuse = await anon.post('/api/auth/password-reset/confirm', {
      token: fresh,
      password: 'the third passphrase',
    });
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json()).toMatchObject({ error: { code: 'invalid_token' } });

    expect((await client.get('/api/me')).statusCode).toBe(401);
    expect(
      (await anon.post('/api/auth/signin', { email: 'reset@example.com', password: 'the first passphrase' }))
        .statusCode,
    ).toBe(401);
    expect(
      (await anon.post('/api/auth/signin', { email: 'reset@example.com', password: 'the second passphrase' }))
        .statusCode,
    ).toBe(200);
  });

  it('refuses a reset link once it has expired', async () => {
    await client.signUp('late@example.com');
    await client.post('/api/auth/password-reset/request', { email: 'late@example.com' });
    const token = new URL(t.mailer.lastLinkTo('late@example.com')).searchParams.get('token') ?? '';
    t.clock.advance(61 * 60_000);
    const res = await client.post('/api/auth/password-reset/confirm', {
      token,
      password: 'a brand new passphrase',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'invalid_token' } });
  });

  it('expires sessions after their lifetime', async () => {
    await client.signUp('old@example.com');
    t.clock.advance(31 * 86_400_000);
    expect((await client.get('/api/me')).statusCode).toBe(401);
  });
});
