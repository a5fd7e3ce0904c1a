import { titleSearchTerms } from '../../../domain/search-terms.js';
import type { Db } from './database.js';

/** Replaces an item's terms (table `content_item_terms`) with those of its current title. */
export function indexItemTitle(db: Db, item: { id: string; workspaceId: string; title: string }): void {
  db.prepare('DELETE FROM content_item_terms WHERE item_id = ?').run(item.id);
  const insert = db.prepare('INSERT INTO content_item_terms (workspace_id, term, item_id) VALUES (?, ?, ?)');
  for (const term of titleSearchTerms(item.title)) insert.run(item.workspaceId, term, item.id);
}

/** Indexes every item saved before the index existed (the migration that creates it). */
export function backfillItemSearch(db: Db): void {
  const items = db.prepare('SELECT id, workspace_id, title FROM content_items').all() as {
    id: string;
    workspace_id: string;
    title: string;
  }[];
  for (const item of items)
    indexItemTitle(db, { id: item.id, workspaceId: item.workspace_id, title: item.title });
}

/** A SQL condition on `content_items` that holds when the item has every term: one exact index lookup per term. */
export function hasEveryTerm(workspaceId: string, terms: readonly string[]): { sql: string; args: string[] } {
  const lookup = ' AND id IN (SELECT item_id FROM content_item_terms WHERE workspace_id = ? AND term = ?)';
  return { sql: lookup.repeat(terms.length), args: terms.flatMap((term) => [workspaceId, term]) };
}
