import type { DocumentData, WhereFilterOp } from '@google-cloud/firestore';
import { UserError } from '../../../domain/errors.js';
import { decodeCursor, toPage } from './codec.js';
import type { FsContext } from './context.js';

/** Times are compared as text, so every stored or compared time is first written the one UTC way. */
export const utc = (iso: string): string => new Date(iso).toISOString();

/**
 * The sort key of a record listed newest first: the zero-padded millisecond time, then the id. Unique per record
 * and ordered by time, so one descending `orderBy` on it pages stably and a time window is a range on it too.
 */
export const sortKey = (iso: string, id: string): string => `${timePrefix(iso)}${id}`;

/** The sort key prefix of an instant: every key at or after it is `>=` it, every key before it is `<` it. */
const timePrefix = (iso: string): string => String(Date.parse(iso)).padStart(14, '0');

/** A listing ordered by `sortKey` descending: equality filters, an optional time window and a cursor. */
export interface SortedScan {
  collection: string;
  equals: [field: string, value: unknown][];
  /** Time at or after (inclusive). */
  from?: string | undefined;
  /** Time strictly before. */
  to?: string | undefined;
  /** A filter the query could not apply (fields left out of the index on purpose); applied in memory. */
  keep?: (doc: DocumentData) => boolean;
}

/** Rows read per round when a filter is applied in memory, so a sparse match does not mean one round per row. */
const ROUND = 200;

/**
 * The matching documents, newest first, below `before` (a sort key), at most `want` of them (all when undefined).
 * Without `keep` this is one query; with it, rounds of the query continue below the last key read until enough
 * match, since a `limit` on the server cannot count what the filter in memory will drop.
 */
export async function scanSorted(
  ctx: FsContext,
  scan: SortedScan,
  before: string | null,
  want?: number,
): Promise<DocumentData[]> {
  const lower = scan.from ? timePrefix(scan.from) : null;
  const toKey = scan.to ? timePrefix(scan.to) : null;
  let upper = before !== null && toKey !== null ? (before < toKey ? before : toKey) : (before ?? toKey);
  const found: DocumentData[] = [];
  for (;;) {
    const where: [string, WhereFilterOp, unknown][] = scan.equals.map(([f, v]) => [f, '==', v]);
    if (lower !== null) where.push(['sortKey', '>=', lower]);
    if (upper !== null) where.push(['sortKey', '<', upper]);
    const limit = scan.keep ? ROUND : want;
    const rows = await ctx.rows({
      collection: scan.collection,
      where,
      orderBy: [['sortKey', 'desc']],
      ...(limit === undefined ? {} : { limit }),
    });
    found.push(...(scan.keep ? rows.filter(scan.keep) : rows));
    const done = !scan.keep || rows.length < ROUND;
    if (done || (want !== undefined && found.length >= want)) break;
    upper = rows[rows.length - 1]!.sortKey as string;
  }
  return want === undefined ? found : found.slice(0, want);
}

/** One page of a sorted scan, the cursor being the last item's sort key. */
export async function sortedPage<T>(
  ctx: FsContext,
  scan: SortedScan,
  page: { cursor?: string | undefined; limit: number },
  toRecord: (doc: DocumentData) => T,
): Promise<{ items: T[]; nextCursor: string | null }> {
  const [before] = decodeCursor(page.cursor, 1) ?? [null];
  if (before !== null && typeof before !== 'string')
    throw new UserError('validation', 'invalid_cursor', 'The page cursor is invalid');
  const rows = await scanSorted(ctx, scan, before ?? null, page.limit + 1);
  const result = toPage(rows, page.limit, (doc) => [doc.sortKey as string]);
  return { items: result.items.map(toRecord), nextCursor: result.nextCursor };
}
