import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import type { SandboxContext } from '../core/context.js';
import {
  defaultSettings,
  type GoogleSettings,
  type PersonaId,
  type SandboxSettings,
} from '../core/settings.js';
import { createSandbox } from '../server.js';
import { youtubeModule } from './module.js';
import { SCOPES } from './scopes.js';

export const REDIRECT_URI = 'http://localhost:8080/oauth/youtube/callback';
export const CLIENT_ID = 'sandbox-client.apps.googleusercontent.com';
export const CLIENT_SECRET = 'sandbox-google-secret';
/** Path prefix the tests mount the sandbox under, to prove any base-URL prefix works. */
const PREFIX = '/sbx';

/** A sandbox with only the YouTube module, listening on 127.0.0.1 on an ephemeral port. */
export interface RunningSandbox {
  ctx: SandboxContext;
  app: FastifyInstance;
  /** GOOGLE_AUTH_BASE_URL, GOOGLE_OAUTH2_BASE_URL, YOUTUBE_API_BASE_URL. */
  auth: string;
  oauth2: string;
  api: string;
  admin: string;
  close(): Promise<void>;
}

/** Starts the sandbox on 127.0.0.1:0 (the server listens first, so the public URL carries the real port). */
export async function startSandbox(
  google: Partial<GoogleSettings> = {},
  settings: Partial<SandboxSettings> = {},
): Promise<RunningSandbox> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const base = defaultSettings();
  const sandbox = createSandbox({
    publicUrl: `${origin}${PREFIX}`,
    modules: [youtubeModule()],
    settings: {
      apps: { ...base.apps, google: { ...base.apps.google, redirectUris: [REDIRECT_URI] } },
      google: { ...base.google, ...google },
      ...settings,
    },
  });
  const app = Fastify({
    logger: false,
    forceCloseConnections: true,
    serverFactory: (handler) => server.on('request', handler),
  });
  await app.register(sandbox.plugin, { prefix: PREFIX });
  await app.ready();
  return {
    ctx: sandbox.ctx,
    app,
    auth: sandbox.baseUrls.GOOGLE_AUTH_BASE_URL,
    oauth2: sandbox.baseUrls.GOOGLE_OAUTH2_BASE_URL,
    api: sandbox.baseUrls.YOUTUBE_API_BASE_URL,
    admin: `${origin}${PREFIX}/__sandbox`,
    close: async () => {
      sandbox.close();
      await app.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A PKCE verifier and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The authorize URL with sane defaults (offline, PKCE S256, upload + readonly scopes). */
export function authorizeUrl(sb: RunningSandbox, params: Record<string, string | undefined>): string {
  const url = new URL(`${sb.auth}/o/oauth2/v2/auth`);
  const all: Record<string, string | undefined> = {
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: `${SCOPES.upload} ${SCOPES.readonly}`,
    access_type: 'offline',
    state: 'st-1',
    ...params,
  };
  for (const [key, value] of Object.entries(all)) if (value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}

/** Submits the consent form as a persona with the ticked scopes; returns the redirect Location. */
export async function consent(
  sb: RunningSandbox,
  params: Record<string, string | undefined>,
  persona: PersonaId,
  ticked?: string[],
): Promise<URL> {
  const query = new URL(authorizeUrl(sb, params)).searchParams;
  const form = new URLSearchParams(query);
  form.set('persona', persona);
  for (const scope of ticked ?? (query.get('scope') ?? '').split(' ')) form.append('granted_scope', scope);
  const res = await fetch(`${sb.auth}/o/oauth2/v2/auth`, { method: 'POST', body: form, redirect: 'manual' });
  if (res.status !== 302) throw new Error(`consent answered ${res.status}: ${await res.text()}`);
  return new URL(res.headers.get('location') ?? '');
}

/** POSTs a form to the token endpoint. */
export async function tokenCall(sb: RunningSandbox, fields: Record<string, string>): Promise<Response> {
  return fetch(`${sb.oauth2}/token`, { method: 'POST', body: new URLSearchParams(fields) });
}

export interface TokenBody {
  access_token: string;
  expires_in: number;
  refresh_token?: string;
  scope: string;
  token_type: string;
}

/** Consent + code exchange with PKCE: the tokens of a persona. */
export async function connect(
  sb: RunningSandbox,
  persona: PersonaId = 'public',
  params: Record<string, string | undefined> = {},
): Promise<TokenBody> {
  const { verifier, challenge } = pkcePair();
  const pkce = { code_challenge: challenge, code_challenge_method: 'S256' };
  const callback = await consent(sb, { ...pkce, ...params }, persona);
  const res = await tokenCall(sb, {
    grant_type: 'authorization_code',
    code: callback.searchParams.get('code') ?? '',
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    redirect_uri: REDIRECT_URI,
    code_verifier: verifier,
  });
  if (res.status !== 200) throw new Error(`token answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as TokenBody;
}

/** Bytes that start like an MP4 (ftyp box), so processing succeeds. */
export function fakeMp4(size: number): Buffer {
  const data = Buffer.alloc(size, 7);
  Buffer.from([0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d]).copy(data);
  return data;
}

export const VALID_METADATA = {
  snippet: {
    title: 'Sandbox clip',
    description: 'Made by AI Factory',
    tags: ['ai', 'factory'],
    categoryId: '22',
  },
  status: { privacyStatus: 'public', selfDeclaredMadeForKids: false, containsSyntheticMedia: true },
};

/** Opens a resumable session; returns the raw response. */
export async function initUpload(
  sb: RunningSandbox,
  accessToken: string,
  size: number,
  metadata: unknown = VALID_METADATA,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${sb.api}/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${accessToken}`,
      'content-type': 'application/json; charset=UTF-8',
      'x-upload-content-length': String(size),
      'x-upload-content-type': 'video/mp4',
      ...headers,
    },
    body: JSON.stringify(metadata),
  });
}

/** PUTs one chunk of `file` to a session URI. */
export async function putChunk(
  sessionUri: string,
  file: Buffer,
  first: number,
  last: number,
): Promise<Response> {
  return fetch(sessionUri, {
    method: 'PUT',
    headers: { 'content-range': `bytes ${first}-${last}/${file.length}`, 'content-type': 'video/mp4' },
    body: file.subarray(first, last + 1),
  });
}

/** Uploads a whole file in one session; returns the video resource of the final response. */
export async function uploadVideo(
  sb: RunningSandbox,
  accessToken: string,
  file: Buffer,
  metadata: unknown = VALID_METADATA,
): Promise<{ id: string } & Record<string, unknown>> {
  const init = await initUpload(sb, accessToken, file.length, metadata);
  if (init.status !== 200) throw new Error(`init answered ${init.status}: ${await init.text()}`);
  const res = await putChunk(init.headers.get('location') ?? '', file, 0, file.length - 1);
  if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { id: string } & Record<string, unknown>;
}

/** GET on the Data API with a bearer token. */
export async function apiGet(sb: RunningSandbox, path: string, accessToken?: string): Promise<Response> {
  return fetch(
    `${sb.api}${path}`,
    accessToken ? { headers: { authorization: `Bearer ${accessToken}` } } : {},
  );
}

/** Calls the admin API. */
export async function adminCall(
  sb: RunningSandbox,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  return fetch(`${sb.admin}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
}
