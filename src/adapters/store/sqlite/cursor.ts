import { UserError } from '../../../domain/errors.js';

/** Cursors are opaque to clients: the base64url of the last item's sort key. */
export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | null {
  if (!cursor) return null;
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[0-9a-z]{1,64}$/.test(key))
    throw new UserError('validation', 'invalid_cursor', 'The page cursor is invalid');
  return key;
}

/** Splits a LIMIT n+1 result into a page and the cursor of its last item. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => string) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
