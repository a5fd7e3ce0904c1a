import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './apiError.js';

const MAX_RETRIES = 2;

/** Worth asking again: the network failed, the server was busy (429), timed out or broke (5xx). */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.status === 0) return error.code === 'network_error';
  return error.status === 408 || error.status === 429 || error.status >= 500;
}

/** A read is retried twice on a transient failure; a refusal (4xx) or an answer the page cannot read is final. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_RETRIES && isTransient(error);
}

/** The app's one cache of server state. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        // Long enough to share one answer between components mounted together and a quick back-and-forth,
        // short enough that a page opened later reads the server again.
        staleTime: 5_000,
        // Pages refresh on their own where it matters (generation progress, busy items); coming back to the
        // tab does not fire a burst of requests.
        refetchOnWindowFocus: false,
      },
      // A change is never sent twice behind the person's back.
      mutations: { retry: false },
    },
  });
}
