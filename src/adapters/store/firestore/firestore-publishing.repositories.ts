import type { DocumentData } from '@google-cloud/firestore';
import { TransientError } from '../../../domain/errors.js';
import type { Publication } from '../../../domain/publishing/publication.js';
import type { VersionReview } from '../../../domain/publishing/review.js';
import type { PublicationRepository, ReviewRepository } from '../../../ports/store.js';
import { pack, unpack } from './codec.js';
import type { DocWrite, RecordCodec } from './collections.js';
import type { FsContext } from './context.js';
import { createUnlessGuarded } from './firestore-guarded-create.js';
import { sortedPage, sortKey, utc, type SortedScan } from './firestore-sorted-scan.js';

/** A review's document: id = versionId; listed by `sortKey` (updatedAt, then the version id), newest first. */
function reviewDoc(r: VersionReview): DocWrite {
  return {
    collection: 'reviews',
    id: r.versionId,
    doc: pack(r, {
      workspaceId: r.workspaceId,
      itemId: r.itemId,
      state: r.state,
      updatedAt: utc(r.updatedAt),
      sortKey: sortKey(r.updatedAt, r.versionId),
    }),
  };
}

export function firestoreReviews(ctx: FsContext): ReviewRepository {
  const toReview = (doc: DocumentData) => unpack<VersionReview>(doc);
  return {
    save: (review) =>
      ctx.atomic(async (tx) => {
        const stored = await tx.get('reviews', review.versionId);
        // Version ids are global; a save naming another workspace never replaces that workspace's review.
        if (stored && stored.workspaceId !== review.workspaceId) return;
        const { collection, id, doc } = reviewDoc(review);
        await tx.set(collection, id, doc);
      }),
    find: async (workspaceId, versionId) => {
      const doc = await ctx.get('reviews', versionId);
      return doc && doc.workspaceId === workspaceId ? toReview(doc) : null;
    },
    list: (workspaceId, filter, page) =>
      sortedPage(
        ctx,
        {
          collection: 'reviews',
          equals: [
            ['workspaceId', workspaceId],
            ...(filter.state ? [['state', filter.state] as [string, unknown]] : []),
          ],
        },
        page,
        toReview,
      ),
    listForItem: async (workspaceId, itemId) =>
      (
        await ctx.rows({
          collection: 'reviews',
          where: [
            ['workspaceId', '==', workspaceId],
            ['itemId', '==', itemId],
          ],
          orderBy: [['sortKey', 'desc']],
        })
      ).map(toReview),
  };
}

const plannedAt = (p: Publication) => utc(p.scheduledAt ?? p.createdAt);
const publicationKeyId = (workspaceId: string, key: string) => `${workspaceId}:${key}`;

/** A publication's documents: the record, and its idempotency key's guard when it has one. */
function publicationDocs(p: Publication): DocWrite[] {
  const record: DocWrite = {
    collection: 'publications',
    id: p.id,
    doc: pack(p, {
      workspaceId: p.workspaceId,
      connectionId: p.connectionId,
      itemId: p.itemId,
      status: p.status,
      platform: p.platform,
      plannedAt: plannedAt(p),
      sortKey: sortKey(plannedAt(p), p.id),
      platformRef: p.platformRef,
      startedAt: p.startedAt ? utc(p.startedAt) : null,
      revision: p.revision,
    }),
  };
  if (!p.idempotencyKey) return [record];
  const guard: DocWrite = {
    collection: 'publicationKeys',
    id: publicationKeyId(p.workspaceId, p.idempotencyKey),
    doc: { publicationId: p.id, workspaceId: p.workspaceId },
  };
  return [record, guard];
}

export function firestorePublications(ctx: FsContext): PublicationRepository {
  const toPublication = (doc: DocumentData) => unpack<Publication>(doc);
  return {
    create: async (p) => {
      const [record, guard] = publicationDocs(p);
      if (!guard) {
        await ctx.set(record!.collection, record!.id, record!.doc);
        return p;
      }
      // Of two clients racing with one key, one writes the guard (with its publication, atomically); the other
      // finds it taken and returns the stored publication.
      if (await createUnlessGuarded(ctx, guard, [record!])) return p;
      const claimed = await ctx.get(guard.collection, guard.id);
      const existing = claimed ? await ctx.get('publications', claimed.publicationId as string) : null;
      if (!existing) throw new TransientError('publication_key_busy', 'The publication is being created');
      return toPublication(existing);
    },
    find: async (workspaceId, id) => {
      const doc = await ctx.get('publications', id);
      return doc && doc.workspaceId === workspaceId ? toPublication(doc) : null;
    },
    update: (p) =>
      ctx.atomic(async (tx) => {
        const stored = await tx.get('publications', p.id);
        if (!stored || stored.workspaceId !== p.workspaceId || stored.revision !== p.revision - 1)
          return false;
        const [record] = publicationDocs(p);
        await tx.set(record!.collection, record!.id, record!.doc);
        return true;
      }),
    list: (workspaceId, filter, page) => {
      // Every combination of the three equality filters has its index (eight in all), so nothing is filtered in
      // memory; the planned-time window is a range on the sort key itself.
      const equals: SortedScan['equals'] = [['workspaceId', workspaceId]];
      if (filter.status) equals.push(['status', filter.status]);
      if (filter.connectionId) equals.push(['connectionId', filter.connectionId]);
      if (filter.itemId) equals.push(['itemId', filter.itemId]);
      return sortedPage(
        ctx,
        { collection: 'publications', equals, from: filter.from, to: filter.to },
        page,
        toPublication,
      );
    },
    findByPlatformRef: async (platform, platformRef) => {
      const [doc] = await ctx.rows({
        collection: 'publications',
        where: [
          ['platform', '==', platform],
          ['platformRef', '==', platformRef],
        ],
        limit: 1,
      });
      return doc ? toPublication(doc) : null;
    },
    countStartedSince: ({ platform, connectionId, since }) =>
      ctx.count({
        collection: 'publications',
        where: [
          ['platform', '==', platform],
          ...(connectionId ? [['connectionId', '==', connectionId] as [string, '==', string]] : []),
          ['startedAt', '>=', utc(since)],
        ],
      }),
    listByConnection: async (workspaceId, connectionId, statuses) => {
      if (statuses.length === 0) return [];
      // A connection has few publications in the resumable statuses; sorting them here needs no extra index.
      const docs = await ctx.rows({
        collection: 'publications',
        where: [
          ['workspaceId', '==', workspaceId],
          ['connectionId', '==', connectionId],
          ['status', 'in', statuses],
        ],
      });
      return docs.sort((a, b) => ((a.sortKey as string) < (b.sortKey as string) ? -1 : 1)).map(toPublication);
    },
  };
}

export const publishingCodecs: RecordCodec[] = [
  { collection: 'reviews', toDocs: (record) => [reviewDoc(record as VersionReview)] },
  { collection: 'publications', toDocs: (record) => publicationDocs(record as Publication) },
];
