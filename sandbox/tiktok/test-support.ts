/** Shared helpers of the TikTok sandbox tests (not a test file itself). */
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PlatformModule, SandboxContext } from '../core/context.js';
import { defaultSettings, type PersonaId, type TiktokSettings } from '../core/settings.js';
import type { WebhookSenderOptions } from '../core/webhooks.js';
import { createSandbox, type Sandbox } from '../server.js';
import { tiktokModule } from './module.js';

export const CLIENT_KEY = 'sandbox-tiktok-client-key';
export const CLIENT_SECRET = 'sandbox-tiktok-secret';
export const REDIRECT_URI = 'https://app.example.com/oauth/tiktok/callback';
export const ALL_SCOPES = [
  'user.info.basic',
  'user.info.profile',
  'user.info.stats',
  'video.list',
  'video.upload',
  'video.publish',
];
export const AUTH = '/tiktok/www';
export const API = '/tiktok/open-api';

export interface Envelope<T = Record<string, unknown>> {
  data: T;
  error: { code: string; message: string; log_id: string };
}

export interface TokenBody {
  open_id: string;
  scope: string;
  access_token: string;
  expires_in: number;
  refresh_token: string;
  refresh_expires_in: number;
  token_type: string;
}

export interface Harness {
  app: FastifyInstance;
  sandbox: Sandbox;
  ctx: SandboxContext;
  /** Path prefix under which the sandbox plugin is registered ('' by default). */
  prefix: string;
  close(): Promise<void>;
}

export interface HarnessOptions {
  tiktok?: Partial<TiktokSettings>;
  webhookUrl?: string | null;
  webhooks?: WebhookSenderOptions;
  prefix?: string;
  seed?: number;
  /** A module instance to share between sandboxes (a fresh one by default). */
  module?: PlatformModule;
}

/** A sandbox with only the TikTok module, on a Fastify app driven by inject(). */
export async function startSandbox(options: HarnessOptions = {}): Promise<Harness> {
  const prefix = options.prefix ?? '';
  const defaults = defaultSettings();
  const sandbox = createSandbox({
    publicUrl: `http://127.0.0.1:4010${prefix}`,
    modules: [options.module ?? tiktokModule()],
    webhooks: options.webhooks ?? { backoffMs: () => 10 },
    settings: {
      apps: { ...defaults.apps, tiktok: { ...defaults.apps.tiktok, redirectUris: [REDIRECT_URI] } },
      webhookUrls: { ...defaults.webhookUrls, tiktok: options.webhookUrl ?? null },
      seed: options.seed ?? defaults.seed,
      tiktok: { ...defaults.tiktok, ...options.tiktok },
    },
  });
  const app = Fastify({ logger: false });
  await app.register(sandbox.plugin, { prefix });
  await app.ready();
  return {
    app,
    sandbox,
    ctx: sandbox.ctx,
    prefix,
    close: async () => {
      sandbox.close();
      await app.close();
    },
  };
}

/** The authorize query of a web app, with overrides (undefined removes a parameter). */
export function authorizeParams(overrides: Record<string, string | undefined> = {}): URLSearchParams {
  const params: Record<string, string | undefined> = {
    client_key: CLIENT_KEY,
    scope: ALL_SCOPES.join(','),
    response_type: 'code',
    redirect_uri: REDIRECT_URI,
    state: 'st-123',
    ...overrides,
  };
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) search.set(k, v);
  return search;
}

/** Answers the consent form as a person would: persona and ticked scopes. */
export async function submitConsent(
  h: Harness,
  persona: PersonaId,
  ticked: string[],
  params = authorizeParams(),
): Promise<LightMyRequestResponse> {
  const form = new URLSearchParams(params);
  form.set('persona', persona);
  for (const scope of ticked) form.append('granted_scope', scope);
  return h.app.inject({
    method: 'POST',
    url: `${h.prefix}${AUTH}/v2/auth/authorize/`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: form.toString(),
  });
}

/** The query of a redirect's Location. */
export function redirectQuery(res: LightMyRequestResponse): URLSearchParams {
  return new URL(String(res.headers.location)).searchParams;
}

/** POSTs a form to the token endpoint. */
export async function tokenCall(h: Harness, fields: Record<string, string>): Promise<LightMyRequestResponse> {
  return h.app.inject({
    method: 'POST',
    url: `${h.prefix}${API}/v2/oauth/token/`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
}

/** Consent as `persona`, then exchange the code: a connected account's tokens. */
export async function connect(
  h: Harness,
  persona: PersonaId = 'public',
  scopes = ALL_SCOPES,
): Promise<TokenBody> {
  const consent = await submitConsent(h, persona, scopes, authorizeParams({ scope: scopes.join(',') }));
  const code = redirectQuery(consent).get('code') ?? '';
  const res = await tokenCall(h, {
    client_key: CLIENT_KEY,
    client_secret: CLIENT_SECRET,
    code,
    grant_type: 'authorization_code',
    redirect_uri: REDIRECT_URI,
  });
  return res.json<TokenBody>();
}

/** A call to the API host with a bearer token and a JSON body. */
export async function apiCall(
  h: Harness,
  method: 'GET' | 'POST',
  path: string,
  token: string | null,
  json?: unknown,
): Promise<LightMyRequestResponse> {
  return h.app.inject({
    method,
    url: `${h.prefix}${API}${path}`,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(json !== undefined ? { 'content-type': 'application/json; charset=UTF-8' } : {}),
    },
    ...(json !== undefined ? { payload: JSON.stringify(json) } : {}),
  });
}

/** The path and query of an absolute URL the sandbox returned (to inject it). */
export function localPath(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

/** A FILE_UPLOAD source_info for a buffer, using TikTok's chunk math. */
export function fileSource(size: number, chunkSize = Math.min(size, 10_000_000)) {
  return {
    source: 'FILE_UPLOAD',
    video_size: size,
    chunk_size: chunkSize,
    total_chunk_count: Math.max(1, Math.floor(size / chunkSize)),
  };
}

/** PUTs the chunks of a file to its upload URL, in order; returns the statuses. */
export async function uploadFile(
  h: Harness,
  uploadUrl: string,
  file: Buffer,
  chunkSize: number,
): Promise<number[]> {
  const count = Math.max(1, Math.floor(file.length / chunkSize));
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    const first = i * chunkSize;
    const last = i === count - 1 ? file.length - 1 : first + chunkSize - 1;
    const res = await h.app.inject({
      method: 'PUT',
      url: localPath(uploadUrl),
      headers: { 'content-type': 'video/mp4', 'content-range': `bytes ${first}-${last}/${file.length}` },
      payload: file.subarray(first, last + 1),
    });
    statuses.push(res.statusCode);
  }
  return statuses;
}

function box(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(body.length + 8, 0);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
}

function u32(...values: number[]): Buffer {
  const buf = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => buf.writeUInt32BE(v, i * 4));
  return buf;
}

export interface Mp4Spec {
  durationSec?: number;
  width?: number;
  height?: number;
  fps?: number;
  /** Total file size (an mdat pads the file); at least the size of the boxes. */
  totalBytes?: number;
  moovAtEnd?: boolean;
}

/** A minimal MP4 (ftyp, moov with one video track, mdat) whose metadata the sandbox's media checks read. */
export function makeMp4(spec: Mp4Spec = {}): Buffer {
  const { durationSec = 12, width = 1080, height = 1920, fps = 30 } = spec;
  const timescale = 1000;
  const frames = Math.round(durationSec * fps);
  const mvhd = box('mvhd', u32(0, 0, 0, timescale, durationSec * timescale), Buffer.alloc(80));
  const tkhd = box(
    'tkhd',
    u32(0, 0, 0, 1, 0, durationSec * timescale),
    Buffer.alloc(52),
    u32(width * 65536, height * 65536),
  );
  const mdhd = box('mdhd', u32(0, 0, 0, 90000, frames * Math.round(90000 / fps)), Buffer.alloc(4));
  const hdlr = box('hdlr', u32(0, 0), Buffer.from('vide', 'latin1'), Buffer.alloc(13));
  const stts = box('stts', u32(0, 1, frames, Math.round(90000 / fps)));
  const trak = box('trak', tkhd, box('mdia', mdhd, hdlr, box('minf', box('stbl', stts))));
  const moov = box('moov', mvhd, trak);
  const ftyp = box(
    'ftyp',
    Buffer.from('isom', 'latin1'),
    u32(512),
    Buffer.from('isomiso2avc1mp41', 'latin1'),
  );
  const fixed = ftyp.length + moov.length + 8;
  const mdat = box('mdat', Buffer.alloc(Math.max(0, (spec.totalBytes ?? 0) - fixed)));
  return spec.moovAtEnd ? Buffer.concat([ftyp, mdat, moov]) : Buffer.concat([ftyp, moov, mdat]);
}

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local webhook receiver on 127.0.0.1; `statuses` are answered in turn, then 200. */
export async function startReceiver(statuses: number[] = []): Promise<{
  url: string;
  received: ReceivedWebhook[];
  close(): Promise<void>;
}> {
  const received: ReceivedWebhook[] = [];
  const queue = [...statuses];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = queue.shift() ?? 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/tiktok`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
