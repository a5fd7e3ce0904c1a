import type { DocumentData } from '@google-cloud/firestore';
import { UserError } from '../../../domain/errors.js';
import type { Page, PageRequest } from '../../../ports/store/page.js';
import { decodeCursor, toPage, unpack } from './codec.js';
import type { FsContext, QuerySpec } from './context.js';

/** Documents read per round when some of them may be filtered out in memory (bounded so a page stays cheap). */
const FILTERED_BATCH_MIN = 20;
const FILTERED_BATCH_MAX = 200;

/**
 * One page of records newest first, ordered by their `id` field (ids are time-ordered ULIDs, as on SQLite), the
 * cursor being the last id. With `keep`, documents the query cannot exclude are filtered out here; the query is
 * then read in further batches until the page is full or the collection runs out, so a page never comes back
 * short while more matches exist, and the cursor (the last id *returned*) never skips an unread match.
 */
export async function newestFirstPage<T extends { id: string }>(
  ctx: FsContext,
  base: Pick<QuerySpec, 'collection' | 'where'>,
  page: PageRequest,
  keep?: (doc: DocumentData) => boolean,
): Promise<Page<T>> {
  const wanted = page.limit + 1;
  const batch = keep ? Math.min(Math.max(wanted * 2, FILTERED_BATCH_MIN), FILTERED_BATCH_MAX) : wanted;
  const kept: DocumentData[] = [];
  let after = cursorId(page.cursor);
  for (;;) {
    const rows = await ctx.rows({
      ...base,
      orderBy: [['id', 'desc']],
      ...(after === null ? {} : { startAfter: [after] }),
      limit: batch,
    });
    for (const row of rows) {
      if (kept.length < wanted && (!keep || keep(row))) kept.push(row);
    }
    const last = rows[rows.length - 1];
    if (kept.length >= wanted || rows.length < batch || !last) break;
    after = last.id as string;
  }
  return toPage(
    kept.map((doc) => unpack<T>(doc)),
    page.limit,
    (record) => [record.id],
  );
}

/** The id a cursor of `newestFirstPage` carries; anything else is `invalid_cursor`. */
function cursorId(cursor: string | undefined): string | null {
  const values = decodeCursor(cursor, 1);
  if (values === null) return null;
  const [id] = values;
  if (typeof id !== 'string')
    throw new UserError('validation', 'invalid_cursor', 'The page cursor is invalid');
  return id;
}
