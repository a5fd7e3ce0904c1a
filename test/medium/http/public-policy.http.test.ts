import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../src/adapters/store/sqlite/sqlite-store.js';
import { DATA_KINDS } from '../../../src/domain/privacy/data-kinds.js';
import { PLATFORM_POLICY_URLS } from '../../../src/domain/privacy/policy-facts.js';
import { STORE_RECORDS } from '../../../src/domain/privacy/store-records.js';
import { CONTENT_SECURITY_POLICY } from '../../../src/http/security-headers.js';
import { startTestApp, type TestApp } from '../../fakes/test-app.js';

const decode = (s: string) => s.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

/** The `data-id`s of the items of the list marked `data-<name>="<value>"`, or null when there is no such list. */
function markedList(html: string, name: string, value: string): string[] | null {
  const list = new RegExp(`<ul data-${name}="${value}">(.*?)</ul>`, 's').exec(html);
  if (!list) return null;
  return [...list[1]!.matchAll(/<li data-id="([^"]*)"/g)].map((m) => decode(m[1]!));
}

describe('the public privacy policy and terms', () => {
  let t: TestApp;
  let policy: string;
  beforeAll(async () => {
    t = await startTestApp({
      OPERATOR_NAME: 'Example Studio Ltd',
      OPERATOR_CONTACT_EMAIL: 'privacy@studio.example',
      SERVICE_URL: 'https://factory.studio.example',
      POLICY_EFFECTIVE_DATE: '2026-12-01',
    });
    const res = await t.app.inject('/privacy');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    policy = res.body;
  });
  afterAll(() => t.close());

  it('reads without signing in, under the app’s CSP, and needs no script', () => {
    expect(policy).toContain('<h1>Privacy policy</h1>');
    expect(policy).not.toMatch(/<script|<link|<img|<iframe/i);
  });

  it('names every kind of personal record, with why and for how long', () => {
    expect(markedList(policy, 'kinds', 'all')).toEqual(DATA_KINDS.map((k) => k.id));
    for (const kind of DATA_KINDS) expect(decode(policy)).toContain(kind.title);
  });

  it('names exactly the scopes each connector requests, both ways', () => {
    const connectors = t.container.platformAccess;
    expect(Object.keys(connectors.apps).sort()).toEqual(['instagram', 'tiktok', 'youtube']);
    for (const { platform, scopes } of t.container.policyFacts.platforms) {
      expect(scopes).not.toBeNull();
      const named = markedList(policy, 'scopes', platform);
      expect(new Set(named)).toEqual(new Set(scopes));
      expect(named).toHaveLength(scopes!.length);
    }
  });

  it('takes the scopes from the running connectors, not from a copy', async () => {
    const { TIKTOK_SCOPES } = await import('../../../src/adapters/platforms/tiktok/tiktok.connector.js');
    const { YOUTUBE_SCOPES } = await import('../../../src/adapters/platforms/youtube/google-oauth.js');
    const { INSTAGRAM_SCOPES } =
      await import('../../../src/adapters/platforms/instagram/instagram.connector.js');
    expect(markedList(policy, 'scopes', 'tiktok')).toEqual([...TIKTOK_SCOPES]);
    expect(markedList(policy, 'scopes', 'youtube')).toEqual([...YOUTUBE_SCOPES]);
    expect(markedList(policy, 'scopes', 'instagram')).toEqual([...INSTAGRAM_SCOPES]);
  });

  it('states the configured store, operator, contact, service URL and lifetimes', () => {
    const text = decode(policy);
    expect(text).toContain('Records are kept in SQLite');
    expect(text).toContain('Example Studio Ltd');
    expect(policy).toContain('href="mailto:privacy@studio.example"');
    expect(text).toContain('https://factory.studio.example');
    expect(text).toContain('2026-12-01');
    expect(text).toContain('A sign-in lasts 30 days');
    expect(text).toContain('deleted 90 days after its last change');
    expect(text).toContain('no AI provider');
  });

  it('links to nothing outside but the platforms’ own policies', () => {
    const external = [...policy.matchAll(/(?:href|src)="(https?:[^"]*)"/g)].map((m) => m[1]);
    expect(new Set(external)).toEqual(new Set(Object.values(PLATFORM_POLICY_URLS)));
    expect(policy).toContain('href="/terms"');
    expect(policy).toContain('href="/"');
    expect(policy).toContain('href="/privacy-center"');
  });

  it('serves the terms the same way, linking back to the policy', async () => {
    const res = await t.app.inject('/terms');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.body).toContain('<h1>Terms of service</h1>');
    expect(res.body).toContain('href="/privacy"');
    expect(res.body).toContain('Example Studio Ltd');
    expect(res.body).not.toMatch(/(?:href|src)="https?:/);
  });

  it('keeps the data-deletion status pages beside the policy', async () => {
    expect((await t.app.inject('/privacy/deletion-status/unknown-code')).statusCode).toBe(404);
  });
});

describe('the policy on an install with outside providers and no platform set up', () => {
  it('names the providers by host, never their keys, and says which platforms are off', async () => {
    const t = await startTestApp({
      PLATFORM_SANDBOX: 'off',
      SCRIPT_PROVIDER: 'anthropic',
      ANTHROPIC_API_KEY: 'sk-ant-not-a-real-key-123',
      PEXELS_API_KEY: 'pexels-not-a-real-key-456',
    });
    try {
      const html = (await t.app.inject('/privacy')).body;
      expect(markedList(html, 'providers', 'ai')).toEqual(['api.anthropic.com', 'api.pexels.com']);
      expect(html).not.toContain('not-a-real-key');
      expect(markedList(html, 'scopes', 'tiktok')).toBeNull();
      expect(decode(html)).toContain('TikTok: not set up on this install');
      expect(decode(html)).toContain('the person or organisation who runs this installation');
      expect(decode(html)).toContain('contact the administrator of this install');
    } finally {
      await t.close();
    }
  });
});

describe('every store repository is placed in the policy', () => {
  it('maps each repository of a real store to a data kind, or says why it is operational', async () => {
    const store = SqliteStore.open(':memory:');
    try {
      const repositories = await store.transaction(async (tx) =>
        Object.entries(tx)
          .filter(([, value]) => typeof value === 'object' && value !== null)
          .map(([name]) => name),
      );
      expect(repositories.length).toBeGreaterThanOrEqual(15);
      expect(repositories.filter((name) => !(name in STORE_RECORDS))).toEqual([]);
      expect(Object.keys(STORE_RECORDS).filter((name) => !repositories.includes(name))).toEqual([]);
      const kinds = new Set<string>(DATA_KINDS.map((k) => k.id));
      for (const [name, record] of Object.entries(STORE_RECORDS)) {
        if ('kinds' in record)
          expect(
            record.kinds.filter((k) => !kinds.has(k)),
            name,
          ).toEqual([]);
        else expect(record.operational.length, name).toBeGreaterThan(20);
      }
    } finally {
      await store.close();
    }
  });
});
