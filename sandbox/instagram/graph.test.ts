import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  APP,
  connect,
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

const HOUR = 3_600_000;

describe('long-lived tokens', () => {
  it('exchanges a short-lived token for a bearer token that lasts 5183944 s', async () => {
    const code = (await consent(t.app, 'public')).searchParams.get('code') ?? '';
    const short = String(json(await exchangeCode(t.app, code)).access_token);
    const response = await graph(t.app, 'GET', '/access_token', {
      grant_type: 'ig_exchange_token',
      client_secret: APP.clientSecret,
      access_token: short,
    });
    expect(response.statusCode).toBe(200);
    const body = json(response);
    expect(body).toEqual({
      access_token: expect.stringMatching(/^IGAA/) as unknown,
      token_type: 'bearer',
      expires_in: 5183944,
    });
    t.sandbox.ctx.clock.advance(5183944 * 1000 - 1000);
    expect((await graph(t.app, 'GET', '/me', { access_token: String(body.access_token) })).statusCode).toBe(
      200,
    );
    t.sandbox.ctx.clock.advance(1000);
    expect(
      graphError(await graph(t.app, 'GET', '/me', { access_token: String(body.access_token) })).code,
    ).toBe(190);
  });

  it('refuses a wrong client secret (code 1) and a long-lived token as the source (190)', async () => {
    const { longToken, shortToken } = await connect(t.app);
    const badSecret = await graph(t.app, 'GET', '/access_token', {
      grant_type: 'ig_exchange_token',
      client_secret: 'wrong',
      access_token: shortToken,
    });
    expect(badSecret.statusCode).toBe(400);
    expect(graphError(badSecret)).toMatchObject({ code: 1, message: 'Error validating client secret.' });
    const fromLong = await graph(t.app, 'GET', '/access_token', {
      grant_type: 'ig_exchange_token',
      client_secret: APP.clientSecret,
      access_token: longToken,
    });
    expect(graphError(fromLong).code).toBe(190);
  });

  it('refreshes only with GET, only once the token is 24 h old, and never once it expired', async () => {
    const { longToken } = await connect(t.app);
    const refresh = (token: string) =>
      graph(t.app, 'GET', '/refresh_access_token', { grant_type: 'ig_refresh_token', access_token: token });

    const tooYoung = await refresh(longToken);
    expect(tooYoung.statusCode).toBe(400);
    expect(graphError(tooYoung)).toMatchObject({ code: 190, type: 'OAuthException' });

    const asPost = await graph(t.app, 'POST', '/refresh_access_token', {
      grant_type: 'ig_refresh_token',
      access_token: longToken,
    });
    expect(asPost.statusCode).toBe(400);
    expect(graphError(asPost).message).toBe('Unsupported request - method type: post');

    t.sandbox.ctx.clock.advance(24 * HOUR);
    const refreshed = await refresh(longToken);
    expect(refreshed.statusCode).toBe(200);
    expect(json(refreshed)).toMatchObject({ token_type: 'bearer', expires_in: 5183944 });
    const newToken = String(json(refreshed).access_token);
    expect(newToken).not.toBe(longToken);

    t.sandbox.ctx.clock.advance(61 * 24 * HOUR);
    const expired = await refresh(newToken);
    expect(graphError(expired)).toMatchObject({ code: 190, error_subcode: 463 });
    expect(String(graphError(expired).message)).toContain('Session has expired on');
  });

  it('accepts the versioned paths too', async () => {
    const { longToken } = await connect(t.app);
    t.sandbox.ctx.clock.advance(25 * HOUR);
    const response = await graph(t.app, 'GET', '/v25.0/refresh_access_token', {
      grant_type: 'ig_refresh_token',
      access_token: longToken,
    });
    expect(response.statusCode).toBe(200);
  });
});

describe('profile nodes', () => {
  it('serves /me under any vNN.0 and unversioned, with an app-scoped id different from user_id', async () => {
    const { longToken, appScopedId, igUserId } = await connect(t.app);
    const fields =
      'id,user_id,username,name,account_type,profile_picture_url,followers_count,follows_count,media_count';
    for (const prefix of ['', '/v21.0', '/v25.0', '/v26.0']) {
      const me = json(await graph(t.app, 'GET', `${prefix}/me`, { fields, access_token: longToken }));
      expect(me).toMatchObject({
        id: appScopedId,
        user_id: igUserId,
        account_type: 'BUSINESS',
        // The account's earlier posts (the sandbox world's default history).
        media_count: 24,
      });
    }
    expect(appScopedId).not.toBe(igUserId);
    expect(igUserId).toMatch(/^17841\d{12}$/);
    const node = json(
      await graph(t.app, 'GET', `/v25.0/${igUserId}`, { fields: 'id,username', access_token: longToken }),
    );
    expect(node).toEqual({ id: igUserId, username: 'aifactory.business' });
  });

  it('matches the app-scoped id to the token response user_id, read from the raw text', async () => {
    const code = (await consent(t.app, 'private')).searchParams.get('code') ?? '';
    const response = await exchangeCode(t.app, code);
    const rawUserId = /"user_id":(\d+)/.exec(response.body)?.[1];
    const me = json(
      await graph(t.app, 'GET', '/me', {
        fields: 'id,account_type',
        access_token: String(json(response).access_token),
      }),
    );
    expect(me).toEqual({ id: rawUserId, account_type: 'MEDIA_CREATOR' });
  });

  it('takes the token from an Authorization: Bearer header', async () => {
    const { longToken } = await connect(t.app);
    const response = await t.app.inject({
      method: 'GET',
      url: '/instagram/graph/v25.0/me?fields=username',
      headers: { authorization: `Bearer ${longToken}` },
    });
    expect(json(response)).toMatchObject({ username: 'aifactory.business' });
  });

  it('answers bad tokens, unknown fields, unknown objects and paths in the Graph envelope', async () => {
    const { longToken, appScopedId } = await connect(t.app);
    const garbage = await graph(t.app, 'GET', '/v25.0/me', { access_token: 'nope' });
    expect(garbage.statusCode).toBe(400);
    expect(graphError(garbage)).toMatchObject({
      code: 190,
      message: 'Invalid OAuth access token - Cannot parse access token',
    });
    expect(graphError(garbage).fbtrace_id).toEqual(expect.any(String));
    expect(graphError(await graph(t.app, 'GET', '/v25.0/me', {})).code).toBe(2500);

    const badField = await graph(t.app, 'GET', '/v25.0/me', { fields: 'id,plays', access_token: longToken });
    expect(graphError(badField)).toMatchObject({ code: 100 });
    expect(graphError(badField).message).toBe(
      '(#100) Tried accessing nonexisting field (plays) on node type (User)',
    );

    const appScopedNode = await graph(t.app, 'GET', `/v25.0/${appScopedId}`, { access_token: longToken });
    expect(graphError(appScopedNode)).toMatchObject({
      code: 100,
      error_subcode: 33,
      type: 'GraphMethodException',
    });

    const unknownPath = await graph(t.app, 'GET', '/v25.0/me/friends/list', { access_token: longToken });
    expect(unknownPath.statusCode).toBe(400);
    expect(graphError(unknownPath)).toMatchObject({
      code: 2500,
      message: 'Unknown path components: /friends/list',
    });
    const notAVersion = await graph(t.app, 'GET', '/version25/me', { access_token: longToken });
    expect(graphError(notAVersion).message).toBe('Unknown path components: /me');

    const badJson = await t.app.inject({
      method: 'POST',
      url: '/instagram/graph/v25.0/me/media',
      headers: { 'content-type': 'application/json' },
      payload: '{"caption":',
    });
    expect(badJson.statusCode).toBe(400);
    expect(graphError(badJson).code).toBe(100);
  });
});
