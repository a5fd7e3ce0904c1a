import { pageOf } from '../../../api/common.js';
import { itemView, type ItemView } from '../../../api/content.js';
import { apiGet } from '../../api/client.js';
import type { PageLoader } from '../../hooks/usePagedQuery.js';

const itemPage = pageOf(itemView);

export type ItemStatus = ItemView['status'];

export interface LibraryFilter {
  status: ItemStatus | '';
  search: string;
}

function listPath(filter: LibraryFilter, cursor: string | null, limit?: number): string {
  const params = new URLSearchParams();
  if (filter.status) params.set('status', filter.status);
  if (filter.search.trim()) params.set('search', filter.search.trim());
  if (cursor) params.set('cursor', cursor);
  if (limit) params.set('limit', String(limit));
  const query = params.toString();
  return query ? `/api/items?${query}` : '/api/items';
}

export const listItems = (
  filter: LibraryFilter,
  cursor: string | null,
  signal?: AbortSignal,
  limit?: number,
) => apiGet(listPath(filter, cursor, limit), itemPage, signal);

/** A page loader for usePagedQuery; build it once per filter (useMemo) so the hook sees a stable function. */
export function libraryLoader(filter: LibraryFilter, pageSize = 24): PageLoader<ItemView> {
  return (cursor, signal) => listItems(filter, cursor, signal, pageSize);
}
