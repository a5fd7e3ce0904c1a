import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TiktokSettings } from '../core/settings.js';

// A per-process marker that no caller can guess, so user text is never turned into a bare number.
const INT64_MARK = `int64-${randomBytes(6).toString('hex')}:`;
const INT64_PATTERN = new RegExp(`"${INT64_MARK}(\\d+)"`, 'g');

/** A 64-bit id that TikTok writes as a bare JSON number (too big for a JS number). */
export class Int64 {
  constructor(readonly digits: string) {}

  toJSON(): string {
    return `${INT64_MARK}${this.digits}`;
  }
}

/** JSON.stringify that writes Int64 values as bare integers, exactly as TikTok does. */
export function toTiktokJson(value: unknown): string {
  return JSON.stringify(value).replace(INT64_PATTERN, '$1');
}

/** A TikTok-style log id: UTC yyyyMMddHHmmss followed by 20 upper-case hex digits. */
export function newLogId(nowMs: number): string {
  const stamp = new Date(nowMs).toISOString().replace(/\D/g, '').slice(0, 14);
  return `${stamp}${randomBytes(10).toString('hex').toUpperCase()}`;
}

/** The §1.2 error object. */
export function errorObject(code: string, message: string, nowMs: number) {
  return { code, message, log_id: newLogId(nowMs) };
}

/** Sends a §1.2 envelope: `{data, error:{code,message,log_id}}` with TikTok's x-tt-logid header. */
export async function sendEnvelope(
  reply: FastifyReply,
  nowMs: number,
  status: number,
  data: unknown,
  code = 'ok',
  message = '',
): Promise<FastifyReply> {
  const error = errorObject(code, message, nowMs);
  return reply
    .code(status)
    .header('x-tt-logid', error.log_id)
    .type('application/json; charset=utf-8')
    .send(toTiktokJson({ data, error }));
}

/** A §1.2 error answer (`data` is an empty object). */
export async function sendApiError(
  reply: FastifyReply,
  nowMs: number,
  status: number,
  code: string,
  message: string,
): Promise<FastifyReply> {
  return sendEnvelope(reply, nowMs, status, {}, code, message);
}

/** HTTP status of each flat OAuth error, unless the HTTP-200 quirk is switched on. */
const OAUTH_STATUS: Record<string, number> = {
  invalid_client: 401,
  unauthorized_client: 401,
  access_denied: 403,
};

/** The OAuth error codes TikTok answers flat (§1.1). */
export const OAUTH_ERROR_CODES = new Set([
  'access_denied',
  'invalid_client',
  'invalid_grant',
  'invalid_request',
  'invalid_scope',
  'unauthorized_client',
  'unsupported_grant_type',
  'unsupported_response_type',
]);

/** Sends a flat OAuth error `{error, error_description, log_id}`. */
export async function sendOauthError(
  reply: FastifyReply,
  settings: TiktokSettings,
  nowMs: number,
  code: string,
  description: string,
): Promise<FastifyReply> {
  const logId = newLogId(nowMs);
  const status = settings.oauthErrorsWithStatus200 ? 200 : (OAUTH_STATUS[code] ?? 400);
  return reply
    .code(status)
    .header('x-tt-logid', logId)
    .type('application/json; charset=utf-8')
    .send(JSON.stringify({ error: code, error_description: description, log_id: logId }));
}

/** Keeps every request body as a raw string so each endpoint decodes it as the real one does. */
export function installRawBodyParser(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
}

/** The media type of a request, lower-cased, without parameters. */
export function mediaType(request: FastifyRequest): string {
  return (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** The raw body captured by installRawBodyParser ('' when there is none). */
export function rawBody(request: FastifyRequest): string {
  return typeof request.body === 'string' ? request.body : '';
}

/** Parses a JSON request body; not ok when the media type is not JSON or the text does not parse. */
export function parseJsonBody(request: FastifyRequest): { ok: true; value: unknown } | { ok: false } {
  if (mediaType(request) !== 'application/json') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(rawBody(request)) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Parses a form-encoded body; null when the request is not form-encoded. */
export function parseFormBody(request: FastifyRequest): URLSearchParams | null {
  if (mediaType(request) !== 'application/x-www-form-urlencoded') return null;
  return new URLSearchParams(rawBody(request));
}

/** A plain object (not null, not an array), for body validation. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
