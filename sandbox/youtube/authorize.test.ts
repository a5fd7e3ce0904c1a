import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCOPES } from './scopes.js';
import {
  authorizeUrl,
  CLIENT_ID,
  CLIENT_SECRET,
  consent,
  pkcePair,
  REDIRECT_URI,
  startSandbox,
  tokenCall,
  type RunningSandbox,
} from './test-support.js';

let sb: RunningSandbox;
const pkce = pkcePair();
const withPkce = { code_challenge: pkce.challenge, code_challenge_method: 'S256' };

beforeEach(async () => {
  sb = await startSandbox();
});
afterEach(async () => {
  await sb.close();
});

async function getAuthorize(params: Record<string, string | undefined>): Promise<Response> {
  return fetch(authorizeUrl(sb, params), { redirect: 'manual' });
}

describe('Google authorize endpoint (/o/oauth2/v2/auth)', () => {
  it('shows a consent page with personas and one checkbox per space-separated scope', async () => {
    const res = await getAuthorize(withPkce);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('name="persona" value="no-channel"');
    expect(html).toContain(`name="granted_scope" value="${SCOPES.upload}" checked>`);
    expect(html).toContain(`name="granted_scope" value="${SCOPES.readonly}" checked>`);
    expect(html).toContain(`action="${sb.auth}/o/oauth2/v2/auth"`);
  });

  it('grants on consent: redirects with code, granted scope and state', async () => {
    const callback = await consent(sb, withPkce, 'public');
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
    expect(callback.searchParams.get('state')).toBe('st-1');
    expect(callback.searchParams.get('code')).toMatch(/^4\/0A/);
    expect(callback.searchParams.get('scope')).toBe(`${SCOPES.upload} ${SCOPES.readonly}`);
  });

  it('granular consent: an unticked scope is absent from the callback and the token', async () => {
    const callback = await consent(sb, withPkce, 'public', [SCOPES.upload]);
    expect(callback.searchParams.get('scope')).toBe(SCOPES.upload);
    const res = await tokenCall(sb, {
      grant_type: 'authorization_code',
      code: callback.searchParams.get('code') ?? '',
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      redirect_uri: REDIRECT_URI,
      code_verifier: pkce.verifier,
    });
    expect(((await res.json()) as { scope: string }).scope).toBe(SCOPES.upload);
  });

  it('deny persona → error=access_denied with the state', async () => {
    const callback = await consent(sb, withPkce, 'deny');
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('state')).toBe('st-1');
    expect(callback.searchParams.get('code')).toBeNull();
  });

  it('unknown client → 401 invalid_client page, never a redirect', async () => {
    const res = await getAuthorize({ ...withPkce, client_id: 'someone-else.apps.googleusercontent.com' });
    expect(res.status).toBe(401);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toContain('invalid_client');
  });

  it('unregistered redirect URI (exact match) → 400 redirect_uri_mismatch page, never a redirect', async () => {
    for (const uri of [`${REDIRECT_URI}/`, 'http://evil.example/cb', REDIRECT_URI.toUpperCase()]) {
      const res = await getAuthorize({ ...withPkce, redirect_uri: uri });
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      expect(await res.text()).toContain('redirect_uri_mismatch');
    }
  });

  it('comma-separated scopes are one unknown scope → invalid_scope', async () => {
    const res = await getAuthorize({ ...withPkce, scope: `${SCOPES.upload},${SCOPES.readonly}` });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('invalid_scope');
  });

  it('PKCE S256 is required: missing challenge, plain method or a malformed challenge → invalid_request', async () => {
    for (const params of [
      {},
      { code_challenge: pkce.challenge, code_challenge_method: 'plain' },
      { code_challenge: 'short', code_challenge_method: 'S256' },
      { code_challenge: pkce.challenge, code_challenge_method: 'S512' },
    ]) {
      const res = await getAuthorize(params);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('invalid_request');
    }
  });

  it('rejects a missing response_type or scope and a bad access_type', async () => {
    for (const params of [{ response_type: undefined }, { scope: undefined }, { access_type: 'forever' }]) {
      const res = await getAuthorize({ ...withPkce, ...params });
      expect(res.status).toBe(400);
    }
    expect((await getAuthorize({ ...withPkce, response_type: 'token id_token' })).status).toBe(400);
  });

  it('SANDBOX_AUTO_CONSENT answers at once as that persona, granting every scope', async () => {
    sb.ctx.settings.autoConsent = 'public';
    const res = await getAuthorize(withPkce);
    expect(res.status).toBe(302);
    const callback = new URL(res.headers.get('location') ?? '');
    expect(callback.searchParams.get('code')).toBeTruthy();
    expect(callback.searchParams.get('scope')).toBe(`${SCOPES.upload} ${SCOPES.readonly}`);
    sb.ctx.settings.autoConsent = 'deny';
    const denied = new URL((await getAuthorize(withPkce)).headers.get('location') ?? '');
    expect(denied.searchParams.get('error')).toBe('access_denied');
  });

  it('include_granted_scopes=true adds the scopes granted earlier', async () => {
    const first = await consent(sb, { ...withPkce, scope: SCOPES.upload }, 'public');
    await tokenCall(sb, {
      grant_type: 'authorization_code',
      code: first.searchParams.get('code') ?? '',
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      redirect_uri: REDIRECT_URI,
      code_verifier: pkce.verifier,
    });
    const second = await consent(
      sb,
      { ...withPkce, scope: SCOPES.readonly, include_granted_scopes: 'true' },
      'public',
    );
    expect(second.searchParams.get('scope')?.split(' ').sort()).toEqual(
      [SCOPES.readonly, SCOPES.upload].sort(),
    );
  });

  it('prompt=none without a signed-in user → error=interaction_required', async () => {
    const res = await getAuthorize({ ...withPkce, prompt: 'none' });
    expect(res.status).toBe(302);
    expect(new URL(res.headers.get('location') ?? '').searchParams.get('error')).toBe('interaction_required');
  });
});
