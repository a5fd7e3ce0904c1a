import type { Publication } from '../../../domain/publishing/publication.js';
import type { VersionReview } from '../../../domain/publishing/review.js';
import type { PublicationRepository, ReviewRepository } from '../../../ports/store.js';
import { decodeCursor, toPage } from './cursor.js';
import type { Db } from './database.js';
import type { Run } from './sqlite-store.js';

/**
 * Reviews and publications are stored whole as JSON, with the columns their queries need beside them. Sort keys
 * are `[0-9a-z]` strings (a zero-padded millisecond time, then the id), so they double as page cursors.
 */
export const timeKey = (iso: string, id: string): string =>
  `${String(Date.parse(iso)).padStart(14, '0')}${id}`;

/** A version_reviews row (its JSON) as the domain VersionReview. */
export const toReview = (row: { data: string }) => JSON.parse(row.data) as VersionReview;

export function sqliteReviews(db: Db, run: Run): ReviewRepository {
  const parse = (row: { data: string } | undefined) => (row ? toReview(row) : null);
  return {
    save: (r) =>
      run(
        () =>
          void db
            .prepare(
              `INSERT INTO version_reviews (version_id, workspace_id, item_id, state, sort_key, data) VALUES (?, ?, ?, ?, ?, ?)
               ON CONFLICT(version_id) DO UPDATE SET state = excluded.state, sort_key = excluded.sort_key, data = excluded.data
               WHERE version_reviews.workspace_id = excluded.workspace_id`,
            )
            .run(
              r.versionId,
              r.workspaceId,
              r.itemId,
              r.state,
              timeKey(r.updatedAt, r.versionId),
              JSON.stringify(r),
            ),
      ),
    find: (workspaceId, versionId) =>
      run(() =>
        parse(
          db
            .prepare('SELECT data FROM version_reviews WHERE workspace_id = ? AND version_id = ?')
            .get(workspaceId, versionId) as { data: string } | undefined,
        ),
      ),
    list: (workspaceId, filter, page) =>
      run(() => {
        const before = decodeCursor(page.cursor) ?? '~';
        const rows = db
          .prepare(
            `SELECT sort_key, data FROM version_reviews WHERE workspace_id = ? AND sort_key < ? AND (? IS NULL OR state = ?)
             ORDER BY sort_key DESC LIMIT ?`,
          )
          .all(workspaceId, before, filter.state ?? null, filter.state ?? null, page.limit + 1) as {
          sort_key: string;
          data: string;
        }[];
        const result = toPage(rows, page.limit, (r) => r.sort_key);
        return {
          items: result.items.map((r) => JSON.parse(r.data) as VersionReview),
          nextCursor: result.nextCursor,
        };
      }),
    listForItem: (workspaceId, itemId) =>
      run(() =>
        (
          db
            .prepare(
              'SELECT data FROM version_reviews WHERE workspace_id = ? AND item_id = ? ORDER BY sort_key DESC',
            )
            .all(workspaceId, itemId) as { data: string }[]
        ).map((r) => JSON.parse(r.data) as VersionReview),
      ),
  };
}

interface PublicationRow {
  sort_key: string;
  data: string;
}
/** A publications row (its JSON) as the domain Publication. */
export const toPublication = (row: { data: string }) => JSON.parse(row.data) as Publication;
// Times are compared as text, so every stored or compared time is first written the one UTC way.
const utc = (iso: string) => new Date(iso).toISOString();
const plannedAt = (p: Publication) => utc(p.scheduledAt ?? p.createdAt);
const startedAt = (p: Publication) => (p.startedAt ? utc(p.startedAt) : null);

export function sqlitePublications(db: Db, run: Run): PublicationRepository {
  const findByKey = (workspaceId: string, key: string) =>
    db
      .prepare('SELECT data FROM publications WHERE workspace_id = ? AND idempotency_key = ?')
      .get(workspaceId, key) as { data: string } | undefined;
  return {
    create: (p) =>
      run(() => {
        if (p.idempotencyKey) {
          const existing = findByKey(p.workspaceId, p.idempotencyKey);
          if (existing) return toPublication(existing);
        }
        db.prepare(
          `INSERT INTO publications (id, workspace_id, item_id, connection_id, platform, status, planned_at, sort_key,
             started_at, platform_ref, idempotency_key, revision, data)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          p.id,
          p.workspaceId,
          p.itemId,
          p.connectionId,
          p.platform,
          p.status,
          plannedAt(p),
          timeKey(plannedAt(p), p.id),
          startedAt(p),
          p.platformRef,
          p.idempotencyKey,
          p.revision,
          JSON.stringify(p),
        );
        return p;
      }),
    find: (workspaceId, id) =>
      run(() => {
        const row = db
          .prepare('SELECT data FROM publications WHERE workspace_id = ? AND id = ?')
          .get(workspaceId, id) as { data: string } | undefined;
        return row ? toPublication(row) : null;
      }),
    update: (p) =>
      run(() => {
        const result = db
          .prepare(
            `UPDATE publications SET status = ?, planned_at = ?, sort_key = ?, started_at = ?, platform_ref = ?,
               revision = ?, data = ?
             WHERE workspace_id = ? AND id = ? AND revision = ?`,
          )
          .run(
            p.status,
            plannedAt(p),
            timeKey(plannedAt(p), p.id),
            startedAt(p),
            p.platformRef,
            p.revision,
            JSON.stringify(p),
            p.workspaceId,
            p.id,
            p.revision - 1,
          );
        return result.changes === 1;
      }),
    list: (workspaceId, filter, page) =>
      run(() => {
        const before = decodeCursor(page.cursor) ?? '~';
        const rows = db
          .prepare(
            `SELECT sort_key, data FROM publications
             WHERE workspace_id = ? AND sort_key < ?
               AND (? IS NULL OR status = ?) AND (? IS NULL OR connection_id = ?) AND (? IS NULL OR item_id = ?)
               AND (? IS NULL OR planned_at >= ?) AND (? IS NULL OR planned_at < ?)
             ORDER BY sort_key DESC LIMIT ?`,
          )
          .all(
            workspaceId,
            before,
            ...twice(filter.status),
            ...twice(filter.connectionId),
            ...twice(filter.itemId),
            ...twice(filter.from && utc(filter.from)),
            ...twice(filter.to && utc(filter.to)),
            page.limit + 1,
          ) as PublicationRow[];
        const result = toPage(rows, page.limit, (r) => r.sort_key);
        return { items: result.items.map(toPublication), nextCursor: result.nextCursor };
      }),
    findByPlatformRef: (platform, platformRef) =>
      run(() => {
        const row = db
          .prepare('SELECT data FROM publications WHERE platform = ? AND platform_ref = ?')
          .get(platform, platformRef) as { data: string } | undefined;
        return row ? toPublication(row) : null;
      }),
    countStartedSince: ({ platform, connectionId, since }) =>
      run(() => {
        const row = db
          .prepare(
            `SELECT COUNT(*) AS n FROM publications
             WHERE platform = ? AND started_at >= ? AND (? IS NULL OR connection_id = ?)`,
          )
          .get(platform, utc(since), connectionId ?? null, connectionId ?? null) as { n: number };
        return row.n;
      }),
    listByConnection: (workspaceId, connectionId, statuses) =>
      run(() => {
        if (statuses.length === 0) return [];
        const rows = db
          .prepare(
            `SELECT data FROM publications WHERE workspace_id = ? AND connection_id = ?
               AND status IN (${statuses.map(() => '?').join(', ')}) ORDER BY sort_key`,
          )
          .all(workspaceId, connectionId, ...statuses) as { data: string }[];
        return rows.map(toPublication);
      }),
  };
}

function twice<T>(value: T | undefined): [T | null, T | null] {
  return [value ?? null, value ?? null];
}
