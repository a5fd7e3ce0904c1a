import { afterEach, describe, expect, it } from 'vitest';
import {
  adminCall,
  apiGet,
  CLIENT_ID,
  CLIENT_SECRET,
  connect,
  consent,
  pkcePair,
  REDIRECT_URI,
  startSandbox,
  tokenCall,
  type RunningSandbox,
  type TokenBody,
} from './test-support.js';

let sb: RunningSandbox;
afterEach(async () => {
  await sb.close();
});

const DAY = 86_400_000;

async function codeFor(verifierChallenge = pkcePair()): Promise<{ code: string; verifier: string }> {
  const callback = await consent(
    sb,
    { code_challenge: verifierChallenge.challenge, code_challenge_method: 'S256' },
    'public',
  );
  return { code: callback.searchParams.get('code') ?? '', verifier: verifierChallenge.verifier };
}

function exchange(
  code: string,
  verifier: string | undefined,
  extra: Record<string, string> = {},
): Promise<Response> {
  return tokenCall(sb, {
    grant_type: 'authorization_code',
    code,
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    redirect_uri: REDIRECT_URI,
    ...(verifier === undefined ? {} : { code_verifier: verifier }),
    ...extra,
  });
}

function refresh(refreshToken: string): Promise<Response> {
  return tokenCall(sb, {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
  });
}

async function expectOauthError(res: Response, status: number, error: string): Promise<void> {
  expect(res.status).toBe(status);
  const body = (await res.json()) as { error: string; error_description?: string };
  expect(body.error).toBe(error);
}

describe('Google token endpoint (/token)', () => {
  it('authorization_code → flat body with expires_in 3599, refresh token, granted scope, Bearer', async () => {
    sb = await startSandbox();
    const { code, verifier } = await codeFor();
    const res = await exchange(code, verifier);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    const body = (await res.json()) as TokenBody;
    expect(body.expires_in).toBe(3599);
    expect(body.token_type).toBe('Bearer');
    expect(body.access_token).toMatch(/^ya29\./);
    expect(body.refresh_token).toMatch(/^1\/\/0/);
    expect(body.scope.split(' ')).toHaveLength(2);
  });

  it('codes are single-use, expire after 10 minutes and are bound to redirect URI and PKCE verifier', async () => {
    sb = await startSandbox();
    const first = await codeFor();
    expect((await exchange(first.code, first.verifier)).status).toBe(200);
    await expectOauthError(await exchange(first.code, first.verifier), 400, 'invalid_grant');

    const late = await codeFor();
    sb.ctx.clock.advance(10 * 60_000 + 1000);
    await expectOauthError(await exchange(late.code, late.verifier), 400, 'invalid_grant');

    const other = await codeFor();
    await expectOauthError(
      await exchange(other.code, other.verifier, { redirect_uri: 'http://localhost:8080/other' }),
      400,
      'redirect_uri_mismatch',
    );
    await expectOauthError(await exchange(other.code, undefined), 400, 'invalid_grant');
    await expectOauthError(await exchange(other.code, pkcePair().verifier), 400, 'invalid_grant');
    await expectOauthError(await exchange('4/0Anot-a-code', other.verifier), 400, 'invalid_grant');
    expect((await exchange(other.code, other.verifier)).status).toBe(200);
  });

  it('a refresh token comes on first consent only, again with prompt=consent, never without offline access', async () => {
    sb = await startSandbox();
    expect((await connect(sb, 'public')).refresh_token).toBeDefined();
    expect((await connect(sb, 'public')).refresh_token).toBeUndefined();
    expect((await connect(sb, 'public', { prompt: 'consent' })).refresh_token).toBeDefined();
    expect((await connect(sb, 'private', { access_type: undefined })).refresh_token).toBeUndefined();
    expect(
      (await connect(sb, 'private', { access_type: 'online', prompt: 'consent' })).refresh_token,
    ).toBeUndefined();
  });

  it('refresh_token grant → same shape without a new refresh token; the old one keeps working', async () => {
    sb = await startSandbox();
    const tokens = await connect(sb);
    for (let i = 0; i < 2; i += 1) {
      const res = await refresh(tokens.refresh_token ?? '');
      expect(res.status).toBe(200);
      const body = (await res.json()) as TokenBody;
      expect(body.expires_in).toBe(3599);
      expect(body.refresh_token).toBeUndefined();
      expect(body.scope).toBe(tokens.scope);
      expect(body.access_token).not.toBe(tokens.access_token);
    }
  });

  it('invalid_client (401) for an unknown client or a wrong secret; HTTP Basic client auth works', async () => {
    sb = await startSandbox();
    const tokens = await connect(sb);
    const base = { grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '' };
    await expectOauthError(
      await tokenCall(sb, { ...base, client_id: 'x', client_secret: CLIENT_SECRET }),
      401,
      'invalid_client',
    );
    await expectOauthError(
      await tokenCall(sb, { ...base, client_id: CLIENT_ID, client_secret: 'nope' }),
      401,
      'invalid_client',
    );
    await expectOauthError(await tokenCall(sb, base), 400, 'invalid_request');
    const basic = Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64');
    const res = await fetch(`${sb.oauth2}/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}` },
      body: new URLSearchParams(base),
    });
    expect(res.status).toBe(200);
  });

  it('requires a form body (JSON → invalid_request) and a known grant_type', async () => {
    sb = await startSandbox();
    const json = await fetch(`${sb.oauth2}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'refresh_token',
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
      }),
    });
    await expectOauthError(json, 400, 'invalid_request');
    await expectOauthError(
      await tokenCall(sb, { grant_type: 'password', client_id: CLIENT_ID, client_secret: CLIENT_SECRET }),
      400,
      'unsupported_grant_type',
    );
    await expectOauthError(
      await tokenCall(sb, {
        grant_type: 'refresh_token',
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
      }),
      400,
      'invalid_request',
    );
  });

  it('"Testing" apps: the refresh token dies after 7 days with invalid_grant', async () => {
    sb = await startSandbox({ testingApp: true });
    const tokens = await connect(sb);
    sb.ctx.clock.advance(6 * DAY);
    expect((await refresh(tokens.refresh_token ?? '')).status).toBe(200);
    sb.ctx.clock.advance(DAY);
    const res = await refresh(tokens.refresh_token ?? '');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'Token has been expired or revoked.',
    });
  });

  it('a refresh token unused for 6 months dies; using it keeps it alive', async () => {
    sb = await startSandbox();
    const used = await connect(sb, 'public');
    const idle = await connect(sb, 'private');
    for (let i = 0; i < 4; i += 1) {
      sb.ctx.clock.advance(60 * DAY);
      expect((await refresh(used.refresh_token ?? '')).status).toBe(200);
    }
    await expectOauthError(await refresh(idle.refresh_token ?? ''), 400, 'invalid_grant');
  });

  it('beyond the live refresh-token limit per user and client, the oldest one is dropped', async () => {
    sb = await startSandbox({ refreshTokensPerUser: 2 });
    const oldest = await connect(sb, 'public', { prompt: 'consent' });
    const middle = await connect(sb, 'public', { prompt: 'consent' });
    await connect(sb, 'public', { prompt: 'consent' });
    await expectOauthError(await refresh(oldest.refresh_token ?? ''), 400, 'invalid_grant');
    expect((await refresh(middle.refresh_token ?? '')).status).toBe(200);
  });

  it('an access token expires after expires_in on the sandbox clock → 401 authError', async () => {
    sb = await startSandbox();
    const tokens = await connect(sb);
    sb.ctx.clock.advance(3598_000);
    expect((await apiGet(sb, '/youtube/v3/channels?part=id&mine=true', tokens.access_token)).status).toBe(
      200,
    );
    sb.ctx.clock.advance(2000);
    const res = await apiGet(sb, '/youtube/v3/channels?part=id&mine=true', tokens.access_token);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('invalid_token');
    const body = (await res.json()) as { error: { code: number; errors: { reason: string }[] } };
    expect(body.error.code).toBe(401);
    expect(body.error.errors[0]?.reason).toBe('authError');
  });
});

describe('Google revocation (/revoke and platform-side)', () => {
  it('revoking the access token kills the whole grant, refresh token included', async () => {
    sb = await startSandbox();
    const tokens = await connect(sb);
    const res = await fetch(`${sb.oauth2}/revoke?token=${encodeURIComponent(tokens.access_token)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(200);
    await expectOauthError(await refresh(tokens.refresh_token ?? ''), 400, 'invalid_grant');
    expect((await apiGet(sb, '/youtube/v3/channels?part=id&mine=true', tokens.access_token)).status).toBe(
      401,
    );
  });

  it('revoking the refresh token (form body) kills the access token; a second revoke → 400 invalid_token', async () => {
    sb = await startSandbox();
    const tokens = await connect(sb);
    const revoke = (): Promise<Response> =>
      fetch(`${sb.oauth2}/revoke`, {
        method: 'POST',
        body: new URLSearchParams({ token: tokens.refresh_token ?? '' }),
      });
    expect((await revoke()).status).toBe(200);
    expect((await apiGet(sb, '/youtube/v3/channels?part=id&mine=true', tokens.access_token)).status).toBe(
      401,
    );
    await expectOauthError(await revoke(), 400, 'invalid_token');
  });

  it('revoking an already expired access token → 400 invalid_token, and the grant survives', async () => {
    sb = await startSandbox();
    const tokens = await connect(sb);
    sb.ctx.clock.advance(3600_000);
    const res = await fetch(`${sb.oauth2}/revoke?token=${encodeURIComponent(tokens.access_token)}`, {
      method: 'POST',
    });
    await expectOauthError(res, 400, 'invalid_token');
    expect((await refresh(tokens.refresh_token ?? '')).status).toBe(200);
  });

  it('after a revoke the next consent is a first consent again and brings a refresh token', async () => {
    sb = await startSandbox();
    const tokens = await connect(sb);
    await fetch(`${sb.oauth2}/revoke?token=${encodeURIComponent(tokens.refresh_token ?? '')}`, {
      method: 'POST',
    });
    expect((await connect(sb)).refresh_token).toBeDefined();
  });

  it('admin platform-side revoke: nothing is pushed; refresh → invalid_grant and API calls → 401', async () => {
    sb = await startSandbox();
    const tokens = await connect(sb, 'public');
    const other = await connect(sb, 'private');
    const res = await adminCall(sb, 'POST', '/youtube/revoke', { persona: 'public' });
    expect(await res.json()).toEqual({ persona: 'public', revoked: true, webhook: null });
    await expectOauthError(await refresh(tokens.refresh_token ?? ''), 400, 'invalid_grant');
    expect((await apiGet(sb, '/youtube/v3/channels?part=id&mine=true', tokens.access_token)).status).toBe(
      401,
    );
    expect((await refresh(other.refresh_token ?? '')).status).toBe(200);
    expect(sb.ctx.webhooks.list()).toEqual([]);
  });
});
