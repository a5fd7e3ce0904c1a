import type {
  ContentItem,
  ItemSource,
  ItemStatus,
  MediaAsset,
  Version,
} from '../../../domain/content-item.js';
import type { ContentRepository, MediaAssetRepository, StageCacheRepository } from '../../../ports/store.js';
import { searchQueryTerms } from '../../../domain/search-terms.js';
import { decodeCursor, toPage } from './cursor.js';
import type { Db } from './database.js';
import { hasEveryTerm, indexItemTitle } from './sqlite-item-search.js';
import type { Run } from './sqlite-store.js';

export interface ItemRow {
  id: string;
  workspace_id: string;
  title: string;
  source: ItemSource;
  brief: string;
  series_id: string | null;
  status: ItemStatus;
  current_version_id: string | null;
  failure: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}
/** A content_items row as the domain ContentItem. */
export const toItem = (r: ItemRow): ContentItem => ({
  id: r.id,
  workspaceId: r.workspace_id,
  title: r.title,
  source: r.source,
  brief: JSON.parse(r.brief) as ContentItem['brief'],
  ...(r.series_id === null ? {} : { seriesId: r.series_id }),
  status: r.status,
  currentVersionId: r.current_version_id,
  failure: r.failure ? (JSON.parse(r.failure) as ContentItem['failure']) : null,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
const itemValues = (i: ContentItem) => [
  i.title,
  JSON.stringify(i.brief),
  i.status,
  i.currentVersionId,
  i.failure ? JSON.stringify(i.failure) : null,
  i.updatedAt,
];

export interface VersionRow {
  id: string;
  item_id: string;
  workspace_id: string;
  number: number;
  content_hash: string;
  data: string;
  created_at: string;
}
/** A content_versions row as the domain Version. */
export const toVersion = (r: VersionRow): Version => ({
  id: r.id,
  itemId: r.item_id,
  workspaceId: r.workspace_id,
  number: r.number,
  contentHash: r.content_hash,
  ...(JSON.parse(r.data) as Pick<Version, 'outputs' | 'edits' | 'parameters' | 'stageLog'>),
  createdAt: r.created_at,
});

export function sqliteContent(db: Db, run: Run): ContentRepository {
  // An item and its search terms are saved together: a search never misses an item that exists.
  return {
    createItem: (i) =>
      run(() =>
        db.transaction(() => {
          db.prepare(
            `INSERT INTO content_items (title, brief, status, current_version_id, failure, updated_at, id, workspace_id, created_by, created_at, source, series_id)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          ).run(
            ...itemValues(i),
            i.id,
            i.workspaceId,
            i.createdBy,
            i.createdAt,
            i.source,
            i.seriesId ?? null,
          );
          indexItemTitle(db, i);
        })(),
      ),
    updateItem: (i) =>
      run(() =>
        db.transaction(() => {
          const before = db
            .prepare('SELECT title FROM content_items WHERE id = ? AND workspace_id = ?')
            .get(i.id, i.workspaceId) as { title: string } | undefined;
          if (!before) return;
          db.prepare(
            `UPDATE content_items SET title = ?, brief = ?, status = ?, current_version_id = ?, failure = ?, updated_at = ?
             WHERE id = ? AND workspace_id = ?`,
          ).run(...itemValues(i), i.id, i.workspaceId);
          if (before.title !== i.title) indexItemTitle(db, i);
        })(),
      ),
    findItem: (workspaceId, id) =>
      run(() => {
        const row = db
          .prepare('SELECT * FROM content_items WHERE workspace_id = ? AND id = ?')
          .get(workspaceId, id) as ItemRow | undefined;
        return row ? toItem(row) : null;
      }),
    listItems: (workspaceId, filter, page) =>
      run(() => {
        const before = decodeCursor(page.cursor) ?? '~';
        const search = hasEveryTerm(workspaceId, searchQueryTerms(filter.search ?? ''));
        const rows = db
          .prepare(
            `SELECT * FROM content_items WHERE workspace_id = ? AND id < ? AND (? IS NULL OR status = ?)${search.sql}
             ORDER BY id DESC LIMIT ?`,
          )
          .all(
            workspaceId,
            before,
            filter.status ?? null,
            filter.status ?? null,
            ...search.args,
            page.limit + 1,
          ) as ItemRow[];
        return toPage(rows.map(toItem), page.limit, (i) => i.id);
      }),
    createVersion: (v) =>
      run(
        () =>
          void db
            .prepare(
              'INSERT INTO content_versions (id, item_id, workspace_id, number, content_hash, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
            )
            .run(
              v.id,
              v.itemId,
              v.workspaceId,
              v.number,
              v.contentHash,
              JSON.stringify({
                outputs: v.outputs,
                edits: v.edits,
                parameters: v.parameters,
                stageLog: v.stageLog,
              }),
              v.createdAt,
            ),
      ),
    findVersion: (workspaceId, id) =>
      run(() => {
        const row = db
          .prepare('SELECT * FROM content_versions WHERE workspace_id = ? AND id = ?')
          .get(workspaceId, id) as VersionRow | undefined;
        return row ? toVersion(row) : null;
      }),
    listVersions: (workspaceId, itemId) =>
      run(() =>
        (
          db
            .prepare(
              'SELECT * FROM content_versions WHERE workspace_id = ? AND item_id = ? ORDER BY number DESC',
            )
            .all(workspaceId, itemId) as VersionRow[]
        ).map(toVersion),
      ),
  };
}

export function sqliteStageCache(db: Db, run: Run): StageCacheRepository {
  return {
    get: (workspaceId, key) =>
      run(() => {
        const row = db
          .prepare('SELECT output FROM stage_cache WHERE workspace_id = ? AND key = ?')
          .get(workspaceId, key) as { output: string } | undefined;
        return row ? (JSON.parse(row.output) as unknown) : null;
      }),
    put: (workspaceId, key, stage, output, at) =>
      run(
        () =>
          void db
            .prepare(
              'INSERT OR REPLACE INTO stage_cache (workspace_id, key, stage, output, created_at) VALUES (?, ?, ?, ?, ?)',
            )
            .run(workspaceId, key, stage, JSON.stringify(output), at),
      ),
    clear: (workspaceId) =>
      run(() => db.prepare('DELETE FROM stage_cache WHERE workspace_id = ?').run(workspaceId).changes),
  };
}

export interface AssetRow {
  id: string;
  workspace_id: string;
  media_key: string;
  kind: 'image' | 'video';
  filename: string;
  size_bytes: number;
  width: number;
  height: number;
  duration_ms: number | null;
  tags: string;
  created_at: string;
}
/** A media_assets row as the domain MediaAsset. */
export const toAsset = (r: AssetRow): MediaAsset => ({
  id: r.id,
  workspaceId: r.workspace_id,
  mediaKey: r.media_key,
  kind: r.kind,
  filename: r.filename,
  sizeBytes: r.size_bytes,
  width: r.width,
  height: r.height,
  durationMs: r.duration_ms,
  tags: JSON.parse(r.tags) as string[],
  createdAt: r.created_at,
});

export function sqliteMediaAssets(db: Db, run: Run): MediaAssetRepository {
  return {
    create: (a) =>
      run(
        () =>
          void db
            .prepare(
              `INSERT INTO media_assets (id, workspace_id, media_key, kind, filename, size_bytes, width, height, duration_ms, tags, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(
              a.id,
              a.workspaceId,
              a.mediaKey,
              a.kind,
              a.filename,
              a.sizeBytes,
              a.width,
              a.height,
              a.durationMs,
              JSON.stringify(a.tags),
              a.createdAt,
            ),
      ),
    find: (workspaceId, id) =>
      run(() => {
        const row = db
          .prepare('SELECT * FROM media_assets WHERE workspace_id = ? AND id = ?')
          .get(workspaceId, id) as AssetRow | undefined;
        return row ? toAsset(row) : null;
      }),
    listByWorkspace: (workspaceId, page) =>
      run(() => {
        const before = decodeCursor(page.cursor) ?? '~';
        const rows = db
          .prepare('SELECT * FROM media_assets WHERE workspace_id = ? AND id < ? ORDER BY id DESC LIMIT ?')
          .all(workspaceId, before, page.limit + 1) as AssetRow[];
        return toPage(rows.map(toAsset), page.limit, (a) => a.id);
      }),
    delete: (workspaceId, id) =>
      run(
        () =>
          db.prepare('DELETE FROM media_assets WHERE workspace_id = ? AND id = ?').run(workspaceId, id)
            .changes === 1,
      ),
  };
}
