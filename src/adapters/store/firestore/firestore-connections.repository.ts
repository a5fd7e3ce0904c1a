// SKELETON: replaced by the real repositories (each function below keeps its name and signature).
import type { RecordCodec } from './collections.js';
import type { FsContext } from './context.js';
import type { ConnectionRepository } from '../../../ports/store.js';
import { notBuilt } from './not-built.js';

export function firestoreConnections(ctx: FsContext): ConnectionRepository {
  return notBuilt<ConnectionRepository>('firestoreConnections', ctx);
}

export const connectionCodecs: RecordCodec[] = [];
