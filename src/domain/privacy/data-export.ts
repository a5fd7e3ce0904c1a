import type { IsoDate } from '../people.js';

/** Where one export stands; `expired` once its file is gone (seven days after it was ready). */
export const DATA_EXPORT_STATUSES = ['queued', 'running', 'ready', 'failed', 'expired'] as const;
export type DataExportStatus = (typeof DATA_EXPORT_STATUSES)[number];

/** How long a finished export may be downloaded. */
export const DATA_EXPORT_TTL_MS = 7 * 86_400_000;

/** One request of a person for a copy of their data, and the ZIP file it made. */
export interface DataExport {
  id: string;
  userId: string;
  /** The workspace the job runs under (the person's current one when they asked); the export covers them all. */
  workspaceId: string;
  status: DataExportStatus;
  /** 0 to 1, saved as the job goes through the kinds of record. */
  progress: number;
  /** The ZIP's media-store key, once written. */
  fileKey: string | null;
  sizeBytes: number | null;
  /** Why it failed, in plain words. */
  error: string | null;
  createdAt: IsoDate;
  updatedAt: IsoDate;
  readyAt: IsoDate | null;
  expiresAt: IsoDate | null;
}

/** True while the job has yet to finish: a second request returns this one instead of starting another. */
export function isInFlight(e: Pick<DataExport, 'status'>): boolean {
  return e.status === 'queued' || e.status === 'running';
}

/** The media-store key of an export's ZIP: one folder per person, so deleting a person deletes the folder. */
export function dataExportKey(userId: string, exportId: string): string {
  return `exports/${userId}/${exportId}.zip`;
}
