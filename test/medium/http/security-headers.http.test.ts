import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src/http/security-headers.js';
import { startTestApp, type TestApp } from '../../fakes/test-app.js';

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it.each(['/api/auth/me', '/api/does-not-exist', '/healthz', '/privacy', '/'])(
    '%s allows only the app itself to run, load and frame content',
    async (url) => {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    },
  );

  it.each(['/api/auth/me', '/healthz', '/privacy', '/', '/sandbox/'])(
    '%s sends no Referer anywhere, and no HSTS on plain http',
    async (url) => {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    },
  );

  it('sends Strict-Transport-Security when the public URL is https', async () => {
    const secure = await startTestApp({ PUBLIC_BASE_URL: 'https://factory.example' });
    try {
      for (const url of ['/healthz', '/api/auth/me', '/']) {
        const res = await secure.app.inject({ method: 'GET', url });
        expect(res.headers['strict-transport-security'], url).toBe('max-age=31536000');
        expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      }
    } finally {
      await secure.close();
    }
  });

  it('names no third-party origin and allows no inline script', () => {
    const directives: Record<string, string[]> = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split('; ').map((d) => {
        const [name = '', ...sources] = d.split(' ');
        return [name, sources];
      }),
    );
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    for (const sources of Object.values(directives))
      for (const source of sources) expect(source).toMatch(/^('[a-z-]+'|data:|blob:)$/);
  });

  it("leaves the local sandbox's consent pages their own rules (their forms post back to the app)", async () => {
    const res = await t.app.inject({ method: 'GET', url: '/sandbox/' });
    expect(res.headers['content-security-policy']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
