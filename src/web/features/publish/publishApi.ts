import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { pageOf } from '../../../api/common.js';
import type { publicationStatusSchema } from '../../../api/publishing.js';
import {
  publicationView,
  publishOptionsView,
  reviewView,
  type PublicationView,
} from '../../../api/publishing.js';
import { apiGet, apiSend } from '../../api/client.js';
import type { Page } from '../../api/pagedQuery.js';

const publicationPage = pageOf(publicationView);
const publicationBody = z.object({ publication: publicationView });
// Retry, cancel and reschedule are followed by a fresh read, so their answer body is not relied on.
const anyAnswer = z.unknown();

export type PublicationStatus = z.infer<typeof publicationStatusSchema>;

/** The options object of one platform, as POST /api/publications takes it. */
export type PublicationOptions = Record<string, unknown>;

export interface NewPublication {
  versionId: string;
  connectionId: string;
  /** UTC ISO time; absent: now. */
  scheduledAt?: string;
  timeZone?: string;
  options: PublicationOptions;
}

/** Cache keys of everything publishing reads. */
export const publishKeys = {
  all: ['publications'] as const,
  list: (filter: PublicationFilter) => ['publications', 'list', filter] as const,
  detail: (id: string) => ['publications', 'detail', id] as const,
  review: (versionId: string) => ['versions', versionId, 'review'] as const,
  options: (connectionId: string) => ['connections', connectionId, 'publish-options'] as const,
};

export interface PublicationFilter {
  itemId?: string;
  connectionId?: string;
  status?: PublicationStatus;
  from?: string;
  to?: string;
}

const publicationPath = (id: string) => `/api/publications/${encodeURIComponent(id)}`;

/** The review state of a version: 'approved' means it may be published. */
export const reviewQuery = (versionId: string) =>
  queryOptions({
    queryKey: publishKeys.review(versionId),
    queryFn: ({ signal }) =>
      apiGet(`/api/versions/${encodeURIComponent(versionId)}/review`, reviewView, signal),
  });

/**
 * What a composer needs from the platform, read fresh every time a composer opens: TikTok asks for
 * creator_info on each post screen, and nothing cached may stand in for it.
 */
export const publishOptionsQuery = (connectionId: string) =>
  queryOptions({
    queryKey: publishKeys.options(connectionId),
    queryFn: ({ signal }) =>
      apiGet(
        `/api/connections/${encodeURIComponent(connectionId)}/publish-options`,
        publishOptionsView,
        signal,
      ),
    staleTime: 0,
    gcTime: 0,
    refetchOnMount: 'always',
    retry: false,
  });

function listPath(filter: PublicationFilter, cursor: string | null): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) query.set(key, String(value));
  if (cursor) query.set('cursor', cursor);
  const text = query.toString();
  return text ? `/api/publications?${text}` : '/api/publications';
}

/** One page of publications matching the filter. */
export const listPublications = (
  filter: PublicationFilter,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<PublicationView>> => apiGet(listPath(filter, cursor), publicationPage, signal);

// A calendar month holds a few hundred publications at most; more pages than this means something is wrong.
const MAX_PAGES = 20;

/** Every publication matching the filter, following the cursor page by page. */
export async function listAllPublications(
  filter: PublicationFilter,
  signal?: AbortSignal,
): Promise<PublicationView[]> {
  const items: PublicationView[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer: Page<PublicationView> = await listPublications(filter, cursor, signal);
    items.push(...answer.items);
    cursor = answer.nextCursor;
    if (!cursor) break;
  }
  return items;
}

/** One publication with its timeline. */
export const publicationQuery = (id: string) =>
  queryOptions({
    queryKey: publishKeys.detail(id),
    queryFn: ({ signal }) => apiGet(publicationPath(id), publicationView, signal),
  });

/**
 * Creates a publication. The Idempotency-Key makes a repeated request (a double click, a retry after a lost
 * answer) return the first publication instead of posting twice.
 */
export const createPublication = (input: NewPublication, idempotencyKey: string) =>
  apiSend('POST', '/api/publications', input, publicationBody, { 'Idempotency-Key': idempotencyKey });

/** Tries a failed publication (or one that needed action) again. */
export const retryPublication = (id: string) =>
  apiSend('POST', `${publicationPath(id)}/retry`, {}, anyAnswer);

/** Cancels a publication that has not started uploading. */
export const cancelPublication = (id: string) => apiSend('DELETE', publicationPath(id), {}, anyAnswer);

/** Moves a scheduled or queued publication to another time. */
export const reschedulePublication = (id: string, scheduledAt: string, timeZone?: string) =>
  apiSend('PATCH', publicationPath(id), timeZone ? { scheduledAt, timeZone } : { scheduledAt }, anyAnswer);
