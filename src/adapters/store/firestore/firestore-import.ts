import { createHash } from 'node:crypto';
import { Timestamp, type DocumentData, type Firestore } from '@google-cloud/firestore';
import { BugError } from '../../../domain/errors.js';
import { unpack } from './codec.js';
import { COLLECTIONS, type CollectionName, type DocWrite, type RecordCodec } from './collections.js';
import { FsContext } from './context.js';
import { RECORD_CODECS } from './repositories.js';

/** Collections of unique keys only: the record owning a key writes its guard document. */
export const GUARD_COLLECTIONS = [
  'userEmails',
  'connectionAccounts',
  'jobKeys',
  'publicationKeys',
  'trackedVideoPosts',
] as const;

/** A collection of records (every collection but the guards). */
export type RecordCollection = Exclude<CollectionName, (typeof GUARD_COLLECTIONS)[number]>;

/** Every record collection, in COLLECTIONS order. */
export const RECORD_COLLECTIONS = COLLECTIONS.filter(
  (c): c is RecordCollection => !(GUARD_COLLECTIONS as readonly string[]).includes(c),
);

/** Where the records come from: per collection, the records exactly as the repositories keep them in `data`. */
export interface RecordSource {
  count(collection: RecordCollection): number;
  records(collection: RecordCollection): Iterable<unknown>;
}

/** Writes per batch: below Firestore's 500, with room for a record's guard documents. */
export const WRITE_BATCH_SIZE = 400;
/** Documents read back per round trip when verifying. */
const READ_CHUNK = 300;
/** Differences listed in full; beyond these only the count grows. */
const DIFFERENCES_LISTED = 50;

/** The record collections no codec covers yet (a migration must not run while any is missing). */
export function collectionsWithoutCodec(codecs: readonly RecordCodec[] = RECORD_CODECS): RecordCollection[] {
  return RECORD_COLLECTIONS.filter((c) => !codecs.some((codec) => codec.collection === c));
}

function codecOf(collection: RecordCollection): RecordCodec {
  const codec = RECORD_CODECS.find((c) => c.collection === collection);
  if (!codec) throw new BugError('no_record_codec', `No codec writes the ${collection} collection`);
  return codec;
}

/** How many documents each collection of the database holds now (zero counts left out). */
export async function existingDocuments(db: Firestore): Promise<Partial<Record<CollectionName, number>>> {
  const ctx = new FsContext(db);
  const counts: Partial<Record<CollectionName, number>> = {};
  for (const collection of COLLECTIONS) {
    const n = await ctx.count({ collection });
    if (n > 0) counts[collection] = n;
  }
  return counts;
}

/** What a copy wrote (or, dry, would write) into one collection. */
export interface CollectionCopy {
  collection: RecordCollection;
  records: number;
  /** Documents, the record documents and the guard documents they own. */
  documents: number;
}

/**
 * Writes every record of `source` as the repositories would (each codec's documents, `set` so a second run
 * rewrites the same documents: re-running is safe), in batches of at most WRITE_BATCH_SIZE writes. `dryRun` only
 * counts. `onBatch` hears the running totals of the collection being written.
 */
export async function importRecords(
  db: Firestore,
  source: RecordSource,
  options: { dryRun: boolean; onBatch?: (copy: CollectionCopy) => void },
): Promise<CollectionCopy[]> {
  const ctx = new FsContext(db);
  const copies: CollectionCopy[] = [];
  for (const collection of RECORD_COLLECTIONS) {
    const codec = codecOf(collection);
    const named = new Map<string, number>();
    const copy: CollectionCopy = { collection, records: 0, documents: 0 };
    let pending: DocWrite[] = [];
    const flush = async () => {
      if (pending.length === 0) return;
      if (!options.dryRun) {
        const batch = db.batch();
        for (const write of pending) batch.set(ctx.ref(write.collection, write.id), write.doc);
        await batch.commit();
      }
      pending = [];
      options.onBatch?.({ ...copy });
    };
    for (const record of source.records(collection)) {
      const docs = documentsOf(codec, record, named);
      // A record and its guards go in one batch, so a stopped copy never leaves a guard without its record.
      if (pending.length + docs.length > WRITE_BATCH_SIZE) await flush();
      pending.push(...docs);
      copy.records += 1;
      copy.documents += docs.length;
    }
    await flush();
    copies.push(copy);
  }
  return copies;
}

/** What reading a collection back found. */
export interface CollectionCheck {
  collection: CollectionName;
  /** Documents the dump's records make (for a guard collection: the guards its owners make). */
  expected: number;
  /** Documents the collection holds. */
  found: number;
  /** Expected documents found equal, field by field (and, for records, the record in `data` equal to the dump's). */
  matching: number;
}

/** The verification of a copy: per collection counts, and every difference found. */
export interface ImportCheck {
  /** The record collections whose every record was compared with the dump. */
  compared: RecordCollection[];
  collections: CollectionCheck[];
  /** How many differences there are, and the first few described. */
  differenceCount: number;
  differences: string[];
}

/**
 * Reads every document the dump's records make back from the database and compares it, and the record in its
 * `data`, with the dump; then counts each collection, so documents the dump does not explain show too.
 */
export async function verifyImport(db: Firestore, source: RecordSource): Promise<ImportCheck> {
  const ctx = new FsContext(db);
  const check: ImportCheck = { compared: [], collections: [], differenceCount: 0, differences: [] };
  const differ = (text: string) => {
    check.differenceCount += 1;
    if (check.differences.length < DIFFERENCES_LISTED) check.differences.push(text);
  };
  const expectedIds = new Map<CollectionName, Set<string>>(COLLECTIONS.map((c) => [c, new Set<string>()]));
  const matching = new Map<CollectionName, number>(COLLECTIONS.map((c) => [c, 0]));

  const compareChunk = async (chunk: Expected[]) => {
    if (chunk.length === 0) return;
    const snapshots = await db.getAll(...chunk.map(({ write }) => ctx.ref(write.collection, write.id)));
    chunk.forEach(({ write, record, isRecord }, i) => {
      const where = `${write.collection}/${write.id}`;
      const found = snapshots[i]?.exists ? snapshots[i].data() : undefined;
      if (!found) return differ(`${where}: missing`);
      const fields = differingFields(write.doc, found);
      if (fields.length > 0) return differ(`${where}: ${fields.join(', ')} differ`);
      if (isRecord && canonical(unpack(found)) !== canonical(record))
        return differ(`${where}: the record differs from the dump`);
      matching.set(write.collection, (matching.get(write.collection) ?? 0) + 1);
    });
  };

  for (const collection of RECORD_COLLECTIONS) {
    const codec = codecOf(collection);
    const named = new Map<string, number>();
    let chunk: Expected[] = [];
    for (const record of source.records(collection)) {
      for (const write of documentsOf(codec, record, named)) {
        const ids = expectedIds.get(write.collection);
        // Two records claiming one key (or one id) would overwrite each other: that is a loss, not a copy.
        if (ids?.has(write.id)) differ(`${write.collection}/${write.id}: made by two records of the dump`);
        ids?.add(write.id);
        chunk.push({ write, record, isRecord: write.collection === collection });
      }
      if (chunk.length >= READ_CHUNK) {
        await compareChunk(chunk);
        chunk = [];
      }
    }
    await compareChunk(chunk);
    check.compared.push(collection);
  }

  for (const collection of COLLECTIONS) {
    const expected = expectedIds.get(collection)?.size ?? 0;
    const found = await ctx.count({ collection });
    if (found > expected) differ(`${collection}: ${found - expected} documents the dump does not have`);
    check.collections.push({ collection, expected, found, matching: matching.get(collection) ?? 0 });
  }
  return check;
}

/**
 * The documents a record makes. A codec may name a document at random (a log line nothing reads by id, such as a
 * stats call): that document gets an id made from the record instead (its nth copy, when several are alike), so a
 * second run rewrites it rather than adding one, and the verification finds it. `named` counts the alike ones.
 */
function documentsOf(codec: RecordCodec, record: unknown, named: Map<string, number>): DocWrite[] {
  const docs = codec.toDocs(record);
  const again = codec.toDocs(record);
  if (docs.every((doc, i) => doc.id === again[i]?.id)) return docs;
  const body = canonical(record);
  const nth = (named.get(body) ?? 0) + 1;
  named.set(body, nth);
  return docs.map((doc, i) =>
    doc.id === again[i]?.id
      ? doc
      : { ...doc, id: `m${createHash('sha256').update(`${body}#${nth}#${i}`).digest('hex').slice(0, 32)}` },
  );
}

/** A document a record makes, with the record (whose own document, not a guard, holds it in `data`). */
interface Expected {
  write: DocWrite;
  record: unknown;
  isRecord: boolean;
}

/** The names of the fields whose values differ between what was written and what was read. */
function differingFields(written: DocumentData, read: DocumentData): string[] {
  const names = new Set([...Object.keys(written), ...Object.keys(read)]);
  return [...names].filter((name) => canonical(written[name]) !== canonical(read[name])).sort();
}

/** A value as JSON with sorted keys; Firestore's timestamps as ISO times (a Date written comes back as one). */
function canonical(value: unknown): string {
  return JSON.stringify(normalized(value)) ?? 'undefined';
}

function normalized(value: unknown): unknown {
  if (value instanceof Timestamp) return value.toDate().toISOString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(normalized);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, normalized(v)]));
  }
  return value;
}
