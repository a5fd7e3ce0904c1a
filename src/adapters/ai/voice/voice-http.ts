import { TransientError, UserError } from '../../../domain/errors.js';

export interface ProviderResponse {
  status: number;
  headers: Headers;
  body: Buffer;
}

/**
 * One HTTP call to a voice provider, bounded by a timeout and the caller's signal, the body kept as bytes (audio).
 * Timeouts and network failures become TransientError (codes as in ../http.ts); the caller's abort is rethrown.
 */
export async function providerFetch(
  provider: string,
  url: string,
  init: RequestInit,
  options: { timeoutMs: number; signal?: AbortSignal | undefined },
): Promise<ProviderResponse> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    const response = await fetch(url, { ...init, signal, redirect: 'error' });
    const body = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, body };
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    if (timeout.aborted) {
      throw new TransientError('ai_timeout', `${provider} did not answer within ${options.timeoutMs} ms`);
    }
    const detail =
      error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : '';
    throw new TransientError(
      'ai_unreachable',
      `${provider} could not be reached${detail ? `: ${detail}` : ''}`,
    );
  }
}

/**
 * Maps an error status to the error taxonomy: 401/403 → UserError provider_auth (naming the key setting),
 * 429 → TransientError ai_rate_limited, 5xx → TransientError ai_unavailable (both honouring Retry-After), any other
 * 4xx → UserError provider_rejected. Does nothing for 2xx.
 */
export function throwForStatus(
  provider: string,
  response: ProviderResponse,
  detail: string,
  keySetting: string,
): void {
  const { status } = response;
  if (status >= 200 && status < 300) return;
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
  if (status >= 500) {
    throw new TransientError(
      'ai_unavailable',
      `${provider} failed (HTTP ${status})${said}`,
      retryAfterMs(response.headers),
    );
  }
  throw new UserError(
    'validation',
    'provider_rejected',
    `${provider} rejected the request (${status})${said}`,
  );
}

/** How long to wait before retrying: `retry-after-ms`, else `retry-after` in seconds or as an HTTP date. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const ms = Number(headers.get('retry-after-ms') ?? Number.NaN);
  if (Number.isFinite(ms) && ms >= 0) return Math.round(ms);
  const header = headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** An answer that cannot be used (wrong shape, broken audio): worth one more try. */
export function badAnswer(provider: string, what: string): TransientError {
  return new TransientError('provider_bad_answer', `${provider} sent an unusable answer: ${what}`);
}

/** The body parsed as JSON, or null. */
export function jsonBody(response: ProviderResponse): unknown {
  try {
    return JSON.parse(response.body.toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

/** A short excerpt of an error body for messages (providers put the reason there). */
export function errorDetail(response: ProviderResponse, pick: (json: unknown) => unknown): string {
  const picked = pick(jsonBody(response));
  const text = typeof picked === 'string' ? picked : response.body.toString('utf8');
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}
