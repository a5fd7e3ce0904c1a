import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { itemDetail, type editsInput } from '../../../api/content.js';
import { apiGet, apiSend } from '../../api/client.js';
import { itemKeys } from '../library/libraryApi.js';

/** What a new version changes: the script, caption words by cue index, or the platform texts. */
export type VersionEdits = z.input<typeof editsInput>;

const accepted = z.object({ jobId: z.string() });

const itemPath = (id: string) => `/api/items/${encodeURIComponent(id)}`;

/** One item and its versions. */
export const itemQuery = (id: string) =>
  queryOptions({
    queryKey: itemKeys.detail(id),
    queryFn: ({ signal }) => apiGet(itemPath(id), itemDetail, signal),
  });

/** Queues a new version made from the current one with these edits; answers 409 while one is generating. */
export const createVersion = (id: string, edits: VersionEdits) =>
  apiSend('POST', `${itemPath(id)}/versions`, edits, accepted);

export const retryItem = (id: string) => apiSend('POST', `${itemPath(id)}/retry`, {}, accepted);

/** Server-sent progress events for one item; the stream ends once it is ready or failed. */
export const itemEventsPath = (id: string) => `${itemPath(id)}/events`;
