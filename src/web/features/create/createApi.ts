import { z } from 'zod';
import { itemView, type BriefInput } from '../../../api/content.js';
import { apiSend, apiUpload } from '../../api/client.js';

const created = z.object({ item: itemView, jobId: z.string() });
const createdSeries = z.object({ items: z.array(created) });
const uploaded = z.object({ item: itemView });

/** Creates one item and queues its generation. */
export const createItem = (brief: BriefInput) => apiSend('POST', '/api/items', brief, created);

/** Creates one item per CSV row; the server names the row of the first problem. */
export const createSeriesFromCsv = (csv: string) =>
  apiSend('POST', '/api/items/series', { csv }, createdSeries);

/** Sends a finished video (see toUploadForm); the item comes back already checked. `onProgress` gets 0..1. */
export const uploadVideo = (form: FormData, onProgress: (sent: number) => void) =>
  apiUpload('/api/items/upload', form, uploaded, onProgress);

/** Creates one item per reviewed brief (the recommended next series), all sharing a series id. */
export const createSeriesFromBriefs = (briefs: BriefInput[]) =>
  apiSend('POST', '/api/items/series', { briefs }, createdSeries);
