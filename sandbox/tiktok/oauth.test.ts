import { afterEach, describe, expect, it } from 'vitest';
import {
  API,
  apiCall,
  CLIENT_KEY,
  CLIENT_SECRET,
  connect,
  type Envelope,
  type Harness,
  startSandbox,
  tokenCall,
  type TokenBody,
} from './test-support.js';

let h: Harness;
afterEach(async () => h.close());

interface OauthError {
  error: string;
  error_description: string;
  log_id: string;
}

const refresh = (refreshToken: string) =>
  tokenCall(h, {
    client_key: CLIENT_KEY,
    client_secret: CLIENT_SECRET,
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
  });

const userInfo = (token: string) => apiCall(h, 'GET', '/v2/user/info/?fields=open_id', token);

describe('TikTok token endpoint', () => {
  it('answers a flat body with the current lifetimes (7200 s / 15552000 s)', async () => {
    h = await startSandbox();
    const token = await connect(h, 'public', ['user.info.basic', 'video.publish']);
    expect(Object.keys(token).sort()).toEqual(
      [
        'access_token',
        'expires_in',
        'open_id',
        'refresh_expires_in',
        'refresh_token',
        'scope',
        'token_type',
      ].sort(),
    );
    expect(token).toMatchObject({
      scope: 'user.info.basic,video.publish',
      expires_in: 7200,
      refresh_expires_in: 15552000,
      token_type: 'Bearer',
    });
    expect(token.access_token).toMatch(/^act\./);
    expect(token.refresh_token).toMatch(/^rft\./);
    expect(token.open_id).toMatch(/^-000/);
  });

  it('rejects JSON bodies and answers flat errors with their HTTP status', async () => {
    h = await startSandbox();
    const json = await h.app.inject({
      method: 'POST',
      url: `${API}/v2/oauth/token/`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({
        client_key: CLIENT_KEY,
        client_secret: CLIENT_SECRET,
        grant_type: 'refresh_token',
      }),
    });
    expect(json.statusCode).toBe(400);
    const body = json.json<OauthError>();
    expect(body.error).toBe('invalid_request');
    expect(body.log_id).toMatch(/^\d{14}[0-9A-F]{20}$/);
    expect(body).not.toHaveProperty('data');

    const badSecret = await tokenCall(h, {
      client_key: CLIENT_KEY,
      client_secret: 'nope',
      grant_type: 'refresh_token',
    });
    expect(badSecret.statusCode).toBe(401);
    expect(badSecret.json<OauthError>().error).toBe('invalid_client');

    const grant = await tokenCall(h, {
      client_key: CLIENT_KEY,
      client_secret: CLIENT_SECRET,
      grant_type: 'password',
    });
    expect(grant.json<OauthError>().error).toBe('unsupported_grant_type');

    const unknown = await refresh('rft.unknown');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<OauthError>().error).toBe('invalid_grant');
  });

  it('answers OAuth errors with HTTP 200 when the quirk is switched on', async () => {
    h = await startSandbox({ tiktok: { oauthErrorsWithStatus200: true } });
    const res = await refresh('rft.unknown');
    expect(res.statusCode).toBe(200);
    expect(res.json<OauthError>().error).toBe('invalid_grant');
  });

  it('rotates refresh tokens: the old one dies, and a concurrent refresh loses', async () => {
    h = await startSandbox();
    const first = await connect(h);
    const [a, b] = await Promise.all([refresh(first.refresh_token), refresh(first.refresh_token)]);
    const statuses = [a.statusCode, b.statusCode].sort();
    expect(statuses).toEqual([200, 400]);
    const winner = (a.statusCode === 200 ? a : b).json<TokenBody>();
    expect(winner.refresh_token).not.toBe(first.refresh_token);
    expect(winner.access_token).not.toBe(first.access_token);
    expect(winner.refresh_expires_in).toBe(15552000);
    expect((await refresh(first.refresh_token)).json<OauthError>().error).toBe('invalid_grant');
    expect((await refresh(winner.refresh_token)).statusCode).toBe(200);
  });

  it('legacy switch: 86400 s / 31536000 s and the same refresh token, reusable', async () => {
    h = await startSandbox();
    const preset = await h.app.inject({
      method: 'PATCH',
      url: '/__sandbox/tiktok/settings',
      payload: { preset: 'legacy' },
    });
    expect(preset.statusCode).toBe(200);
    const first = await connect(h);
    expect(first.expires_in).toBe(86400);
    expect(first.refresh_expires_in).toBe(31536000);
    h.ctx.clock.advance(3600_000);
    const again = (await refresh(first.refresh_token)).json<TokenBody>();
    expect(again.refresh_token).toBe(first.refresh_token);
    // The remaining lifetime (the clock also runs in real time, hence the 1 s slack).
    expect(31536000 - 3600 - again.refresh_expires_in).toBeLessThanOrEqual(1);
    expect((await refresh(first.refresh_token)).statusCode).toBe(200);
  });

  it('access and refresh tokens expire with the sandbox clock', async () => {
    h = await startSandbox();
    const token = await connect(h);
    expect((await userInfo(token.access_token)).statusCode).toBe(200);
    h.ctx.clock.advance(7200_000);
    const expired = await userInfo(token.access_token);
    expect(expired.statusCode).toBe(401);
    expect(expired.json<Envelope>().error.code).toBe('access_token_invalid');
    const renewed = (await refresh(token.refresh_token)).json<TokenBody>();
    expect((await userInfo(renewed.access_token)).statusCode).toBe(200);
    h.ctx.clock.advance(15552000_000);
    expect((await refresh(renewed.refresh_token)).json<OauthError>().error).toBe('invalid_grant');
  });

  it('injected OAuth errors come back flat, e.g. invalid_grant on a fresh refresh (Sandbox-mode quirk)', async () => {
    h = await startSandbox();
    const token = await connect(h);
    h.ctx.faults.add('tiktok', 'POST /v2/oauth/token/', {
      type: 'platform_error',
      code: 'invalid_grant',
      status: 400,
    });
    const res = await refresh(token.refresh_token);
    expect(res.statusCode).toBe(400);
    expect(res.json<OauthError>()).toMatchObject({ error: 'invalid_grant' });
    expect((await refresh(token.refresh_token)).statusCode).toBe(200);
  });

  it('injected latency delays the answer without changing it', async () => {
    h = await startSandbox();
    const token = await connect(h);
    h.ctx.faults.add('tiktok', 'GET /v2/user/info/', { type: 'latency', ms: 150 });
    const started = performance.now();
    const res = await userInfo(token.access_token);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(res.statusCode).toBe(200);
  });
});

describe('TikTok revoke', () => {
  it('returns 200 with an empty body and kills the access and refresh tokens', async () => {
    h = await startSandbox();
    const token = await connect(h);
    const res = await h.app.inject({
      method: 'POST',
      url: `${API}/v2/oauth/revoke/`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        client_key: CLIENT_KEY,
        client_secret: CLIENT_SECRET,
        token: token.access_token,
      }).toString(),
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('');
    expect((await userInfo(token.access_token)).statusCode).toBe(401);
    expect((await refresh(token.refresh_token)).json<OauthError>().error).toBe('invalid_grant');
  });

  it('refuses a wrong client secret and a JSON body', async () => {
    h = await startSandbox();
    const token = await connect(h);
    const wrong = await h.app.inject({
      method: 'POST',
      url: `${API}/v2/oauth/revoke/`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        client_key: CLIENT_KEY,
        client_secret: 'x',
        token: token.access_token,
      }).toString(),
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json<OauthError>().error).toBe('invalid_client');
    const json = await h.app.inject({
      method: 'POST',
      url: `${API}/v2/oauth/revoke/`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({
        client_key: CLIENT_KEY,
        client_secret: CLIENT_SECRET,
        token: token.access_token,
      }),
    });
    expect(json.json<OauthError>().error).toBe('invalid_request');
    expect((await userInfo(token.access_token)).statusCode).toBe(200);
  });
});
