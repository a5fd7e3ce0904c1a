import { z } from 'zod';

/** Where an export stands; `expired` once its file was deleted. */
export const dataExportStatus = z.enum(['queued', 'running', 'ready', 'failed', 'expired']);

/** One copy of the person's data, as the privacy page shows it. */
export const dataExportView = z.object({
  id: z.string(),
  status: dataExportStatus,
  progress: z.number().min(0).max(1).describe('0 to 1, as the job goes through the kinds of record'),
  downloadUrl: z
    .string()
    .nullable()
    .describe('Signed link to the ZIP, for this account only, while ready and not expired'),
  expiresAt: z.string().nullable().describe('When the link stops working and the file is deleted'),
  error: z.string().nullable().describe('Why it failed, in plain words'),
  createdAt: z.string(),
});
export type DataExportView = z.infer<typeof dataExportView>;

/** The answer to starting an export: the new one, or the one already under way. */
export const dataExportStarted = z.object({ export: dataExportView.pick({ id: true, status: true }) });

/** The caller's newest export, if any (the privacy page opens on it). */
export const latestDataExport = z.object({ export: dataExportView.nullable() });

export const downloadQuery = z.strictObject({
  exp: z.string().max(20).optional(),
  sig: z.string().max(200).optional(),
});
