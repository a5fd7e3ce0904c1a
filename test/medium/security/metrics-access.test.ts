import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../fakes/test-app.js';

const TOKEN = 'metrics-token-of-the-operator-0123';

describe('/metrics access', () => {
  let t: TestApp;
  afterEach(async () => t.close());

  const scrape = (remoteAddress: string, authorization?: string) =>
    t.app.inject({
      method: 'GET',
      url: '/metrics',
      remoteAddress,
      headers: authorization ? { authorization } : {},
    });

  it('without METRICS_TOKEN answers loopback callers only; others get 404', async () => {
    t = await startTestApp();
    for (const ip of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      const res = await scrape(ip);
      expect(res.statusCode, ip).toBe(200);
      expect(res.body).toContain('http_request_duration_seconds');
    }
    for (const ip of ['203.0.113.9', '10.0.0.3', '::ffff:10.0.0.3']) {
      const res = await scrape(ip);
      expect(res.statusCode, ip).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: 'not_found' } });
      expect(res.body).not.toContain('http_request_duration_seconds');
    }
  });

  it('with METRICS_TOKEN asks every caller, loopback included, for the bearer token', async () => {
    t = await startTestApp({ METRICS_TOKEN: TOKEN });
    for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
      const res = await scrape('127.0.0.1', authorization);
      expect(res.statusCode, authorization).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    }
    const ok = await scrape('203.0.113.9', `Bearer ${TOKEN}`);
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('http_request_duration_seconds');
  });

  it('refuses a METRICS_TOKEN shorter than 16 characters at boot', async () => {
    await expect(startTestApp({ METRICS_TOKEN: 'short' })).rejects.toThrow(/METRICS_TOKEN/);
    t = await startTestApp();
  });
});
