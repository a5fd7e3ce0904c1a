import Fastify from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandbox } from '../server.js';
import { defaultSettings } from '../core/settings.js';
import { instagramModule } from './module.js';
import {
  ALL_SCOPES,
  APP,
  REDIRECT_URI,
  authorizeQuery,
  consent,
  exchangeCode,
  graph,
  graphError,
  json,
  startSandbox,
  type TestSandbox,
} from './test-support.js';

let t: TestSandbox;
beforeEach(async () => {
  t = await startSandbox();
});
afterEach(async () => t.close());

const authorize = (query: string) =>
  t.app.inject({ method: 'GET', url: `/instagram/www/oauth/authorize?${query}` });

describe('Instagram authorize window', () => {
  it('shows a consent page with personas and per-scope checkboxes, basic being required', async () => {
    const response = await authorize(authorizeQuery());
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('name="persona" value="ig-personal"');
    expect(response.body).toContain('value="instagram_business_content_publish" checked>');
    expect(response.body).toMatch(/value="instagram_business_basic" checked disabled/);
    expect(response.body).toContain('action="http://127.0.0.1:4010/instagram/www/oauth/authorize"');
  });

  it('redirects a grant with code, state and the #_ fragment', async () => {
    const callback = await consent(t.app, 'public');
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
    expect(callback.searchParams.get('code')).toMatch(/^AQ/);
    expect(callback.searchParams.get('state')).toBe('xyz');
    expect(callback.hash).toBe('#_');
  });

  it('redirects a refusal with error=access_denied&error_reason=user_denied', async () => {
    const callback = await consent(t.app, 'deny');
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('error_reason')).toBe('user_denied');
    expect(callback.searchParams.get('error_description')).toBe('The user denied your request.');
    expect(callback.searchParams.get('code')).toBeNull();
    expect(callback.searchParams.get('state')).toBe('xyz');
  });

  it('refuses an unknown client or an unregistered redirect URI with a page, never a redirect', async () => {
    const badClient = await authorize(authorizeQuery({ client_id: '123' }));
    expect(badClient.statusCode).toBe(400);
    expect(badClient.headers.location).toBeUndefined();
    expect(badClient.body).toContain('Invalid platform app');
    for (const uri of [`${REDIRECT_URI}/`, 'http://evil.example/cb', REDIRECT_URI.toUpperCase()]) {
      const response = await authorize(authorizeQuery({ redirect_uri: uri }));
      expect(response.statusCode).toBe(400);
      expect(response.headers.location).toBeUndefined();
      expect(response.body).toContain('Invalid redirect_uri');
    }
  });

  it('refuses response types other than code, unknown or retired scopes, and a missing basic scope', async () => {
    expect((await authorize(authorizeQuery({ response_type: 'token' }))).statusCode).toBe(400);
    const retired = await authorize(authorizeQuery({ scope: 'business_basic,business_content_publish' }));
    expect(retired.statusCode).toBe(400);
    expect(retired.body).toContain('Invalid Scopes: business_basic, business_content_publish');
    const semicolons = await authorize(
      authorizeQuery({ scope: 'instagram_business_basic;instagram_business_content_publish' }),
    );
    expect(semicolons.body).toContain('Invalid Scopes');
    const noBasic = await authorize(authorizeQuery({ scope: 'instagram_business_content_publish' }));
    expect(noBasic.statusCode).toBe(400);
    expect(noBasic.body).toContain('instagram_business_basic is required');
  });

  it('accepts the documented space-separated scope list and a missing (optional) state', async () => {
    const spaced = await authorize(authorizeQuery({ scope: ALL_SCOPES.replaceAll(',', ' ') }));
    expect(spaced.statusCode).toBe(200);
    const query = new URLSearchParams(authorizeQuery());
    query.delete('state');
    expect((await authorize(query.toString())).statusCode).toBe(200);
  });

  it('grants only the scopes left ticked', async () => {
    const callback = await consent(t.app, 'public', ['instagram_business_basic']);
    const response = await exchangeCode(t.app, callback.searchParams.get('code') ?? '');
    expect(json(response).permissions).toEqual(['instagram_business_basic']);
  });

  it('with autoConsent, redirects at once as the persona (or refuses for deny)', async () => {
    t.sandbox.ctx.settings.autoConsent = 'private';
    const granted = await authorize(authorizeQuery());
    expect(granted.statusCode).toBe(302);
    expect(String(granted.headers.location)).toMatch(/\?code=AQ[^&]+&state=xyz#_$/);
    t.sandbox.ctx.settings.autoConsent = 'deny';
    const denied = await authorize(authorizeQuery());
    expect(String(denied.headers.location)).toContain('error=access_denied&error_reason=user_denied');
  });
});

describe('POST /oauth/access_token', () => {
  it('answers the flat body with a 17-digit numeric app-scoped user_id and the granted permissions', async () => {
    const callback = await consent(t.app, 'public');
    const response = await exchangeCode(t.app, callback.searchParams.get('code') ?? '');
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(/^\{"access_token":"IGAA[\w-]+","user_id":2\d{16},"permissions":\[/);
    expect(json(response).permissions).toEqual(ALL_SCOPES.split(','));
    const userId = /"user_id":(\d+)/.exec(response.body)?.[1] ?? '';
    expect(Number(userId) > Number.MAX_SAFE_INTEGER).toBe(true);
    expect(String(Number(userId))).not.toBe(userId); // JSON.parse would lose the exact id
  });

  it('answers the older data:[…] shape when toggled', async () => {
    t.sandbox.ctx.settings.instagram.tokenBodyShape = 'data-array';
    const callback = await consent(t.app, 'public');
    const body = json(await exchangeCode(t.app, callback.searchParams.get('code') ?? ''));
    const [entry] = body.data as Record<string, unknown>[];
    expect(entry?.access_token).toMatch(/^IGAA/);
    expect(entry?.user_id).toMatch(/^2\d{16}$/);
    expect(entry?.permissions).toBe(ALL_SCOPES);
  });

  it('rejects a JSON body with 400 in the legacy envelope, but takes multipart like curl -F', async () => {
    const code = (await consent(t.app, 'public')).searchParams.get('code') ?? '';
    const fields = {
      client_id: APP.clientId,
      client_secret: APP.clientSecret,
      grant_type: 'authorization_code',
      redirect_uri: REDIRECT_URI,
      code,
    };
    const asJson = await t.app.inject({
      method: 'POST',
      url: '/instagram/api/oauth/access_token',
      payload: fields,
    });
    expect(asJson.statusCode).toBe(400);
    expect(json(asJson)).toEqual({
      error_type: 'OAuthException',
      code: 400,
      error_message: 'You must provide a client_id',
    });
    const boundary = 'XyZ';
    const multipart = Object.entries(fields)
      .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join('');
    const asMultipart = await t.app.inject({
      method: 'POST',
      url: '/instagram/api/oauth/access_token',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `${multipart}--${boundary}--\r\n`,
    });
    expect(asMultipart.statusCode).toBe(200);
  });

  it('makes codes single-use, short-lived (10 min) and bound to the client and redirect URI', async () => {
    const first = (await consent(t.app, 'public')).searchParams.get('code') ?? '';
    const wrongUri = await exchangeCode(t.app, first, { redirect_uri: `${REDIRECT_URI}/` });
    expect(json(wrongUri).error_message).toContain('redirect_uri is identical');
    expect((await exchangeCode(t.app, first)).statusCode).toBe(200);
    const reused = await exchangeCode(t.app, first);
    expect(reused.statusCode).toBe(400);
    expect(json(reused).error_message).toBe('This authorization code has been used');

    const second = (await consent(t.app, 'public')).searchParams.get('code') ?? '';
    expect(json(await exchangeCode(t.app, `${second}#_`)).error_message).toBe('Invalid authorization code');
    expect(json(await exchangeCode(t.app, second, { client_id: '42' })).error_message).toBe(
      'Invalid platform app',
    );
    expect(json(await exchangeCode(t.app, second, { client_secret: 'nope' })).error_message).toBe(
      'Error validating client secret.',
    );
    t.sandbox.ctx.clock.advance(601_000);
    expect(json(await exchangeCode(t.app, second)).error_message).toBe('This authorization code has expired');
  });

  it('issues a short-lived token that dies after 3600 s', async () => {
    const code = (await consent(t.app, 'public')).searchParams.get('code') ?? '';
    const token = String(json(await exchangeCode(t.app, code)).access_token);
    expect((await graph(t.app, 'GET', '/me', { access_token: token })).statusCode).toBe(200);
    t.sandbox.ctx.clock.advance(3_600_000);
    const dead = await graph(t.app, 'GET', '/me', { access_token: token });
    expect(dead.statusCode).toBe(400);
    expect(graphError(dead)).toMatchObject({ code: 190, error_subcode: 463, type: 'OAuthException' });
    expect(String(graphError(dead).message)).toMatch(
      /^Error validating access token: Session has expired on \w+day, /,
    );
  });
});

describe('mounting', () => {
  it('serves the Instagram hosts under any prefix, with absolute URLs pointing back to it', async () => {
    const sandbox = createSandbox({
      publicUrl: 'http://127.0.0.1:4999/sandbox',
      modules: [instagramModule()],
      settings: { apps: { ...defaultSettings().apps, instagram: { ...APP, redirectUris: [REDIRECT_URI] } } },
    });
    const app = Fastify();
    await app.register(sandbox.plugin, { prefix: '/sandbox' });
    expect(sandbox.baseUrls.INSTAGRAM_GRAPH_BASE_URL).toBe('http://127.0.0.1:4999/sandbox/instagram/graph');
    const page = await app.inject(`/sandbox/instagram/www/oauth/authorize?${authorizeQuery()}`);
    expect(page.body).toContain('action="http://127.0.0.1:4999/sandbox/instagram/www/oauth/authorize"');
    await app.close();
  });
});
