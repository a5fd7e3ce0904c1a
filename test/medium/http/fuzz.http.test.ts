import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../../fakes/multipart.js';
import { rawExchange } from '../../fakes/raw-http.js';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';

// Fixed seed and bound: the same requests on every run, so a failure is reproducible.
const SEED = 0x9e3779b9;
const CASES_PER_OPERATION = 16;
const PASSWORD = 'a long enough passphrase';
// Uploads are multipart, which the OpenAPI document does not describe as a JSON body.
const MULTIPART_PATHS = new Set(['/api/library', '/api/items/upload']);

interface Operation {
  method: string;
  path: string;
  params: { in: string; name: string }[];
  bodyProperties: string[] | null;
}

interface Attempt {
  method: string;
  url: string;
  headers?: Record<string, string>;
  payload?: string | Buffer;
}

/** mulberry32: a small seeded generator, enough to pick inputs reproducibly. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rng = seeded(SEED);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;

const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  'é'.repeat(300),
  '😀'.repeat(80),
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%E0%A4%A',
  'x'.repeat(200_000),
  'null',
  '-1',
  '1e309',
];
const ODD_PATH_PARAMS = [
  'a'.repeat(101),
  'a'.repeat(5000),
  '%E0%A4%A',
  '%zz',
  '%',
  '%C3%A9t%C3%A9',
  '%F0%9F%98%80',
  '..',
  '%2e%2e',
  'a%2Fb',
  '%00',
  'zzzzzzzzzzzzzzzzzzzzzzzzzz',
  '-1',
  'tiktok%20',
];
const ODD_QUERY_VALUES = [
  '-1',
  '0',
  'abc',
  '1e309',
  '99999999999999999999',
  '',
  '%E0%A4%A',
  'x'.repeat(3000),
  'nope',
];
const BAD_JSON = [
  '{"email": ',
  '[',
  'nul',
  '"unterminated',
  '{"a":1}}',
  '{"__proto__":{"admin":true}}',
  '['.repeat(5000),
];

function oddValue(depth = 0): unknown {
  const kinds = ['string', 'number', 'boolean', 'null', 'array', 'object'] as const;
  switch (depth > 2 ? pick(kinds.slice(0, 4)) : pick(kinds)) {
    case 'string':
      return pick(ODD_STRINGS);
    case 'number':
      return pick([-1, 0, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2]);
    case 'boolean':
      return rng() < 0.5;
    case 'null':
      return null;
    case 'array':
      return Array.from({ length: Math.floor(rng() * 4) }, () => oddValue(depth + 1));
    case 'object':
      return Object.fromEntries(
        Array.from({ length: Math.floor(rng() * 3) }, () => [
          pick(['a', 'caption', 'constructor', 'x'.repeat(500)]),
          oddValue(depth + 1),
        ]),
      );
  }
}

/** A JSON body of the operation's fields with wrong types, missing ones, or unknown ones. */
function oddBody(properties: string[]): string {
  const shape = pick([
    'wrong types',
    'missing',
    'unknown key',
    'huge strings',
    'not an object',
    'bad JSON',
  ] as const);
  switch (shape) {
    case 'wrong types':
      return JSON.stringify(Object.fromEntries(properties.map((p) => [p, oddValue()])));
    case 'missing':
      return JSON.stringify(
        Object.fromEntries(properties.filter(() => rng() < 0.3).map((p) => [p, oddValue()])),
      );
    case 'unknown key':
      return JSON.stringify({ ...Object.fromEntries(properties.map((p) => [p, oddValue()])), isAdmin: true });
    case 'huge strings':
      return JSON.stringify(Object.fromEntries(properties.map((p) => [p, 'y'.repeat(100_000)])));
    case 'not an object':
      return JSON.stringify(pick([[1, 2], 42, 'text', null, true]));
    case 'bad JSON':
      return pick(BAD_JSON);
  }
}

async function oddMultipart(): Promise<{ payload: string | Buffer; contentType: string }> {
  const bytes = Buffer.from(Array.from({ length: 2048 }, () => Math.floor(rng() * 256)));
  const form = await multipartBody(
    { title: pick(ODD_STRINGS), description: pick(ODD_STRINGS) },
    { field: pick(['file', 'video', 'other']), name: pick(['a.mp4', 'b.png', '', '../x.m3u8']), data: bytes },
  );
  switch (pick(['random bytes', 'truncated', 'no boundary', 'other boundary', 'well formed'] as const)) {
    case 'random bytes':
      return { payload: bytes, contentType: 'multipart/form-data; boundary=----fuzz' };
    case 'truncated':
      return {
        payload: form.payload.subarray(0, Math.floor(form.payload.length * rng())),
        contentType: form.contentType,
      };
    case 'no boundary':
      return { payload: form.payload, contentType: 'multipart/form-data; charset=utf-8' };
    case 'other boundary':
      return { payload: form.payload, contentType: 'multipart/form-data; boundary=not-the-one' };
    case 'well formed':
      return form;
  }
}

/** One malformed request for an operation: odd path parameters, query values, JSON or multipart bodies. */
async function attemptFor(op: Operation): Promise<Attempt> {
  const query = op.params.filter((p) => p.in === 'query');
  // Path parameters are always odd: a real id could open an endless progress stream.
  const path = op.path.replace(/\{(\w+)\}/g, () => pick(ODD_PATH_PARAMS));
  const queryString =
    query.length > 0 && rng() < 0.7
      ? `?${query.map((q) => `${q.name}=${pick(ODD_QUERY_VALUES)}`).join('&')}`
      : rng() < 0.2
        ? '?limit=1&limit=2&unknown=%ZZ'
        : '';
  const url = `${path}${queryString}`;
  if (MULTIPART_PATHS.has(op.path) && op.method === 'POST') {
    const { payload, contentType } = await oddMultipart();
    return { method: op.method, url, payload, headers: { 'content-type': contentType } };
  }
  if (op.bodyProperties !== null || (op.method !== 'GET' && rng() < 0.3)) {
    return {
      method: op.method,
      url,
      payload: oddBody(op.bodyProperties ?? ['x']),
      headers: { 'content-type': pick(['application/json', 'application/json; charset=utf-8']) },
    };
  }
  return { method: op.method, url };
}

/** True when the body is exactly `{"error":{"code","message"[,"details"]}}` with a snake_case code. */
function isErrorShape(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { error?: Record<string, unknown> };
    const error = parsed.error;
    return (
      Object.keys(parsed).length === 1 &&
      typeof error === 'object' &&
      error !== null &&
      typeof error.code === 'string' &&
      /^[a-z][a-z0-9_]*$/.test(error.code) &&
      typeof error.message === 'string' &&
      error.message.length > 0 &&
      Object.keys(error).every((k) => ['code', 'message', 'details'].includes(k))
    );
  } catch {
    return false;
  }
}

describe('fuzz: every API operation with seeded malformed input', () => {
  let t: TestApp;
  let owner: Client;
  let operations: Operation[];

  beforeAll(async () => {
    t = await startTestApp({}, { listen: true });
    owner = new Client(t.app, t.origin);
    await owner.signUp('owner@example.com', PASSWORD);
    // Some data for the lists to page through (the queue is not started: the item stays queued).
    await owner.post('/api/items', { topic: 'Seeded item for the fuzz' });
    await owner.post('/api/invitations', { email: 'invited@example.com', role: 'editor' });
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<
        string,
        Record<
          string,
          {
            parameters?: { in: string; name: string }[];
            requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
          }
        >
      >;
    }>();
    operations = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => {
        const schema = op.requestBody?.content?.['application/json']?.schema;
        return {
          method: method.toUpperCase(),
          path,
          params: op.parameters ?? [],
          bodyProperties: schema ? Object.keys(schema.properties ?? {}) : null,
        };
      }),
    );
  });
  afterAll(async () => t.close());

  it('finds the operations of the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(30);
    expect(operations.map((o) => `${o.method} ${o.path}`)).toEqual(
      expect.arrayContaining([
        'POST /api/library',
        'POST /api/items/upload',
        'POST /api/items/{id}/versions',
      ]),
    );
  });

  it('answers no 5xx, and every 4xx in the one error shape', async () => {
    const problems: string[] = [];
    for (const op of operations) {
      for (let i = 0; i < CASES_PER_OPERATION; i += 1) {
        const attempt = await attemptFor(op);
        const res = await t.app.inject({
          method: attempt.method as 'GET',
          url: attempt.url,
          headers: { origin: t.origin, cookie: owner.cookieHeader ?? '', ...attempt.headers },
          ...(attempt.payload !== undefined ? { payload: attempt.payload } : {}),
        });
        const bad = res.statusCode >= 500 || (res.statusCode >= 400 && !isErrorShape(res.body));
        if (bad)
          problems.push(
            `${attempt.method} ${attempt.url.slice(0, 120)} → ${res.statusCode} ${res.body.slice(0, 200)}`,
          );
      }
      // A fuzzed sign-out or sign-in may end the session: take it back for the next operation.
      if ((await owner.get('/api/me')).statusCode === 401) {
        await owner.post('/api/auth/signin', { email: 'owner@example.com', password: PASSWORD });
      }
    }
    expect(problems).toEqual([]);
  });

  it('answers raw bytes in the URL, which no client library sends, in the one error shape', async () => {
    const problems: string[] = [];
    for (const op of operations.filter((o) => o.path.includes('{'))) {
      const [before] = op.path.split('{');
      const line = Buffer.concat([
        Buffer.from(`${op.method} ${before}`),
        Buffer.from([0xc3, pick([0x00, 0xa9, 0xff]), 0x7f]),
        Buffer.from(' HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'),
      ]);
      const answer = await rawExchange(t.origin, line);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
      const body = answer.slice(answer.indexOf('\r\n\r\n') + 4);
      if (!(status >= 400 && status < 500 && isErrorShape(body)))
        problems.push(`${op.method} ${op.path} → ${answer.slice(0, 200)}`);
    }
    expect(problems).toEqual([]);
  });
});
