// SKELETON: replaced by the real repositories (each function below keeps its name and signature).
import type { RecordCodec } from './collections.js';
import type { FsContext } from './context.js';
import type { SnapshotRepository, TrackedVideoRepository } from '../../../ports/store.js';
import { notBuilt } from './not-built.js';

export function firestoreTrackedVideos(ctx: FsContext): TrackedVideoRepository {
  return notBuilt<TrackedVideoRepository>('firestoreTrackedVideos', ctx);
}

export function firestoreSnapshots(ctx: FsContext): SnapshotRepository {
  return notBuilt<SnapshotRepository>('firestoreSnapshots', ctx);
}

export const analyticsCodecs: RecordCodec[] = [];
