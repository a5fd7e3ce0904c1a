import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { InstagramSettings, SandboxSettings } from '../core/settings.js';
import { defaultSettings } from '../core/settings.js';
import { createSandbox, type Sandbox } from '../server.js';
import { instagramModule } from './module.js';

export const REDIRECT_URI = 'http://localhost:8080/oauth/instagram/callback';
export const APP = defaultSettings().apps.instagram;
export const ALL_SCOPES =
  'instagram_business_basic,instagram_business_content_publish,instagram_business_manage_insights';

export interface TestSandbox {
  app: FastifyInstance;
  sandbox: Sandbox;
  close(): Promise<void>;
}

/** A sandbox serving Instagram only, reached through app.inject(); fast retries for callbacks. */
export async function startSandbox(
  instagram: Partial<InstagramSettings> = {},
  extra: Partial<SandboxSettings> = {},
): Promise<TestSandbox> {
  const defaults = defaultSettings();
  const sandbox = createSandbox({
    publicUrl: 'http://127.0.0.1:4010',
    modules: [instagramModule({ callbackRetry: { backoffMs: () => 20 } })],
    webhooks: { backoffMs: () => 20 },
    settings: {
      apps: { ...defaults.apps, instagram: { ...APP, redirectUris: [REDIRECT_URI] } },
      instagram: { ...defaults.instagram, containerProcessingMs: 30_000, ...instagram },
      ...extra,
    },
  });
  const app = Fastify({ logger: false });
  await app.register(sandbox.plugin);
  await app.ready();
  return {
    app,
    sandbox,
    close: async () => {
      sandbox.close();
      await app.close();
    },
  };
}

/** JSON body of an injected response. */
export function json(response: LightMyRequestResponse): Record<string, unknown> {
  return response.json<Record<string, unknown>>();
}

/** The `error` object of a Graph error response. */
export function graphError(response: LightMyRequestResponse): Record<string, unknown> {
  return json(response).error as Record<string, unknown>;
}

/** A Graph call on the graph.instagram.com mount, parameters in the query (GET) or a form body (POST). */
export async function graph(
  app: FastifyInstance,
  method: 'GET' | 'POST',
  path: string,
  params: Record<string, string>,
): Promise<LightMyRequestResponse> {
  const encoded = new URLSearchParams(params).toString();
  if (method === 'GET') return app.inject({ method, url: `/instagram/graph${path}?${encoded}` });
  return app.inject({
    method,
    url: `/instagram/graph${path}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: encoded,
  });
}

/** The authorize URL query for the registered app. */
export function authorizeQuery(overrides: Record<string, string> = {}): string {
  return new URLSearchParams({
    client_id: APP.clientId,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: ALL_SCOPES,
    state: 'xyz',
    ...overrides,
  }).toString();
}

/** Runs the consent form as a person would and returns the callback URL. */
export async function consent(
  app: FastifyInstance,
  persona: string,
  grantedScopes: string[] = ALL_SCOPES.split(','),
  scope = ALL_SCOPES,
): Promise<URL> {
  const form = new URLSearchParams({
    client_id: APP.clientId,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope,
    state: 'xyz',
    persona,
  });
  for (const s of grantedScopes) form.append('granted_scope', s);
  const response = await app.inject({
    method: 'POST',
    url: '/instagram/www/oauth/authorize',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: form.toString(),
  });
  if (response.statusCode !== 302)
    throw new Error(`consent answered ${response.statusCode}: ${response.body}`);
  return new URL(String(response.headers.location));
}

/** Exchanges an authorization code on api.instagram.com. */
export async function exchangeCode(
  app: FastifyInstance,
  code: string,
  overrides: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/instagram/api/oauth/access_token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      client_id: APP.clientId,
      client_secret: APP.clientSecret,
      grant_type: 'authorization_code',
      redirect_uri: REDIRECT_URI,
      code,
      ...overrides,
    }).toString(),
  });
}

/** Consent + code exchange + long-lived exchange: a connected account's tokens and ids. */
export async function connect(
  app: FastifyInstance,
  persona = 'public',
  grantedScopes?: string[],
): Promise<{ shortToken: string; longToken: string; igUserId: string; appScopedId: string }> {
  const callback = await consent(app, persona, grantedScopes);
  const short = await exchangeCode(app, callback.searchParams.get('code') ?? '');
  const shortToken = String(json(short).access_token);
  const long = await graph(app, 'GET', '/access_token', {
    grant_type: 'ig_exchange_token',
    client_secret: APP.clientSecret,
    access_token: shortToken,
  });
  const longToken = String(json(long).access_token);
  const me = json(await graph(app, 'GET', '/v25.0/me', { fields: 'id,user_id', access_token: longToken }));
  return { shortToken, longToken, igUserId: String(me.user_id), appScopedId: String(me.id) };
}

/** A minimal MP4: `ftyp`, a `moov` whose `mvhd` carries the duration, and `mdat` (moov first by default). */
export function mp4File(
  durationMs: number,
  options: { moovFirst?: boolean; mdatBytes?: number } = {},
): Buffer {
  const box = (type: string, payload: Buffer): Buffer => {
    const header = Buffer.alloc(8);
    header.writeUInt32BE(8 + payload.length, 0);
    header.write(type, 4, 'latin1');
    return Buffer.concat([header, payload]);
  };
  const ftyp = box('ftyp', Buffer.from('isom\0\0\x02\0isomiso2avc1mp41', 'latin1'));
  const mvhd = Buffer.alloc(100);
  mvhd.writeUInt32BE(1000, 12); // timescale: milliseconds
  mvhd.writeUInt32BE(durationMs, 16);
  const moov = box('moov', box('mvhd', mvhd));
  const mdat = box('mdat', Buffer.alloc(options.mdatBytes ?? 2048, 7));
  return options.moovFirst === false ? Buffer.concat([ftyp, mdat, moov]) : Buffer.concat([ftyp, moov, mdat]);
}

export interface Route {
  status?: number;
  body?: Buffer | string;
  /** Never answer (for timeouts). */
  hang?: boolean;
  contentType?: string;
}

export interface LocalServer {
  url(path: string): string;
  requests: { method: string; path: string; body: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

/** A tiny HTTP server on 127.0.0.1:0 serving fixed routes (video files, webhook receivers). */
export async function startLocalServer(routes: Record<string, Route | (() => Route)>): Promise<LocalServer> {
  const requests: LocalServer['requests'] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      requests.push({
        method: request.method ?? '',
        path,
        body: Buffer.concat(chunks).toString(),
        headers: request.headers,
      });
      const entry = routes[path];
      const route = typeof entry === 'function' ? entry() : entry;
      if (route?.hang) return;
      response.writeHead(route?.status ?? (route ? 200 : 404), {
        'content-type': route?.contentType ?? 'video/mp4',
      });
      response.end(route?.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
