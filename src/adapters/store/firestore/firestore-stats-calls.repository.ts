// SKELETON: replaced by the real repositories (each function below keeps its name and signature).
import type { RecordCodec } from './collections.js';
import type { FsContext } from './context.js';
import type { StatsCallRepository } from '../../../ports/store.js';
import { notBuilt } from './not-built.js';

export function firestoreStatsCalls(ctx: FsContext): StatsCallRepository {
  return notBuilt<StatsCallRepository>('firestoreStatsCalls', ctx);
}

export const statsCallCodecs: RecordCodec[] = [];
