import { BugError, TransientError, UserError } from '../../../domain/errors.js';

/** Runs one request to Pexels (API or media host) with a timeout, turning failures into the error taxonomy. */
export async function pexelsFetch(
  url: string,
  init: { headers?: Record<string, string>; timeoutMs: number; signal?: AbortSignal | undefined },
): Promise<Response> {
  const timeout = AbortSignal.timeout(init.timeoutMs);
  const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, { headers: init.headers, signal, redirect: 'follow' });
  } catch (error) {
    throw failureOf(error, init.signal);
  }
  if (response.ok) return response;
  await response.body?.cancel();
  throw errorForStatus(response);
}

/** What a thrown fetch or body read means: the caller's abort stays an abort; the rest is worth a retry. */
export function failureOf(error: unknown, callerSignal: AbortSignal | undefined): unknown {
  if (callerSignal?.aborted) return callerSignal.reason;
  if (error instanceof Error && error.name === 'TimeoutError') {
    return new TransientError('provider_timeout', 'Pexels did not answer in time');
  }
  if (error instanceof TransientError || error instanceof UserError || error instanceof BugError)
    return error;
  return new TransientError('provider_unreachable', 'Pexels could not be reached');
}

/** The taxonomy error for a non-2xx answer. */
export function errorForStatus(response: Response): Error {
  const { status } = response;
  if (status === 401 || status === 403) {
    return new UserError(
      'validation',
      'provider_auth',
      'Pexels refused the API key. Check PEXELS_API_KEY, or remove it to use generated backgrounds.',
    );
  }
  if (status === 429) {
    return new TransientError(
      'provider_rate_limited',
      'Pexels asks us to slow down; stock footage will be searched again later',
      retryAfterMs(response.headers),
    );
  }
  if (status >= 500) return new TransientError('provider_unavailable', `Pexels answered ${status}`);
  return new BugError('provider_rejected', `Pexels rejected the request with ${status}`);
}

function retryAfterMs(headers: Headers): number | undefined {
  const seconds = Number(headers.get('retry-after'));
  if (Number.isFinite(seconds) && seconds > 0) return seconds * 1000;
  // Pexels documents X-Ratelimit-Reset (epoch seconds) on successful answers; honour it if a 429 carries it.
  const resetAt = Number(headers.get('x-ratelimit-reset'));
  if (Number.isFinite(resetAt) && resetAt > 0) return Math.max(0, resetAt * 1000 - Date.now());
  return undefined;
}
