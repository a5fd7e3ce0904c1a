import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../api/client.js';
import { asApiError } from './useQuery.js';

type Page<T> = { items: T[]; nextCursor: string | null };
export type PageLoader<T> = (cursor: string | null, signal?: AbortSignal) => Promise<Page<T>>;

interface PagedState<T> extends Page<T> {
  loaded: boolean;
  loadingMore: boolean;
  error: ApiError | null;
}

export interface PagedQuery<T> {
  status: 'loading' | 'ready' | 'error';
  items: T[];
  error: ApiError | null;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  /** Re-reads the first page; the current items stay on screen meanwhile. */
  reload: () => void;
  /** Applies a change the server already confirmed, without a round trip. */
  updateItems: (update: (items: T[]) => T[]) => void;
}

/** A cursor-paginated list with "load more". `loadPage` must be stable. */
export function usePagedQuery<T>(loadPage: PageLoader<T>): PagedQuery<T> {
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<PagedState<T>>({
    items: [],
    nextCursor: null,
    loaded: false,
    loadingMore: false,
    error: null,
  });

  useEffect(() => {
    const controller = new AbortController();
    loadPage(null, controller.signal).then(
      (page) => setState({ ...page, loaded: true, loadingMore: false, error: null }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState((current) => ({ ...current, loaded: true, error: asApiError(error) }));
      },
    );
    return () => controller.abort();
  }, [loadPage, version]);

  const { nextCursor } = state;
  const loadMore = useCallback(() => {
    if (!nextCursor) return;
    setState((current) => ({ ...current, loadingMore: true, error: null }));
    loadPage(nextCursor).then(
      (page) =>
        setState((current) => ({
          ...current,
          items: [...current.items, ...page.items],
          nextCursor: page.nextCursor,
          loadingMore: false,
        })),
      (error: unknown) =>
        setState((current) => ({ ...current, loadingMore: false, error: asApiError(error) })),
    );
  }, [loadPage, nextCursor]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const updateItems = useCallback(
    (update: (items: T[]) => T[]) => setState((current) => ({ ...current, items: update(current.items) })),
    [],
  );

  const status = !state.loaded ? 'loading' : state.error && state.items.length === 0 ? 'error' : 'ready';
  return {
    status,
    items: state.items,
    error: state.error,
    hasMore: state.nextCursor !== null,
    loadingMore: state.loadingMore,
    loadMore,
    reload,
    updateItems,
  };
}
