import type { DocumentData, DocumentReference, Transaction } from '@google-cloud/firestore';

/** One write a transaction made, held back until its work is done. */
type PendingWrite =
  | { kind: 'set' | 'create'; data: DocumentData }
  | { kind: 'update'; fields: DocumentData }
  | { kind: 'delete' };

/**
 * The writes of one transaction attempt, kept in memory until its work returns. Firestore refuses a read after the
 * first write of a transaction, but the Store port lets work read what it wrote (SQLite does), so writes are sent
 * only at the end and reads of a document see this attempt's writes laid over the stored data. Limits: a query
 * does not find documents this attempt created, and `count` does not see its writes; `update` fields are
 * top-level values (no dotted paths or sentinels) so the overlay can merge them.
 */
export class PendingWrites {
  private readonly writes: { ref: DocumentReference; write: PendingWrite }[] = [];
  private readonly byPath = new Map<string, PendingWrite[]>();

  add(ref: DocumentReference, write: PendingWrite): void {
    this.writes.push({ ref, write });
    const list = this.byPath.get(ref.path) ?? [];
    list.push(write);
    this.byPath.set(ref.path, list);
  }

  /** What a read of the document sees: `stored` (null when missing) with this attempt's writes applied in order. */
  view(path: string, stored: DocumentData | null): DocumentData | null {
    let data = stored;
    for (const write of this.byPath.get(path) ?? []) {
      if (write.kind === 'delete') data = null;
      else if (write.kind === 'update') data = data ? { ...data, ...write.fields } : null;
      else data = write.data;
    }
    return data;
  }

  /** Hands every held write to the Firestore transaction, in the order it was made (it commits them). */
  flush(tx: Transaction): void {
    for (const { ref, write } of this.writes) {
      if (write.kind === 'set') tx.set(ref, write.data);
      else if (write.kind === 'create') tx.create(ref, write.data);
      else if (write.kind === 'update') tx.update(ref, write.fields);
      else tx.delete(ref);
    }
    this.writes.length = 0;
    this.byPath.clear();
  }
}
