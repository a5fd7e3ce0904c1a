import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { asApiError, type ApiError } from './client.js';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** One page of a cursor-paginated list; a null cursor asks for the first page. */
export type PageLoader<T> = (cursor: string | null, signal: AbortSignal) => Promise<Page<T>>;

export interface PagedQuery<T> {
  /** 'error' only when nothing could be read; a failed "load more" keeps the items with `error` set. */
  status: 'loading' | 'ready' | 'error';
  items: T[];
  error: ApiError | null;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  /** Re-reads every loaded page; the current items stay on screen meanwhile. */
  reload: () => void;
}

export interface PagedQueryOptions<T> {
  queryKey: QueryKey;
  loadPage: PageLoader<T>;
  /** Milliseconds between re-reads while the items ask for it (e.g. some are still being made); false: none. */
  refetchInterval?: (items: T[]) => number | false;
}

const pageItems = <T>(pages: Page<T>[] | undefined): T[] => pages?.flatMap((page) => page.items) ?? [];

/** A cursor-paginated list with "load more", cached under `queryKey`. */
export function usePagedQuery<T>({
  queryKey,
  loadPage,
  refetchInterval,
}: PagedQueryOptions<T>): PagedQuery<T> {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => loadPage(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: refetchInterval && ((q) => refetchInterval(pageItems(q.state.data?.pages))),
  });
  const items = pageItems(query.data?.pages);
  const error = query.error ? asApiError(query.error) : null;
  return {
    status: query.isPending ? 'loading' : error && items.length === 0 ? 'error' : 'ready',
    items,
    error,
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    loadMore: () => void query.fetchNextPage(),
    reload: () => void query.refetch(),
  };
}
