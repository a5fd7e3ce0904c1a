import type { DocumentData } from '@google-cloud/firestore';
import type { DataExport } from '../../../domain/privacy/data-export.js';
import type { DataExportRepository } from '../../../ports/store.js';
import { pack, unpack } from './codec.js';
import type { RecordCodec } from './collections.js';
import type { FsContext } from './context.js';

export const dataExportDoc = (e: DataExport): DocumentData =>
  pack(e, { id: e.id, userId: e.userId, status: e.status, expiresAt: e.expiresAt, createdAt: e.createdAt });

/** Newest id first, as the SQLite adapter lists them. */
const newestFirst = (a: DataExport, b: DataExport) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

export function firestoreDataExports(ctx: FsContext): DataExportRepository {
  const ofUser = async (userId: string) =>
    // One person's exports are few: read them all and order here, with no composite index.
    (await ctx.rows({ collection: 'dataExports', where: [['userId', '==', userId]] })).map(
      unpack<DataExport>,
    );
  return {
    create: (e) => ctx.create('dataExports', e.id, dataExportDoc(e)),
    find: async (userId, id) => {
      const doc = await ctx.get('dataExports', id);
      const found = doc ? unpack<DataExport>(doc) : null;
      return found?.userId === userId ? found : null;
    },
    findById: async (id) => {
      const doc = await ctx.get('dataExports', id);
      return doc ? unpack<DataExport>(doc) : null;
    },
    update: (e) =>
      ctx.atomic(async (tx) => {
        const doc = await tx.get('dataExports', e.id);
        const stored = doc ? unpack<DataExport>(doc) : null;
        // Only the changing fields, and only on the person's own export (as the SQL UPDATE's WHERE does).
        if (!stored || stored.userId !== e.userId) return;
        const { status, progress, fileKey, sizeBytes, error, updatedAt, readyAt, expiresAt } = e;
        const next = {
          ...stored,
          status,
          progress,
          fileKey,
          sizeBytes,
          error,
          updatedAt,
          readyAt,
          expiresAt,
        };
        await tx.set('dataExports', e.id, dataExportDoc(next));
      }),
    listByUser: async (userId) => (await ofUser(userId)).sort(newestFirst),
    listExpired: async (before, limit) =>
      (
        await ctx.rows({
          collection: 'dataExports',
          where: [
            ['status', '==', 'ready'],
            ['expiresAt', '<=', before],
          ],
          orderBy: [
            ['expiresAt', 'asc'],
            ['id', 'asc'],
          ],
          limit,
        })
      ).map(unpack<DataExport>),
    deleteByUser: (userId) =>
      ctx.atomic(async (tx) => {
        const exports = (await tx.rows({ collection: 'dataExports', where: [['userId', '==', userId]] })).map(
          unpack<DataExport>,
        );
        for (const e of exports) await tx.delete('dataExports', e.id);
        return exports.flatMap((e) => (e.fileKey ? [e.fileKey] : []));
      }),
  };
}

export const privacyCodecs: RecordCodec[] = [
  {
    collection: 'dataExports',
    toDocs: (record) => {
      const e = record as DataExport;
      return [{ collection: 'dataExports', id: e.id, doc: dataExportDoc(e) }];
    },
  },
];
