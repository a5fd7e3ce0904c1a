// SKELETON: replaced by the real repositories (each function below keeps its name and signature).
import type { RecordCodec } from './collections.js';
import type { FsContext } from './context.js';
import type { ContentRepository, MediaAssetRepository, StageCacheRepository } from '../../../ports/store.js';
import { notBuilt } from './not-built.js';

export function firestoreContent(ctx: FsContext): ContentRepository {
  return notBuilt<ContentRepository>('firestoreContent', ctx);
}

export function firestoreStageCache(ctx: FsContext): StageCacheRepository {
  return notBuilt<StageCacheRepository>('firestoreStageCache', ctx);
}

export function firestoreMediaAssets(ctx: FsContext): MediaAssetRepository {
  return notBuilt<MediaAssetRepository>('firestoreMediaAssets', ctx);
}

export const contentCodecs: RecordCodec[] = [];
