/** Privacy: the person's requests for a copy of their data. */
import type { DataExport } from '../../domain/privacy/data-export.js';

export interface DataExportRepository {
  create(dataExport: DataExport): Promise<void>;
  /** The export, only when it belongs to `userId`: another person's export is not found. */
  find(userId: string, id: string): Promise<DataExport | null>;
  /** By id alone, for the job that builds it. */
  findById(id: string): Promise<DataExport | null>;
  /** Saves the changing fields (status, progress, file, error, dates). */
  update(dataExport: DataExport): Promise<void>;
  /** The person's exports, newest first. */
  listByUser(userId: string): Promise<DataExport[]>;
  /** Ready exports whose link expired at or before `before`, oldest first, across people (the cleanup). */
  listExpired(before: string, limit: number): Promise<DataExport[]>;
  /** Deletes every export of the person and returns their file keys, so the caller deletes the files too. */
  deleteByUser(userId: string): Promise<string[]>;
}
