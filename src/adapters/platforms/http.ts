import { TransientError, UserError } from '../../domain/errors.js';

export interface PlatformHttpOptions {
  /** Abort after this long; a timeout is a TransientError. */
  timeoutMs?: number;
}

export interface PlatformResponse {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or null when the body is empty or not JSON. */
  json: unknown;
  text: string;
}

/** Joins a base URL setting and a real path: the base's trailing slash trimmed, the path kept as is. */
export function platformUrl(base: string, path: string, query?: Record<string, string | undefined>): string {
  const url = `${base.replace(/\/+$/, '')}${path}`;
  const params = Object.entries(query ?? {}).filter((e): e is [string, string] => e[1] !== undefined);
  return params.length
    ? `${url}${url.includes('?') ? '&' : '?'}${new URLSearchParams(params).toString()}`
    : url;
}

/** A form-encoded body, as OAuth token endpoints want. */
export function formBody(fields: Record<string, string | undefined>): URLSearchParams {
  return new URLSearchParams(Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined));
}

/**
 * One HTTP call to a platform. Network failures and timeouts become TransientError; the caller interprets
 * statuses and bodies (platforms put errors in bodies, sometimes with HTTP 200).
 */
export async function platformFetch(
  url: string,
  init: RequestInit,
  options: PlatformHttpOptions = {},
): Promise<PlatformResponse> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
  } catch (error) {
    const reason =
      error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'could not be reached';
    throw new TransientError('platform_unreachable', `The platform ${reason}`);
  }
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: parseJson(text), text };
}

/** Throws TransientError for statuses worth retrying (429, 5xx), honouring Retry-After. */
export function throwIfTransient(response: PlatformResponse, what: string): void {
  if (response.status === 429 || response.status >= 500) {
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new TransientError(
      response.status === 429 ? 'platform_rate_limited' : 'platform_unavailable',
      `${what} answered ${response.status}`,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined,
    );
  }
}

/** The grant is dead (revoked, expired, invalid): the person must connect again. */
export function needsReconnect(platformMessage: string): UserError {
  return new UserError(
    'needs_reconnect',
    'needs_reconnect',
    `The platform no longer accepts this connection: ${platformMessage}`,
  );
}

/** A plain-language failure of an OAuth or account call that is not worth retrying. */
export function platformRefused(what: string, detail: string): UserError {
  return new UserError('validation', 'platform_refused', `${what} was refused: ${detail}`);
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
