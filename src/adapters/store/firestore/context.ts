import { AggregateField } from '@google-cloud/firestore';
import type {
  DocumentData,
  DocumentReference,
  Firestore,
  Query,
  QueryDocumentSnapshot,
  Transaction,
  WhereFilterOp,
} from '@google-cloud/firestore';
import { PendingWrites } from './pending-writes.js';
import { recordQueryShape } from './query-shapes.js';

/** A query of one collection, built only through this shape so every query the adapter runs can be indexed. */
export interface QuerySpec {
  collection: string;
  where?: [field: string, op: WhereFilterOp, value: unknown][];
  orderBy?: [field: string, direction: 'asc' | 'desc'][];
  /** Values of the `orderBy` fields of the last document of the previous page. */
  startAfter?: unknown[];
  limit?: number;
}

/**
 * How a repository reads and writes: through the transaction it belongs to when there is one, straight to the
 * database otherwise. Inside a transaction opened by `inTransaction`, writes are held until the work returns (see
 * PendingWrites), so work may read after it wrote, as the Store port allows.
 */
export class FsContext {
  constructor(
    readonly db: Firestore,
    readonly tx: Transaction | null = null,
    private readonly pending: PendingWrites | null = null,
  ) {}

  /** Runs `work` in the Firestore transaction `tx`, sending its held writes to it once `work` returns. */
  static async inTransaction<T>(
    db: Firestore,
    tx: Transaction,
    work: (ctx: FsContext) => Promise<T>,
  ): Promise<T> {
    const pending = new PendingWrites();
    const result = await work(new FsContext(db, tx, pending));
    pending.flush(tx);
    return result;
  }

  ref(collection: string, id: string): DocumentReference {
    return this.db.collection(collection).doc(docId(id));
  }

  /** The document's data, or null. */
  async get(collection: string, id: string): Promise<DocumentData | null> {
    const ref = this.ref(collection, id);
    const snapshot = this.tx ? await this.tx.get(ref) : await ref.get();
    const stored = snapshot.exists ? (snapshot.data() ?? null) : null;
    return this.pending ? this.pending.view(ref.path, stored) : stored;
  }

  /** Several documents by id in one round trip; missing ones are left out. */
  async getMany(collection: string, ids: readonly string[]): Promise<DocumentData[]> {
    if (ids.length === 0) return [];
    const refs = ids.map((id) => this.ref(collection, id));
    const snapshots = this.tx ? await this.tx.getAll(...refs) : await this.db.getAll(...refs);
    const pending = this.pending;
    if (!pending) return snapshots.filter((s) => s.exists).map((s) => s.data() ?? {});
    return snapshots
      .map((s) => pending.view(s.ref.path, s.exists ? (s.data() ?? null) : null))
      .filter((data): data is DocumentData => data !== null);
  }

  /** Runs a query; its shape is recorded so the index test can check `firestore.indexes.json` covers it. */
  async query(spec: QuerySpec): Promise<QueryDocumentSnapshot[]> {
    const query = this.build(spec);
    const result = this.tx ? await this.tx.get(query) : await query.get();
    return result.docs;
  }

  /** The data of every document a query matches (as this transaction changed it, when it did). */
  async rows(spec: QuerySpec): Promise<DocumentData[]> {
    const docs = await this.query(spec);
    const pending = this.pending;
    if (!pending) return docs.map((doc) => doc.data());
    return docs
      .map((doc) => pending.view(doc.ref.path, doc.data()))
      .filter((data): data is DocumentData => data !== null);
  }

  /** How many documents a query matches, counted by the server. */
  async count(spec: QuerySpec): Promise<number> {
    const aggregate = this.build(spec).count();
    const result = this.tx ? await this.tx.get(aggregate) : await aggregate.get();
    return result.data().count;
  }

  /** The total of a numeric field over the documents a query matches, summed by the server. */
  async sum(spec: QuerySpec, field: string): Promise<number> {
    const aggregate = this.build(spec).aggregate({ total: AggregateField.sum(field) });
    const result = this.tx ? await this.tx.get(aggregate) : await aggregate.get();
    return result.data().total ?? 0;
  }

  /** Creates or replaces a document. */
  async set(collection: string, id: string, data: DocumentData): Promise<void> {
    const ref = this.ref(collection, id);
    if (this.pending) this.pending.add(ref, { kind: 'set', data });
    else if (this.tx) this.tx.set(ref, data);
    else await ref.set(data);
  }

  /** Creates a document that must not exist yet: the write (or the transaction's commit) fails with ALREADY_EXISTS. */
  async create(collection: string, id: string, data: DocumentData): Promise<void> {
    const ref = this.ref(collection, id);
    if (this.pending) this.pending.add(ref, { kind: 'create', data });
    else if (this.tx) this.tx.create(ref, data);
    else await ref.create(data);
  }

  /** Changes some fields of an existing document (fails when it is missing). */
  async update(collection: string, id: string, fields: DocumentData): Promise<void> {
    const ref = this.ref(collection, id);
    if (this.pending) this.pending.add(ref, { kind: 'update', fields });
    else if (this.tx) this.tx.update(ref, fields);
    else await ref.update(fields);
  }

  async delete(collection: string, id: string): Promise<void> {
    await this.deleteRef(this.ref(collection, id));
  }

  async deleteRef(ref: DocumentReference): Promise<void> {
    if (this.pending) this.pending.add(ref, { kind: 'delete' });
    else if (this.tx) this.tx.delete(ref);
    else await ref.delete();
  }

  /**
   * Runs read-then-write work atomically: inside the caller's transaction when there is one, else in its own
   * (which Firestore retries when it loses a race, so `work` must have no other side effect).
   */
  async atomic<T>(work: (ctx: FsContext) => Promise<T>): Promise<T> {
    if (this.tx) return work(this);
    return this.db.runTransaction((tx) => FsContext.inTransaction(this.db, tx, work));
  }

  /**
   * Deletes every document a query matches, in batches; inside a transaction the deletes join it (Firestore
   * allows 500 writes per transaction, far more than one person's records of a kind on the embedded scale).
   */
  async deleteWhere(spec: QuerySpec): Promise<number> {
    const docs = await this.query(spec);
    if (this.tx) {
      for (const doc of docs) await this.deleteRef(doc.ref);
      return docs.length;
    }
    for (let i = 0; i < docs.length; i += 400) {
      const batch = this.db.batch();
      for (const doc of docs.slice(i, i + 400)) batch.delete(doc.ref);
      await batch.commit();
    }
    return docs.length;
  }

  private build(spec: QuerySpec): Query {
    recordQueryShape(spec);
    let query: Query = this.db.collection(spec.collection);
    for (const [field, op, value] of spec.where ?? []) query = query.where(field, op, value);
    for (const [field, direction] of spec.orderBy ?? []) query = query.orderBy(field, direction);
    if (spec.startAfter) query = query.startAfter(...spec.startAfter);
    if (spec.limit !== undefined) query = query.limit(spec.limit);
    return query;
  }
}

/** App ids are safe document ids; other keys (emails, digests with '/') are encoded so they are too. */
export function docId(key: string): string {
  return /^[A-Za-z0-9_.@+-]{1,700}$/.test(key) && !/^__.*__$/.test(key) && key !== '.' && key !== '..'
    ? key
    : `~${Buffer.from(key, 'utf8').toString('base64url')}`;
}
