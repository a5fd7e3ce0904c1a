import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One stored object of the fake bucket. */
interface FakeObject {
  bytes: Buffer;
  generation: string;
  contentType: string;
  cacheControl?: string;
}

/** What the fake saw: method, path and query of each request, and requests it did not understand. */
export interface FakeGcsLog {
  requests: string[];
  unhandled: string[];
}

/** A running fake: its endpoint (the GCS_API_ENDPOINT), buckets, request log and shutdown. */
export interface FakeGcs {
  endpoint: string;
  buckets: Map<string, Map<string, FakeObject>>;
  log: FakeGcsLog;
  close(): Promise<void>;
}

/**
 * A small Cloud Storage stand-in on 127.0.0.1 speaking the JSON API subset @google-cloud/storage uses (multipart
 * upload, metadata, alt=media download, delete, list by prefix, rewrite) and serving V4 signed URLs, verified
 * with the test's service-account public key. Anything else answers 501 and is logged as unhandled.
 */
export async function startFakeGcs(options: {
  buckets: string[];
  /** PEM public key of the service account whose signed URLs are honoured. */
  publicKeyPem: string;
  /** The fake's clock for signed-URL expiry (tests move it forward). */
  now?: () => number;
}): Promise<FakeGcs> {
  const buckets = new Map(options.buckets.map((b) => [b, new Map<string, FakeObject>()]));
  const log: FakeGcsLog = { requests: [], unhandled: [] };
  const publicKey = createPublicKey(options.publicKeyPem);
  const now = options.now ?? Date.now;
  let generations = 1_700_000_000_000_000;
  const ctx = { buckets, publicKey, now, nextGeneration: () => String(++generations) };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    log.requests.push(`${req.method} ${url.pathname}${url.search}`);
    void readBody(req)
      .then((body) => route(ctx, req, res, url, body))
      .then((handled) => {
        if (!handled) {
          log.unhandled.push(`${req.method} ${req.url}`);
          sendJson(res, 501, { error: { code: 501, message: 'not in the fake' } });
        }
      })
      .catch((error: unknown) => sendJson(res, 500, { error: { code: 500, message: String(error) } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}`, buckets, log, close: () => closeServer(server) };
}

interface Ctx {
  buckets: Map<string, Map<string, FakeObject>>;
  publicKey: KeyObject;
  now: () => number;
  nextGeneration: () => string;
}

async function route(ctx: Ctx, req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer) {
  const path = url.pathname;
  let m = /^\/upload\/storage\/v1\/b\/([^/]+)\/o$/.exec(path);
  if (m && req.method === 'POST' && url.searchParams.get('uploadType') === 'multipart') {
    const bucket = ctx.buckets.get(dec(m[1]));
    if (!bucket) return (notFound(res), true);
    const parts = multipartParts(body, req.headers['content-type'] ?? '');
    const meta = JSON.parse(parts[0]?.toString('utf8') ?? '{}') as Record<string, string>;
    const name = url.searchParams.get('name') ?? meta.name ?? '';
    const object: FakeObject = {
      bytes: parts[1] ?? Buffer.alloc(0),
      generation: ctx.nextGeneration(),
      contentType: meta.contentType ?? 'application/octet-stream',
      ...(meta.cacheControl ? { cacheControl: meta.cacheControl } : {}),
    };
    bucket.set(name, object);
    return (sendJson(res, 200, resource(dec(m[1]), name, object)), true);
  }
  m = /^\/storage\/v1\/b\/([^/]+)\/o\/([^/]+)\/rewriteTo\/b\/([^/]+)\/o\/([^/]+)$/.exec(path);
  if (m && req.method === 'POST') {
    const from = ctx.buckets.get(dec(m[1]))?.get(dec(m[2]));
    const to = ctx.buckets.get(dec(m[3]));
    if (!from || !to) return (notFound(res), true);
    const copy = { ...from, generation: ctx.nextGeneration() };
    to.set(dec(m[4]), copy);
    const size = String(copy.bytes.length);
    const done = resource(dec(m[3]), dec(m[4]), copy);
    const answer = {
      kind: 'storage#rewriteResponse',
      totalBytesRewritten: size,
      objectSize: size,
      done: true,
    };
    return (sendJson(res, 200, { ...answer, resource: done }), true);
  }
  m = /^\/storage\/v1\/b\/([^/]+)\/o\/([^/]+)$/.exec(path);
  if (m) {
    const bucketName = dec(m[1]);
    const name = dec(m[2]);
    const bucket = ctx.buckets.get(bucketName);
    const object = bucket?.get(name);
    const generation = url.searchParams.get('generation');
    if (!bucket || !object || (generation && generation !== object.generation)) return (notFound(res), true);
    if (req.method === 'DELETE') {
      bucket.delete(name);
      res.writeHead(204).end();
      return true;
    }
    if (req.method !== 'GET') return false;
    if (url.searchParams.get('alt') === 'media') return (sendBytes(res, object), true);
    return (sendJson(res, 200, resource(bucketName, name, object)), true);
  }
  m = /^\/storage\/v1\/b\/([^/]+)\/o$/.exec(path);
  if (m && req.method === 'GET') {
    const bucket = ctx.buckets.get(dec(m[1]));
    if (!bucket) return (notFound(res), true);
    const prefix = url.searchParams.get('prefix') ?? '';
    const items = [...bucket.entries()]
      .filter(([name]) => name.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, o]) => resource(dec(m?.[1] ?? ''), name, o));
    return (sendJson(res, 200, { kind: 'storage#objects', items }), true);
  }
  if (url.searchParams.has('X-Goog-Signature') && req.method === 'GET')
    return servesSigned(ctx, req, res, url);
  return false;
}

/** A V4 signed GET: the signature must verify with the public key and the URL must not have expired. */
function servesSigned(ctx: Ctx, req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  const q = url.searchParams;
  const signature = q.get('X-Goog-Signature') ?? '';
  const date = q.get('X-Goog-Date') ?? '';
  const credential = q.get('X-Goog-Credential') ?? '';
  const scope = credential.split('/').slice(1).join('/');
  const canonicalQuery = [...q.entries()]
    .filter(([k]) => k !== 'X-Goog-Signature')
    .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
    .sort()
    .join('&');
  const canonicalRequest = [
    'GET',
    url.pathname,
    canonicalQuery,
    // The library signs the endpoint's host name without its port (Google's endpoint has none).
    `host:${(req.headers.host ?? '').replace(/:\d+$/, '')}\n`,
    q.get('X-Goog-SignedHeaders') ?? '',
    'UNSIGNED-PAYLOAD',
  ].join('\n');
  const hashed = createHash('sha256').update(canonicalRequest).digest('hex');
  const stringToSign = ['GOOG4-RSA-SHA256', date, scope, hashed].join('\n');
  const valid =
    q.get('X-Goog-Algorithm') === 'GOOG4-RSA-SHA256' &&
    /^[0-9a-f]+$/.test(signature) &&
    verify('RSA-SHA256', Buffer.from(stringToSign), ctx.publicKey, Buffer.from(signature, 'hex'));
  if (!valid) return (sendXml(res, 403, 'SignatureDoesNotMatch'), true);
  const signedAt = Date.parse(
    date.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'),
  );
  if (!(ctx.now() <= signedAt + Number(q.get('X-Goog-Expires')) * 1000))
    return (sendXml(res, 400, 'ExpiredToken'), true);
  const [, bucketName = '', ...rest] = url.pathname.split('/');
  const object = ctx.buckets.get(dec(bucketName))?.get(rest.map(dec).join('/'));
  if (!object) return (sendXml(res, 404, 'NoSuchKey'), true);
  return (sendBytes(res, object), true);
}

function resource(bucket: string, name: string, o: FakeObject) {
  return {
    kind: 'storage#object',
    id: `${bucket}/${name}/${o.generation}`,
    bucket,
    name,
    generation: o.generation,
    metageneration: '1',
    size: String(o.bytes.length),
    contentType: o.contentType,
    md5Hash: createHash('md5').update(o.bytes).digest('base64'),
    crc32c: crc32cBase64(o.bytes),
    ...(o.cacheControl ? { cacheControl: o.cacheControl } : {}),
  };
}

function sendBytes(res: ServerResponse, o: FakeObject): void {
  res.writeHead(200, {
    'content-type': o.contentType,
    'content-length': String(o.bytes.length),
    'x-goog-generation': o.generation,
    'x-goog-hash': `crc32c=${crc32cBase64(o.bytes)},md5=${createHash('md5').update(o.bytes).digest('base64')}`,
  });
  res.end(o.bytes);
}

function sendJson(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function sendXml(res: ServerResponse, status: number, code: string): void {
  res.writeHead(status, { 'content-type': 'application/xml' }).end(`<Error><Code>${code}</Code></Error>`);
}

function notFound(res: ServerResponse): void {
  sendJson(res, 404, { error: { code: 404, message: 'No such object' } });
}

/** The parts of a multipart/related body, headers stripped. */
function multipartParts(body: Buffer, contentType: string): Buffer[] {
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
  if (!boundary) return [];
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Buffer[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const next = body.indexOf(delimiter, at + delimiter.length);
    if (next < 0) break;
    const part = body.subarray(at + delimiter.length, next);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd >= 0) parts.push(part.subarray(headerEnd + 4, part.length - 2));
    at = next;
  }
  return parts;
}

const CRC32C_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32C (Castagnoli) of the bytes, big-endian, base64: how GCS reports it. */
function crc32cBase64(bytes: Buffer): string {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC32C_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  const out = Buffer.alloc(4);
  out.writeUInt32BE((crc ^ 0xffffffff) >>> 0);
  return out.toString('base64');
}

const rfc3986 = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const dec = (s: string | undefined) => decodeURIComponent(s ?? '');

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
}
