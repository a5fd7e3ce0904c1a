// SKELETON: replaced by the real repositories (each function below keeps its name and signature).
import type { RecordCodec } from './collections.js';
import type { FsContext } from './context.js';
import type { DataExportRepository } from '../../../ports/store.js';
import { notBuilt } from './not-built.js';

export function firestoreDataExports(ctx: FsContext): DataExportRepository {
  return notBuilt<DataExportRepository>('firestoreDataExports', ctx);
}

export const privacyCodecs: RecordCodec[] = [];
