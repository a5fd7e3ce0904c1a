import { TransientError, UserError } from '../../domain/errors.js';

/** One answer of an AI provider, read in full. */
export interface AiResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body, or null when the body is empty or not JSON. */
  json: unknown;
}

export interface AiFetchOptions {
  /** Abort after this long; a timeout is a TransientError. */
  timeoutMs: number;
  /** The caller's cancellation; an abort from it is rethrown as is, never turned into a retryable error. */
  signal?: AbortSignal;
  /** Who is called, for messages ("OpenAI-compatible provider"). */
  provider: string;
}

/** Joins a base URL setting and a path: trailing slashes of the base are trimmed. */
export function aiUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}

/** POSTs JSON to an AI provider. Unreachable hosts and timeouts become TransientError; statuses are the caller's. */
export async function aiPostJson(
  url: string,
  headers: Record<string, string>,
  body: unknown,
  options: AiFetchOptions,
): Promise<AiResponse> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify(body),
      redirect: 'error',
      signal,
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: parseJson(text) };
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    if (timeout.aborted) {
      throw new TransientError(
        'ai_timeout',
        `${options.provider} did not answer within ${options.timeoutMs} ms`,
      );
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new TransientError('ai_unreachable', `${options.provider} could not be reached: ${reason}`);
  }
}

/** How long a provider asks to wait: `retry-after-ms`, or `retry-after` in seconds or as an HTTP date. */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = Number(headers.get('retry-after-ms'));
  if (headers.has('retry-after-ms') && Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/**
 * Turns a failed status into the error taxonomy: 401/403 → UserError 'provider_auth' (the key is wrong, retrying
 * will not help), 408/409/429/5xx → TransientError honouring Retry-After, other 4xx → UserError
 * 'provider_rejected'. `detail` is the provider's own message; `keySetting` names the setting to check.
 */
export function throwForStatus(
  response: AiResponse,
  provider: string,
  detail: string,
  keySetting: string,
): void {
  const { status } = response;
  if (status >= 200 && status < 300) return;
  const said = detail ? `: ${detail}` : '';
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
      `${provider} is rate limiting${said}`,
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

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
