// SKELETON: replaced by the real repositories (each function below keeps its name and signature).
import type { RecordCodec } from './collections.js';
import type { FsContext } from './context.js';
import type { ErasureRepository } from '../../../ports/store.js';
import { notBuilt } from './not-built.js';

export function firestoreErasure(ctx: FsContext): ErasureRepository {
  return notBuilt<ErasureRepository>('firestoreErasure', ctx);
}

export const erasureCodecs: RecordCodec[] = [];
