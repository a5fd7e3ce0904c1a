import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, startTestApp, type TestApp } from '../../fakes/test-app.js';

describe('bad input gets a clear 4xx with a stable code', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  const post = (payload: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      headers: { origin: ORIGIN, 'content-type': 'application/json', ...headers },
      payload,
    });

  it.each([
    ['malformed JSON', '{"email": ', 'invalid_json'],
    ['an empty JSON body', '', 'invalid_json'],
    [
      'an unknown field',
      JSON.stringify({ email: 'a@example.com', password: 'long enough pass', admin: true }),
      'validation_failed',
    ],
    ['a wrong type', JSON.stringify({ email: 42, password: 'long enough pass' }), 'validation_failed'],
    [
      'a bad email',
      JSON.stringify({ email: 'not-an-email', password: 'long enough pass' }),
      'validation_failed',
    ],
    ['a missing field', JSON.stringify({ email: 'a@example.com' }), 'validation_failed'],
    ['an array body', JSON.stringify([1, 2]), 'validation_failed'],
  ])('%s → 400', async (_name, payload, code) => {
    const res = await post(payload);
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: { code: string; message: string } }>();
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(0);
  });

  it('names the offending field', async () => {
    const res = await post(JSON.stringify({ email: 'bad', password: 'long enough pass' }));
    expect(res.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe('email');
  });

  it('refuses bodies over 1 MB with 400', async () => {
    const res = await post(
      JSON.stringify({ email: 'a@example.com', password: 'x'.repeat(1024 * 1024 + 10) }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/does-not-exist' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it.each<[string, Record<string, string>, string]>([
    ['no Origin or Referer', {}, 'csrf_origin_mismatch'],
    ['a foreign Origin', { origin: 'https://evil.example' }, 'csrf_origin_mismatch'],
    ['a foreign Referer', { referer: 'https://evil.example/page' }, 'csrf_origin_mismatch'],
    [
      'a form body from our origin',
      { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      'csrf_json_required',
    ],
  ])('refuses a state-changing request with %s (403)', async (_name, headers, code) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signin',
      headers: { 'content-type': 'application/json', ...headers },
      payload: headers['content-type']?.includes('form')
        ? 'email=a&password=b'
        : JSON.stringify({ email: 'a@example.com', password: 'x' }),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code } });
  });

  it('accepts a same-origin Referer when Origin is absent', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signin',
      headers: { referer: `${ORIGIN}/signin`, 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'nobody@example.com', password: 'whatever password' }),
    });
    expect(res.statusCode).toBe(401);
  });

  it('keeps serving after a storm of bad requests', async () => {
    const payloads = ['{', 'null', '"text"', '[]', '{"email":{"$gt":""}}', '\u0000'];
    for (const p of payloads) expect((await post(p)).statusCode).toBeLessThan(500);
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});
