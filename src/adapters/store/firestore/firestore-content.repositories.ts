import type { DocumentData } from '@google-cloud/firestore';
import type { ContentItem, MediaAsset, Version } from '../../../domain/content-item.js';
import { searchQueryTerms, titleSearchTerms } from '../../../domain/search-terms.js';
import type { ContentRepository, MediaAssetRepository, StageCacheRepository } from '../../../ports/store.js';
import { pack, unpack } from './codec.js';
import type { RecordCodec } from './collections.js';
import type { FsContext, QuerySpec } from './context.js';
import { newestFirstPage } from './newest-first-pages.js';

/** What `stageCache` documents hold in `data` (and what its codec takes). */
export interface StageCacheRecord {
  workspaceId: string;
  key: string;
  stage: string;
  output: unknown;
  at: string;
}

/** An item's document; `terms` (every prefix of every title word) serves the title search with `array-contains`. */
export function itemDoc(item: ContentItem): DocumentData {
  return pack(item, {
    id: item.id,
    workspaceId: item.workspaceId,
    status: item.status,
    terms: titleSearchTerms(item.title),
    createdBy: item.createdBy,
  });
}

function versionDoc(version: Version): DocumentData {
  return pack(version, {
    workspaceId: version.workspaceId,
    itemId: version.itemId,
    number: version.number,
    createdAt: version.createdAt,
  });
}

function stageCacheId(workspaceId: string, key: string): string {
  return `${workspaceId}:${key}`;
}

function assetDoc(asset: MediaAsset): DocumentData {
  return pack(asset, { id: asset.id, workspaceId: asset.workspaceId, createdAt: asset.createdAt });
}

/** The record of a workspace's document, or null when the document is missing or another workspace's. */
function ownRecord<T>(doc: DocumentData | null, workspaceId: string): T | null {
  return doc && doc.workspaceId === workspaceId ? unpack<T>(doc) : null;
}

export function firestoreContent(ctx: FsContext): ContentRepository {
  return {
    createItem: (item) =>
      ctx.atomic(async (tx) => {
        if (await tx.get('contentItems', item.id)) throw new Error(`content item ${item.id} exists`);
        await tx.set('contentItems', item.id, itemDoc(item));
      }),
    updateItem: (item) =>
      ctx.atomic(async (tx) => {
        const before = ownRecord<ContentItem>(await tx.get('contentItems', item.id), item.workspaceId);
        if (!before) return;
        // Only what changes over an item's life is taken; its source, creator and series stay as created.
        const after: ContentItem = {
          ...before,
          title: item.title,
          brief: item.brief,
          status: item.status,
          currentVersionId: item.currentVersionId,
          failure: item.failure,
          updatedAt: item.updatedAt,
        };
        await tx.set('contentItems', item.id, itemDoc(after));
      }),
    findItem: async (workspaceId, id) =>
      ownRecord<ContentItem>(await ctx.get('contentItems', id), workspaceId),
    listItems: (workspaceId, filter, page) => {
      const where: NonNullable<QuerySpec['where']> = [['workspaceId', '==', workspaceId]];
      if (filter.status) where.push(['status', '==', filter.status]);
      const terms = searchQueryTerms(filter.search ?? '');
      if (terms.length === 0)
        return newestFirstPage<ContentItem>(ctx, { collection: 'contentItems', where }, page);
      // One term is looked up in the index (the longest: likely the rarest); the others are checked per document.
      const [lookup, ...others] = [...terms].sort((a, b) => b.length - a.length) as [string, ...string[]];
      where.push(['terms', 'array-contains', lookup]);
      const hasOthers = (doc: DocumentData) => {
        const itemTerms = doc.terms as string[];
        return others.every((term) => itemTerms.includes(term));
      };
      return newestFirstPage<ContentItem>(
        ctx,
        { collection: 'contentItems', where },
        page,
        others.length ? hasOthers : undefined,
      );
    },
    createVersion: (version) =>
      ctx.atomic(async (tx) => {
        // A query read in a transaction is locked too: a racing version with the same number makes one loser.
        const sameNumber = await tx.rows({
          collection: 'versions',
          where: [
            ['workspaceId', '==', version.workspaceId],
            ['itemId', '==', version.itemId],
            ['number', '==', version.number],
          ],
          limit: 1,
        });
        if (sameNumber.length > 0)
          throw new Error(`item ${version.itemId} already has a version ${version.number}`);
        if (await tx.get('versions', version.id)) throw new Error(`version ${version.id} exists`);
        await tx.set('versions', version.id, versionDoc(version));
      }),
    findVersion: async (workspaceId, id) => ownRecord<Version>(await ctx.get('versions', id), workspaceId),
    listVersions: async (workspaceId, itemId) =>
      (
        await ctx.rows({
          collection: 'versions',
          where: [
            ['workspaceId', '==', workspaceId],
            ['itemId', '==', itemId],
          ],
          orderBy: [['number', 'desc']],
        })
      ).map((doc) => unpack<Version>(doc)),
  };
}

export function firestoreStageCache(ctx: FsContext): StageCacheRepository {
  return {
    get: async (workspaceId, key) => {
      const record = ownRecord<StageCacheRecord>(
        await ctx.get('stageCache', stageCacheId(workspaceId, key)),
        workspaceId,
      );
      return record?.output ?? null;
    },
    put: (workspaceId, key, stage, output, at) =>
      ctx.set(
        'stageCache',
        stageCacheId(workspaceId, key),
        pack({ workspaceId, key, stage, output, at } satisfies StageCacheRecord, { workspaceId }),
      ),
    clear: (workspaceId) =>
      ctx.deleteWhere({ collection: 'stageCache', where: [['workspaceId', '==', workspaceId]] }),
  };
}

export function firestoreMediaAssets(ctx: FsContext): MediaAssetRepository {
  return {
    create: (asset) =>
      ctx.atomic(async (tx) => {
        if (await tx.get('mediaAssets', asset.id)) throw new Error(`media asset ${asset.id} exists`);
        await tx.set('mediaAssets', asset.id, assetDoc(asset));
      }),
    find: async (workspaceId, id) => ownRecord<MediaAsset>(await ctx.get('mediaAssets', id), workspaceId),
    listByWorkspace: (workspaceId, page) =>
      newestFirstPage<MediaAsset>(
        ctx,
        { collection: 'mediaAssets', where: [['workspaceId', '==', workspaceId]] },
        page,
      ),
    delete: (workspaceId, id) =>
      ctx.atomic(async (tx) => {
        if (!ownRecord<MediaAsset>(await tx.get('mediaAssets', id), workspaceId)) return false;
        await tx.delete('mediaAssets', id);
        return true;
      }),
  };
}

export const contentCodecs: RecordCodec[] = [
  {
    collection: 'contentItems',
    toDocs: (record) => {
      const item = record as ContentItem;
      return [{ collection: 'contentItems', id: item.id, doc: itemDoc(item) }];
    },
  },
  {
    collection: 'versions',
    toDocs: (record) => {
      const version = record as Version;
      return [{ collection: 'versions', id: version.id, doc: versionDoc(version) }];
    },
  },
  {
    collection: 'stageCache',
    toDocs: (record) => {
      const entry = record as StageCacheRecord;
      const id = stageCacheId(entry.workspaceId, entry.key);
      return [{ collection: 'stageCache', id, doc: pack(entry, { workspaceId: entry.workspaceId }) }];
    },
  },
  {
    collection: 'mediaAssets',
    toDocs: (record) => {
      const asset = record as MediaAsset;
      return [{ collection: 'mediaAssets', id: asset.id, doc: assetDoc(asset) }];
    },
  },
];
