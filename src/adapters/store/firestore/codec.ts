import type { DocumentData } from '@google-cloud/firestore';
import { UserError } from '../../../domain/errors.js';

/**
 * A record is kept whole as JSON in `data` (Firestore refuses nested arrays and `undefined`, which domain records
 * may hold), beside the plain fields its queries filter and order on.
 */
export function pack(record: object, indexed: DocumentData = {}): DocumentData {
  return { ...indexed, data: JSON.stringify(record) };
}

/** The record a document holds. */
export function unpack<T>(doc: DocumentData): T {
  return JSON.parse(doc.data as string) as T;
}

/** Cursors are opaque to clients: the base64url JSON of the last item's sort values. */
export function encodeCursor(values: (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** The sort values a cursor carries; throws `invalid_cursor` for anything this adapter did not write. */
export function decodeCursor(cursor: string | undefined, length: number): (string | number | null)[] | null {
  if (!cursor) return null;
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = null;
  }
  const valid =
    Array.isArray(values) &&
    values.length === length &&
    values.every((v) => v === null || typeof v === 'number' || (typeof v === 'string' && v.length <= 200));
  if (!valid) throw new UserError('validation', 'invalid_cursor', 'The page cursor is invalid');
  return values as (string | number | null)[];
}

/** Splits a `limit + 1` result into a page and the cursor of its last item. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number | null)[]) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
