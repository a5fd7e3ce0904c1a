import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';

describe('health, metrics, OpenAPI, logs and the web app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('answers /healthz and /readyz', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject('/readyz')).json()).toEqual({ status: 'ready' });
  });

  it('publishes an OpenAPI 3.1 document generated from the route schemas', async () => {
    const spec = (await t.app.inject('/api/openapi.json')).json<{
      openapi: string;
      paths: Record<string, unknown>;
    }>();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/signup',
        '/api/auth/signin',
        '/api/auth/signout',
        '/api/me',
        '/api/members/{userId}',
      ]),
    );
    const signup = spec.paths['/api/auth/signup'] as {
      post: { requestBody: { content: Record<string, { schema: { required: string[] } }> } };
    };
    expect(signup.post.requestBody.content['application/json']?.schema.required).toEqual([
      'email',
      'password',
    ]);
  });

  it('exposes a Prometheus HTTP latency histogram', async () => {
    await t.app.inject('/healthz');
    const metrics = await t.app.inject('/metrics');
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toMatch(/http_request_duration_seconds_bucket\{.*route="\/healthz".*\} \d+/);
  });

  it('gives every response a request id and its one request log line that id', async () => {
    const res = await t.app.inject('/healthz');
    const id = res.headers['x-request-id'] as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const lines = t.logs.map((l) => JSON.parse(l) as { reqId?: string }).filter((l) => l.reqId === id);
    expect(lines).toHaveLength(1);
  });

  it('never writes passwords, session tokens, reset tokens or cookies to the log', async () => {
    const client = new Client(t.app);
    const signup = await client.post('/api/auth/signup', {
      email: 'log@example.com',
      password: 'very secret passphrase',
    });
    const session = signup.cookies.find((c) => c.name === 'aif_session')?.value ?? '';
    await client.post('/api/auth/signin', { email: 'log@example.com', password: 'wrong secret passphrase' });
    await client.post('/api/auth/password-reset/request', { email: 'log@example.com' });
    const resetToken = new URL(t.mailer.lastLinkTo('log@example.com')).searchParams.get('token') ?? '';
    await client.get('/api/me');
    t.app.log.info(
      { body: { password: 'p4ss', nested: { refresh_token: 'rt-secret', accessToken: 'at-secret' } } },
      'probe',
    );
    const all = t.logs.join('\n');
    expect(session.length).toBeGreaterThan(20);
    for (const secret of [
      'very secret passphrase',
      'wrong secret passphrase',
      session,
      resetToken,
      'p4ss',
      'rt-secret',
      'at-secret',
    ]) {
      expect(all).not.toContain(secret);
    }
    expect(all).toContain('[redacted]');
  });

  it('serves the built web app and falls back to index.html for client routes, but not for API paths', async () => {
    const web = join(t.dataDir, 'web');
    mkdirSync(web, { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>AI Factory</title>');
    const withWeb = await startTestApp();
    withWeb.container.settings.webRoot = web;
    const { buildHttpApp } = await import('../../../src/http/app.js');
    const app = await buildHttpApp(withWeb.container, withWeb.container.logger);
    expect((await app.inject('/')).body).toContain('<title>AI Factory</title>');
    const deep = await app.inject('/library/some-item');
    expect(deep.statusCode).toBe(200);
    expect(deep.headers['content-type']).toContain('text/html');
    expect((await app.inject('/api/nothing-here')).statusCode).toBe(404);
    await app.close();
    await withWeb.close();
  });
});

describe('the sandbox inside the app', () => {
  it('is served under /sandbox when no platform credentials are set, and the product points at it', async () => {
    const t = await startTestApp();
    expect(t.container.platforms.sandbox).toBe(true);
    expect(t.container.platforms.baseUrls.TIKTOK_API_BASE_URL).toBe(
      'http://app.test/sandbox/tiktok/open-api',
    );
    const clock = await t.app.inject('/sandbox/__sandbox/clock');
    expect(clock.statusCode).toBe(200);
    expect(clock.json()).toHaveProperty('iso');
    await t.close();
  });

  it('is absent when credentials are configured', async () => {
    const t = await startTestApp({ GOOGLE_CLIENT_ID: 'real-id', GOOGLE_CLIENT_SECRET: 'real-secret' });
    expect(t.container.platforms.sandbox).toBe(false);
    expect((await t.app.inject('/sandbox/__sandbox/clock')).statusCode).toBe(404);
    await t.close();
  });
});
