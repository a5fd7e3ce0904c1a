import { z } from 'zod';
import { itemView, versionView, type editsInput } from '../../../api/content.js';
import { apiGet, apiSend } from '../../api/client.js';

const itemDetail = z.object({ item: itemView, versions: z.array(versionView) });
export type ItemDetail = z.infer<typeof itemDetail>;
export type VersionView = z.infer<typeof versionView>;
/** What a new version changes: the script, caption words by cue index, or the platform texts. */
export type VersionEdits = z.input<typeof editsInput>;

const accepted = z.object({ jobId: z.string() });

const itemPath = (id: string) => `/api/items/${encodeURIComponent(id)}`;

export const fetchItem = (id: string, signal?: AbortSignal) => apiGet(itemPath(id), itemDetail, signal);

/** Queues a new version made from the current one with these edits; answers 409 while one is generating. */
export const createVersion = (id: string, edits: VersionEdits) =>
  apiSend('POST', `${itemPath(id)}/versions`, edits, accepted);

export const retryItem = (id: string) => apiSend('POST', `${itemPath(id)}/retry`, {}, accepted);

/** Server-sent progress events for one item; the stream ends once it is ready or failed. */
export const itemEventsPath = (id: string) => `${itemPath(id)}/events`;
