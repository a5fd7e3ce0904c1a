// SKELETON: replaced by the real repositories (each function below keeps its name and signature).
import type { RecordCodec } from './collections.js';
import type { FsContext } from './context.js';
import type { JobRepository } from '../../../ports/store.js';
import { notBuilt } from './not-built.js';

export function firestoreJobs(ctx: FsContext): JobRepository {
  return notBuilt<JobRepository>('firestoreJobs', ctx);
}

export const jobCodecs: RecordCodec[] = [];
