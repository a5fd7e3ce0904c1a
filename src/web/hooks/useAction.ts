import { useCallback, useState } from 'react';

export interface Action {
  /** Runs the task; resolves to true when it succeeded. Failures land in `error`. */
  run: (task: () => Promise<void>) => Promise<boolean>;
  pending: boolean;
  error: unknown;
  clearError: () => void;
}

/** Pending and error state for one button or form that calls the API. */
export function useAction(): Action {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = useCallback(async (task: () => Promise<void>) => {
    setPending(true);
    setError(null);
    try {
      await task();
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setPending(false);
    }
  }, []);

  const clearError = useCallback(() => setError(null), []);
  return { run, pending, error, clearError };
}
