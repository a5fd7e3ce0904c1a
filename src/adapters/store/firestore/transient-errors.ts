import { TransientError } from '../../../domain/errors.js';

/**
 * gRPC codes of a Firestore call that may well succeed if made again: DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED,
 * ABORTED (contention: a transaction that kept losing, a lock timeout), UNAVAILABLE.
 */
const RETRYABLE = new Map<number, string>([
  [4, 'store_timeout'],
  [8, 'store_busy'],
  [10, 'store_contention'],
  [14, 'store_unavailable'],
]);

/** The error a caller should see: a TransientError for a retryable failure (jobs retry it), else the error. */
export function asTransient(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  const name = typeof code === 'number' ? RETRYABLE.get(code) : undefined;
  if (!name || !(error instanceof Error)) return error;
  return new TransientError(name, `The database did not answer in time, try again: ${error.message}`);
}

/** The repositories with every method's retryable Firestore failure turned into a TransientError. */
export function withTransientErrors<T extends object>(repositories: T): T {
  return Object.fromEntries(
    Object.entries(repositories).map(([name, repository]) => [
      name,
      Object.fromEntries(
        Object.entries(repository as Record<string, unknown>).map(([method, fn]) => [
          method,
          typeof fn === 'function'
            ? (...args: unknown[]) =>
                (fn as (...a: unknown[]) => Promise<unknown>)(...args).catch((error: unknown) => {
                  throw asTransient(error);
                })
            : fn,
        ]),
      ),
    ]),
  ) as T;
}
