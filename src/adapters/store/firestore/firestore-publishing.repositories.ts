// SKELETON: replaced by the real repositories (each function below keeps its name and signature).
import type { RecordCodec } from './collections.js';
import type { FsContext } from './context.js';
import type { PublicationRepository, ReviewRepository } from '../../../ports/store.js';
import { notBuilt } from './not-built.js';

export function firestoreReviews(ctx: FsContext): ReviewRepository {
  return notBuilt<ReviewRepository>('firestoreReviews', ctx);
}

export function firestorePublications(ctx: FsContext): PublicationRepository {
  return notBuilt<PublicationRepository>('firestorePublications', ctx);
}

export const publishingCodecs: RecordCodec[] = [];
