import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../fakes/test-app.js';

const TOKEN = 'sandbox-admin-token-of-the-operator';
const ADMIN = '/sandbox/__sandbox/clock';

describe('the platform sandbox in production', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  const get = (url: string, remoteAddress = '127.0.0.1', authorization?: string) =>
    t!.app.inject({ method: 'GET', url, remoteAddress, headers: authorization ? { authorization } : {} });

  it('is not served with NODE_ENV=production and no platform credentials, and the product keeps the real hosts', async () => {
    t = await startTestApp({ NODE_ENV: 'production' });
    expect(t.container.platformAccess.sandbox).toBe(false);
    expect(t.container.platformAccess.baseUrls.TIKTOK_API_BASE_URL).toBe('https://open.tiktokapis.com');
    expect((await get(ADMIN)).statusCode).toBe(404);
    expect((await get('/sandbox/tiktok/open-api/v2/oauth/token/')).statusCode).toBe(404);
  });

  it('is served in production only when PLATFORM_SANDBOX=on', async () => {
    t = await startTestApp({ NODE_ENV: 'production', PLATFORM_SANDBOX: 'on' });
    expect(t.container.platformAccess.sandbox).toBe(true);
    expect((await get(ADMIN)).statusCode).toBe(200);
  });

  it('answers its admin API to loopback callers only when no admin token is configured', async () => {
    t = await startTestApp({ NODE_ENV: 'production', PLATFORM_SANDBOX: 'on' });
    for (const ip of ['127.0.0.1', '::1']) expect((await get(ADMIN, ip)).statusCode, ip).toBe(200);
    for (const ip of ['203.0.113.9', '10.0.0.3']) {
      const res = await get(ADMIN, ip);
      expect(res.statusCode, ip).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: 'not_found' } });
      const advance = await t.app.inject({
        method: 'POST',
        url: '/sandbox/__sandbox/clock/advance',
        remoteAddress: ip,
        payload: { seconds: 3600 },
      });
      expect(advance.statusCode, ip).toBe(404);
    }
  });

  it('asks every caller of its admin API for SANDBOX_ADMIN_TOKEN when one is configured', async () => {
    t = await startTestApp({ NODE_ENV: 'production', PLATFORM_SANDBOX: 'on', SANDBOX_ADMIN_TOKEN: TOKEN });
    for (const authorization of [undefined, 'Bearer wrong-token', `Bearer ${TOKEN}x`]) {
      const res = await get(ADMIN, '127.0.0.1', authorization);
      expect(res.statusCode, authorization).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    }
    expect((await get(ADMIN, '203.0.113.9', `Bearer ${TOKEN}`)).statusCode).toBe(200);
  });

  it('keeps the platform endpoints themselves open (the product calls them as it would call a platform)', async () => {
    t = await startTestApp({ NODE_ENV: 'production', PLATFORM_SANDBOX: 'on', SANDBOX_ADMIN_TOKEN: TOKEN });
    const res = await get('/sandbox/tiktok/open-api/v2/user/info/', '203.0.113.9');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: { code: 'access_token_invalid' } });
  });
});
