import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { resolvePlatformAccess, sandboxEnabled } from '../../src/config/platforms.js';

const load = (env: Record<string, string>) => loadConfig(env, '/nonexistent/.env');

describe('platform access', () => {
  it('defaults to the real hosts', () => {
    const config = load({ TIKTOK_CLIENT_KEY: 'k', TIKTOK_CLIENT_SECRET: 's' });
    const access = resolvePlatformAccess(config);
    expect(access.sandbox).toBe(false);
    expect(access.baseUrls).toMatchObject({
      TIKTOK_AUTH_BASE_URL: 'https://www.tiktok.com',
      TIKTOK_API_BASE_URL: 'https://open.tiktokapis.com',
      INSTAGRAM_GRAPH_BASE_URL: 'https://graph.instagram.com',
      YOUTUBE_API_BASE_URL: 'https://www.googleapis.com',
    });
    expect(access.apps).toEqual({ tiktok: { clientId: 'k', clientSecret: 's' } });
    expect(access.redirectUri('tiktok')).toBe('http://localhost:8080/oauth/tiktok/callback');
  });

  it('turns the sandbox on only when no platform credentials are set, unless forced', () => {
    expect(sandboxEnabled(load({}))).toBe(true);
    expect(sandboxEnabled(load({ GOOGLE_CLIENT_ID: 'id', GOOGLE_CLIENT_SECRET: 'secret' }))).toBe(false);
    expect(sandboxEnabled(load({ PLATFORM_SANDBOX: 'off' }))).toBe(false);
    expect(
      sandboxEnabled(load({ PLATFORM_SANDBOX: 'on', GOOGLE_CLIENT_ID: 'id', GOOGLE_CLIENT_SECRET: 's' })),
    ).toBe(true);
  });

  it('keeps base URL prefixes and trims trailing slashes', () => {
    const config = load({ TIKTOK_API_BASE_URL: 'http://127.0.0.1:4010/tiktok/', PLATFORM_SANDBOX: 'off' });
    expect(resolvePlatformAccess(config).baseUrls.TIKTOK_API_BASE_URL).toBe('http://127.0.0.1:4010/tiktok');
  });
});
