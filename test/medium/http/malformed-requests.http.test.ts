import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../../fakes/multipart.js';
import { parseRawAnswer, rawExchange } from '../../fakes/raw-http.js';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';

describe('bad input never gets a 500 or another error shape', () => {
  let t: TestApp;
  let owner: Client;

  beforeAll(async () => {
    t = await startTestApp({}, { listen: true });
    owner = new Client(t.app, t.origin);
    await owner.signUp('owner@example.com');
  });
  afterAll(async () => t.close());

  const post = (url: string, contentType: string, payload: Buffer | string) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { origin: t.origin, cookie: owner.cookieHeader ?? '', 'content-type': contentType },
      payload,
    });

  async function truncated(field: string): Promise<[string, Buffer]> {
    const { payload, contentType } = await multipartBody(
      { title: 'Cut short' },
      { field, name: 'clip.mp4', data: Buffer.alloc(4096, 3) },
    );
    return [contentType, payload.subarray(0, payload.length - 1200)];
  }

  describe.each([
    ['/api/library', 'file'],
    ['/api/items/upload', 'video'],
  ])('POST %s', (url, field) => {
    it.each<[string, () => Promise<[string, Buffer | string]>]>([
      ['a truncated body', () => truncated(field)],
      ['a multipart type without a boundary', async () => ['multipart/form-data; charset=utf-8', 'abc']],
      [
        'random bytes',
        async () => [
          'multipart/form-data; boundary=xyz',
          Buffer.from([...Array(512).keys()].map((i) => (i * 37) % 256)),
        ],
      ],
      ['a JSON body instead of a form', async () => ['application/json', '{"file":"clip.mp4"}']],
    ])('answers %s with 400 upload_malformed', async (_name, make) => {
      const [contentType, payload] = await make();
      const res = await post(url, contentType, payload);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toEqual({
        error: { code: 'upload_malformed', message: expect.any(String) as string },
      });
    });
  });

  it.each([
    ['a path parameter over 100 characters', `/api/items/${'a'.repeat(150)}`, 414, 'url_too_long'],
    ['broken percent-encoding', '/api/items/%E0%A4%A', 400, 'bad_url'],
    ['an invalid escape', '/api/library/%zz', 400, 'bad_url'],
  ])('answers %s in the one error shape', async (_name, url, status, code) => {
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie: owner.cookieHeader ?? '' } });
    expect(res.statusCode).toBe(status);
    expect(res.json()).toEqual({ error: { code, message: expect.any(String) as string } });
  });

  it('answers a raw non-ASCII byte in the URL in the one error shape', async () => {
    const answer = await rawExchange(
      t.origin,
      Buffer.concat([
        Buffer.from('GET /api/items/'),
        Buffer.from([0xe9, 0x00]),
        Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n'),
      ]),
    );
    expect(parseRawAnswer(answer)).toEqual({
      status: 400,
      body: { error: { code: 'bad_request', message: expect.any(String) as string } },
    });
  });

  it("keeps a client's Connection: close on the progress stream", async () => {
    const created = await owner.post('/api/items', { topic: 'A video still waiting' });
    const { item } = created.json<{ item: { id: string } }>();
    const connection = await new Promise<string | undefined>((resolve, reject) => {
      const req = httpRequest(`${t.origin}/api/items/${item.id}/events`, {
        agent: false,
        headers: { cookie: owner.cookieHeader ?? '', connection: 'close' },
      });
      req.on('response', (res) => {
        expect(res.statusCode).toBe(200);
        resolve(res.headers.connection);
        req.destroy();
      });
      req.on('error', reject);
      req.end();
    });
    expect(connection).toBe('close');
  });
});
