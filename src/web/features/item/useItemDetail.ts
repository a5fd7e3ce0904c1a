import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../api/client.js';
import { asApiError } from '../../hooks/useQuery.js';
import { fetchItem, type ItemDetail } from './itemApi.js';

type Loaded = { id: string; data: ItemDetail | null; error: ApiError | null };

export type ItemDetailState =
  { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; data: ItemDetail };

/**
 * One item and its versions. Unlike useQuery, `refresh` keeps the page on screen while it re-reads, so the
 * player and the editors do not flash away each time generation moves on; it resolves to what it read.
 */
export function useItemDetail(id: string): {
  state: ItemDetailState;
  /** Why the last refresh failed, while the page keeps showing what it read before. */
  refreshError: ApiError | null;
  refresh: () => Promise<ItemDetail | null>;
} {
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetchItem(id, controller.signal).then(
      (data) => setLoaded({ id, data, error: null }),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ id, data: null, error: asApiError(error) });
      },
    );
    return () => controller.abort();
  }, [id]);

  const refresh = useCallback(async () => {
    try {
      const data = await fetchItem(id);
      setLoaded({ id, data, error: null });
      return data;
    } catch (error) {
      // Keep showing what was there; the failure is reported next to it.
      setLoaded((current) => ({
        id,
        data: current?.id === id ? current.data : null,
        error: asApiError(error),
      }));
      return null;
    }
  }, [id]);

  const state: ItemDetailState =
    !loaded || loaded.id !== id
      ? { status: 'loading' }
      : loaded.data
        ? { status: 'ready', data: loaded.data }
        : { status: 'error', error: loaded.error ?? asApiError(null) };
  const refreshError = loaded?.id === id && loaded.data ? loaded.error : null;
  return { state, refreshError, refresh };
}
