import { pageOf } from '../../../api/common.js';
import { itemView, type ItemView } from '../../../api/content.js';
import { apiGet } from '../../api/client.js';

const itemPage = pageOf(itemView);

export type ItemStatus = ItemView['status'];

export interface LibraryFilter {
  status: ItemStatus | '';
  search: string;
}

/** The cache keys of the workspace's items: lists by filter, the newest few, and each item's page. */
export const itemKeys = {
  all: ['items'] as const,
  list: (filter: LibraryFilter) => ['items', 'list', filter.status, filter.search.trim()] as const,
  recent: ['items', 'recent'] as const,
  detail: (id: string) => ['items', 'detail', id] as const,
};

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
