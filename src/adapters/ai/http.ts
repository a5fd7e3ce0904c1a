import { TransientError, UserError } from '../../domain/errors.js';

/** One answer of an AI provider, its body read in full as bytes (audio stays binary; JSON is read with jsonBody). */
export interface AiResponse {
  status: number;
  headers: Headers;
  body: Buffer;
}

/** One call: the provider's own headers, and a body sent as JSON (with its content type) when there is one. */
export interface AiRequest {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  json?: unknown;
}

export interface AiFetchOptions {
  /** Who is called, for messages ("OpenAI text-to-speech"). */
  provider: string;
  /** Abort after this long (60 s when unset); a timeout is a TransientError. */
  timeoutMs?: number | undefined;
  /** The caller's cancellation; an abort from it is rethrown as is, never turned into a retryable error. */
  signal?: AbortSignal | undefined;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/** Joins a base URL setting and a path: trailing slashes of the base are trimmed. */
export function aiUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}

/** Calls an AI provider. Unreachable hosts and timeouts become TransientError; statuses are the caller's. */
export async function aiFetch(url: string, request: AiRequest, options: AiFetchOptions): Promise<AiResponse> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const sent = request.json === undefined ? undefined : JSON.stringify(request.json);
  try {
    const response = await fetch(url, {
      method: request.method,
      headers:
        sent === undefined ? request.headers : { 'content-type': 'application/json', ...request.headers },
      body: sent,
      redirect: 'error',
      signal,
    });
    const body = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, body };
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    if (timeout.aborted) {
      throw new TransientError('ai_timeout', `${options.provider} did not answer within ${timeoutMs} ms`);
    }
    // fetch says only "fetch failed"; the cause names the network error (ECONNREFUSED, ENOTFOUND…).
    const reason =
      error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : '';
    throw new TransientError(
      'ai_unreachable',
      `${options.provider} could not be reached${reason ? `: ${reason}` : ''}`,
    );
  }
}

/** The body parsed as JSON, or null when it is empty or not JSON. */
export function jsonBody(response: Pick<AiResponse, 'body'>): unknown {
  try {
    return JSON.parse(response.body.toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

/** The `error` object of the `{ error: { message, … } }` envelope OpenAI, Anthropic and Google answer with. */
export function errorEnvelope(json: unknown): Record<string, unknown> | null {
  if (typeof json !== 'object' || json === null || !('error' in json)) return null;
  const { error } = json;
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : null;
}

/**
 * A short excerpt of an error body for messages: the provider's own message where `pick` finds it (by default
 * the envelope's `error.message`), else the body's text.
 */
export function errorDetail(
  response: Pick<AiResponse, 'body'>,
  pick: (json: unknown) => unknown = (json) => errorEnvelope(json)?.message,
): string {
  const picked = pick(jsonBody(response));
  const text = typeof picked === 'string' ? picked : response.body.toString('utf8');
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}

/** How long a provider asks to wait: `retry-after-ms`, or `retry-after` in seconds or as an HTTP date. */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = Number(headers.get('retry-after-ms'));
  if (headers.has('retry-after-ms') && Number.isFinite(ms) && ms >= 0) return Math.round(ms);
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.round(seconds * 1000) : undefined;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/**
 * Turns a failed status into the error taxonomy: 401/403 → UserError 'provider_auth' (the key is wrong, retrying
 * will not help), 408/409/429/5xx → TransientError honouring Retry-After, other 4xx → UserError
 * 'provider_rejected'. `detail` is the provider's own message; `keySetting` names the setting to check.
 */
export function throwForStatus(
  response: Pick<AiResponse, 'status' | 'headers'>,
  provider: string,
  detail: string,
  keySetting: string,
): void {
  const { status } = response;
  if (status >= 200 && status < 300) return;
  // Trailing dots are trimmed so that the sentences the message goes on with read well.
  const trimmed = detail.replace(/[.\s]+$/, '');
  const said = trimmed ? `: ${trimmed}` : '';
  if (status === 401 || status === 403) {
    throw new UserError(
      'validation',
      'provider_auth',
      `${provider} refused the credentials (HTTP ${status})${said}. Check ${keySetting}.`,
    );
  }
  if (status === 429) {
    throw new TransientError(
      'ai_rate_limited',
      `${provider} is rate limiting (HTTP 429)${said}`,
      retryAfterMs(response.headers),
    );
  }
  if (status >= 500 || status === 408 || status === 409) {
    throw new TransientError(
      'ai_unavailable',
      `${provider} failed (HTTP ${status})${said}`,
      retryAfterMs(response.headers),
    );
  }
  throw new UserError(
    'validation',
    'provider_rejected',
    `${provider} rejected the request (HTTP ${status})${said}`,
  );
}
