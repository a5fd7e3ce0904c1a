import { z } from 'zod';
import { itemView, type BriefInput } from '../../../api/content.js';
import { apiSend } from '../../api/client.js';

const created = z.object({ item: itemView, jobId: z.string() });
const createdSeries = z.object({ items: z.array(created) });

/** Creates one item and queues its generation. */
export const createItem = (brief: BriefInput) => apiSend('POST', '/api/items', brief, created);

/** Creates one item per CSV row; the server names the row of the first problem. */
export const createSeriesFromCsv = (csv: string) =>
  apiSend('POST', '/api/items/series', { csv }, createdSeries);
