import { afterEach, describe, expect, it } from 'vitest';
import { hexChallenge } from './oauth.js';
import {
  ALL_SCOPES,
  AUTH,
  authorizeParams,
  CLIENT_KEY,
  CLIENT_SECRET,
  type Harness,
  REDIRECT_URI,
  redirectQuery,
  startSandbox,
  submitConsent,
  tokenCall,
} from './test-support.js';

let h: Harness;
afterEach(async () => h.close());

const authorize = (params: URLSearchParams) =>
  h.app.inject({ method: 'GET', url: `${AUTH}/v2/auth/authorize/?${params.toString()}` });

const exchange = (code: string, extra: Record<string, string> = {}) =>
  tokenCall(h, {
    client_key: CLIENT_KEY,
    client_secret: CLIENT_SECRET,
    code,
    grant_type: 'authorization_code',
    redirect_uri: REDIRECT_URI,
    ...extra,
  });

describe('TikTok authorize page', () => {
  it('shows a consent page with personas and per-scope checkboxes; user.info.basic cannot be unticked', async () => {
    h = await startSandbox();
    const res = await authorize(authorizeParams());
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    for (const persona of ['public', 'private', 'unaudited', 'deny'])
      expect(res.body).toContain(`value="${persona}"`);
    expect(res.body).toMatch(/name="granted_scope" value="user\.info\.basic" checked disabled/);
    expect(res.body).toMatch(/name="granted_scope" value="video\.publish" checked>/);
    expect(res.body).toContain('action="http://127.0.0.1:4010/tiktok/www/v2/auth/authorize/"');
  });

  it('redirects with code, the granted scopes only and state when the user unticks scopes', async () => {
    h = await startSandbox();
    const res = await submitConsent(h, 'public', ['user.info.basic', 'video.list']);
    expect(res.statusCode).toBe(302);
    const location = String(res.headers.location);
    expect(location.startsWith(`${REDIRECT_URI}?`)).toBe(true);
    const q = redirectQuery(res);
    expect(q.get('scopes')).toBe('user.info.basic,video.list');
    expect(q.get('state')).toBe('st-123');
    // TikTok codes contain characters that arrive percent-encoded: clients must URL-decode.
    expect(q.get('code')).toMatch(/\*0!\d+\.va$/);
    expect(location).toContain('%21');
    const token = await exchange(q.get('code') ?? '');
    expect(token.json<{ scope: string }>().scope).toBe('user.info.basic,video.list');
  });

  it('redirects with error=access_denied and the state when the user refuses', async () => {
    h = await startSandbox();
    const res = await submitConsent(h, 'deny', ALL_SCOPES);
    const q = redirectQuery(res);
    expect(res.statusCode).toBe(302);
    expect(q.get('error')).toBe('access_denied');
    expect(q.get('error_description')).toBeTruthy();
    expect(q.get('state')).toBe('st-123');
    expect(q.get('code')).toBeNull();
  });

  it('auto-consents as the configured persona, granting every requested scope', async () => {
    h = await startSandbox();
    h.ctx.settings.autoConsent = 'private';
    const res = await authorize(authorizeParams());
    expect(res.statusCode).toBe(302);
    expect(redirectQuery(res).get('scopes')).toBe(ALL_SCOPES.join(','));
    h.ctx.settings.autoConsent = 'deny';
    expect(redirectQuery(await authorize(authorizeParams())).get('error')).toBe('access_denied');
  });

  it('shows an error page, never a redirect, for an unknown client or an unregistered redirect URI', async () => {
    h = await startSandbox();
    for (const params of [
      authorizeParams({ client_key: 'someone-else' }),
      authorizeParams({ redirect_uri: `${REDIRECT_URI}/` }),
      authorizeParams({ redirect_uri: 'https://evil.example.com/cb' }),
      authorizeParams({ redirect_uri: undefined }),
    ]) {
      const res = await authorize(params);
      expect(res.statusCode).toBe(400);
      expect(res.headers.location).toBeUndefined();
      expect(res.body).toContain('Something went wrong');
    }
  });

  it('redirects OAuth errors: missing state, space-separated scopes, unknown scope, wrong response_type', async () => {
    h = await startSandbox();
    const cases: [URLSearchParams, string][] = [
      [authorizeParams({ state: undefined }), 'invalid_request'],
      [authorizeParams({ scope: 'user.info.basic video.list' }), 'invalid_scope'],
      [authorizeParams({ scope: 'user.info.basic,video.delete' }), 'invalid_scope'],
      [authorizeParams({ scope: undefined }), 'invalid_request'],
      [authorizeParams({ response_type: 'token' }), 'unsupported_response_type'],
    ];
    for (const [params, error] of cases) {
      const res = await authorize(params);
      expect(res.statusCode).toBe(302);
      expect(redirectQuery(res).get('error')).toBe(error);
    }
  });

  it('codes are single-use, expire after 10 minutes and are bound to the redirect URI and client', async () => {
    h = await startSandbox({});
    const code = async () => redirectQuery(await submitConsent(h, 'public', ALL_SCOPES)).get('code') ?? '';
    const first = await code();
    expect((await exchange(first)).statusCode).toBe(200);
    const reused = await exchange(first);
    expect(reused.statusCode).toBe(400);
    expect(reused.json<{ error: string }>().error).toBe('invalid_grant');

    const late = await code();
    h.ctx.clock.advance(601_000);
    expect((await exchange(late)).json<{ error: string }>().error).toBe('invalid_grant');

    const other = await code();
    const wrongUri = await exchange(other, { redirect_uri: 'https://app.example.com/other' });
    expect(wrongUri.json<{ error: string }>().error).toBe('invalid_grant');
    // A client that forgets to URL-decode the callback's code sends %21 instead of '!'.
    const encoded = await exchange(other.replace('!', '%21'));
    expect(encoded.json<{ error: string }>().error).toBe('invalid_grant');
    expect((await exchange(other)).statusCode).toBe(200);
  });
});

describe('TikTok PKCE (desktop apps)', () => {
  const verifier = 'v'.repeat(20) + '-._~0123456789ABCDEFGHIJKLMNOP';

  it('requires a challenge from desktop apps and checks the hex SHA-256 of the verifier', async () => {
    h = await startSandbox({ tiktok: { appType: 'desktop' } });
    const missing = await authorize(authorizeParams());
    expect(redirectQuery(missing).get('error')).toBe('invalid_request');
    const plain = await authorize(authorizeParams({ code_challenge: 'abc', code_challenge_method: 'plain' }));
    expect(redirectQuery(plain).get('error')).toBe('invalid_request');

    const params = authorizeParams({ code_challenge: hexChallenge(verifier), code_challenge_method: 'S256' });
    const code = redirectQuery(await submitConsent(h, 'public', ALL_SCOPES, params)).get('code') ?? '';
    expect((await exchange(code)).json<{ error: string }>().error).toBe('invalid_request');
    expect((await exchange(code, { code_verifier: `${verifier}x` })).json<{ error: string }>().error).toBe(
      'invalid_grant',
    );
    expect((await exchange(code, { code_verifier: verifier })).statusCode).toBe(200);
  });

  it('refuses a base64url challenge at the token step (TikTok wants lower-case hex)', async () => {
    h = await startSandbox({ tiktok: { appType: 'desktop' } });
    const base64url = Buffer.from(hexChallenge(verifier), 'hex').toString('base64url');
    const params = authorizeParams({ code_challenge: base64url, code_challenge_method: 'S256' });
    const code = redirectQuery(await submitConsent(h, 'public', ALL_SCOPES, params)).get('code') ?? '';
    const res = await exchange(code, { code_verifier: verifier });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: string }>().error).toBe('invalid_grant');
  });

  it('lets web apps authorize without PKCE', async () => {
    h = await startSandbox();
    const code = redirectQuery(await submitConsent(h, 'public', ALL_SCOPES)).get('code') ?? '';
    expect((await exchange(code)).statusCode).toBe(200);
  });
});
