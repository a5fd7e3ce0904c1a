import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src/http/security-headers.js';
import { startTestApp, type TestApp } from '../../fakes/test-app.js';

describe('the API reference page', () => {
  let t: TestApp;
  let html: string;
  beforeAll(async () => {
    t = await startTestApp();
    const page = await t.app.inject('/api/docs');
    expect(page.statusCode).toBe(200);
    html = page.body;
  });
  afterAll(async () => t.close());

  /** Every URL the page's own markup loads: scripts, styles, icons. */
  const assetsOf = (markup: string) =>
    [...markup.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');

  it('is an HTML page under the strict CSP, with no inline script', async () => {
    const page = await t.app.inject('/api/docs');
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['x-frame-options']).toBe('DENY');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\/api\/docs\//);
      expect(body?.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('loads its renderer and its start script from the app itself, each answering 200 under the CSP', async () => {
    const assets = assetsOf(html);
    expect(assets.length).toBeGreaterThanOrEqual(3);
    for (const url of assets) {
      if (url.startsWith('data:')) continue;
      expect(url, 'same-origin path').toMatch(/^\/api\/docs\/[\w.-]+$/);
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(
        /^(text\/css|application\/javascript|text\/javascript)/,
      );
      expect(res.headers['content-security-policy'], url).toBe(CONTENT_SECURITY_POLICY);
      expect(res.body, url).not.toMatch(/fonts\.googleapis|@import\s+url\(\s*["']?https?:/);
    }
  });

  it("points the renderer at the app's own OpenAPI document, without the third-party validator", async () => {
    const start = assetsOf(html).find((url) => url.endsWith('init.js')) ?? '';
    const script = (await t.app.inject(start)).body;
    expect(script).toContain("'/api/openapi.json'");
    expect(script).toMatch(/validatorUrl:\s*null/);
  });

  it('serves only the files the page needs, not the whole package', async () => {
    for (const url of ['/api/docs/index.html', '/api/docs/package.json', '/api/docs/swagger-ui.js.map']) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('not_found');
    }
  });

  it('is not itself an operation of the reference', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths).filter((path) => path.startsWith('/api/docs'))).toEqual([]);
  });
});
