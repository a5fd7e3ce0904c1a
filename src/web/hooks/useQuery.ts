import { useEffect, useState } from 'react';
import { ApiError } from '../api/client.js';

export type QueryState<T> =
  { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: ApiError };

export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError
    ? error
    : new ApiError(0, 'unknown', 'Something went wrong. Please try again.');
}

/**
 * Loads data once per `load` function; pass a stable function (module-level or useCallback).
 * The result remembers which loader produced it, so a new loader shows "loading" without a reset in the effect.
 */
export function useQuery<T>(load: (signal: AbortSignal) => Promise<T>): QueryState<T> {
  const [result, setResult] = useState<{ source: unknown; state: QueryState<T> } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => setResult({ source: load, state: { status: 'ready', data } }),
      (error: unknown) => {
        if (!controller.signal.aborted)
          setResult({ source: load, state: { status: 'error', error: asApiError(error) } });
      },
    );
    return () => controller.abort();
  }, [load]);

  return result && result.source === load ? result.state : { status: 'loading' };
}
