import type { StatsCounters, StatsSnapshot, TrackedVideo } from '../../../domain/analytics/stats.js';
import type { Platform } from '../../../domain/connection.js';
import { BugError, UserError } from '../../../domain/errors.js';
import type { SnapshotRepository, TrackedVideoFilter, TrackedVideoRepository } from '../../../ports/store.js';
import { decodeCursor, toPage } from './cursor.js';
import { sqliteTrackedVideoSummaries } from './sqlite-tracked-video-summaries.js';
import type { Db } from './database.js';
import { timeKey } from './sqlite-publishing.repositories.js';
import type { Run } from './sqlite-store.js';

// Times are compared as text, so every stored or compared time is first written the one UTC way.
const utc = (iso: string) => new Date(iso).toISOString();
/** A tracked_videos row (its JSON) as the domain TrackedVideo. */
export const toVideo = (row: { data: string }) => JSON.parse(row.data) as TrackedVideo;
// SQLite takes at most 32,766 bound values; lists of ids go in slices well below that.
const IDS_PER_QUERY = 500;

/**
 * Tracked videos are stored whole as JSON, with the columns their queries need beside them. The sort key (the
 * zero-padded publishing time, then the id) orders lists newest first and doubles as the page cursor.
 */
export function sqliteTrackedVideos(db: Db, run: Run): TrackedVideoRepository {
  const columns = (v: TrackedVideo) => ({
    series_id: v.seriesId,
    published_at: utc(v.publishedAt),
    sort_key: timeKey(v.publishedAt, v.id),
    next_snapshot_at: v.nextSnapshotAt ? utc(v.nextSnapshotAt) : null,
    data: JSON.stringify(v),
  });
  const byPost = (connectionId: string, platformPostId: string) =>
    db
      .prepare(
        'SELECT workspace_id, data FROM tracked_videos WHERE connection_id = ? AND platform_post_id = ?',
      )
      .get(connectionId, platformPostId) as { workspace_id: string; data: string } | undefined;
  const filtered = (workspaceId: string, filter: TrackedVideoFilter, before: string, limit: number) =>
    db
      .prepare(
        `SELECT sort_key, data FROM tracked_videos
         WHERE workspace_id = ? AND sort_key < ?
           AND (? IS NULL OR platform = ?) AND (? IS NULL OR connection_id = ?) AND (? IS NULL OR series_id = ?)
           AND (? IS NULL OR source = ?) AND (? IS NULL OR published_at >= ?) AND (? IS NULL OR published_at < ?)
         ORDER BY sort_key DESC LIMIT ?`,
      )
      .all(
        workspaceId,
        before,
        ...twice(filter.platform),
        ...twice(filter.connectionId),
        ...twice(filter.seriesId),
        ...twice(filter.source),
        ...twice(filter.from && utc(filter.from)),
        ...twice(filter.to && utc(filter.to)),
        limit,
      ) as { sort_key: string; data: string }[];
  return {
    ...sqliteTrackedVideoSummaries(db, run),
    create: (v) =>
      run(() => {
        const c = columns(v);
        const inserted = db
          .prepare(
            `INSERT INTO tracked_videos (id, workspace_id, connection_id, platform, platform_post_id, source, series_id,
               published_at, sort_key, next_snapshot_at, data)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (connection_id, platform_post_id) DO NOTHING`,
          )
          .run(
            v.id,
            v.workspaceId,
            v.connectionId,
            v.platform,
            v.platformPostId,
            v.source,
            c.series_id,
            c.published_at,
            c.sort_key,
            c.next_snapshot_at,
            c.data,
          );
        if (inserted.changes === 1) return v;
        const existing = byPost(v.connectionId, v.platformPostId);
        // Connection ids are unique across workspaces; a clash from elsewhere is never handed out.
        if (!existing || existing.workspace_id !== v.workspaceId)
          throw new UserError('conflict', 'tracked_video_conflict', 'This post is tracked elsewhere');
        return toVideo(existing);
      }),
    find: (workspaceId, id) =>
      run(() => {
        const row = db
          .prepare('SELECT data FROM tracked_videos WHERE workspace_id = ? AND id = ?')
          .get(workspaceId, id) as { data: string } | undefined;
        return row ? toVideo(row) : null;
      }),
    findByPost: (connectionId, platformPostId) =>
      run(() => {
        const row = byPost(connectionId, platformPostId);
        return row ? toVideo(row) : null;
      }),
    update: (v) =>
      run(() => {
        const c = columns(v);
        db.prepare(
          `UPDATE tracked_videos SET series_id = ?, published_at = ?, sort_key = ?, next_snapshot_at = ?, data = ?
           WHERE workspace_id = ? AND id = ?`,
        ).run(c.series_id, c.published_at, c.sort_key, c.next_snapshot_at, c.data, v.workspaceId, v.id);
      }),
    listDue: (at, limit) =>
      run(() =>
        (
          db
            .prepare(
              `SELECT data FROM tracked_videos WHERE next_snapshot_at IS NOT NULL AND next_snapshot_at <= ?
               ORDER BY next_snapshot_at, id LIMIT ?`,
            )
            .all(utc(at), limit) as { data: string }[]
        ).map(toVideo),
      ),
    list: (workspaceId, filter, page) =>
      run(() => {
        const rows = filtered(workspaceId, filter, decodeCursor(page.cursor) ?? '~', page.limit + 1);
        const result = toPage(rows, page.limit, (r) => r.sort_key);
        return { items: result.items.map(toVideo), nextCursor: result.nextCursor };
      }),
    listAll: (workspaceId, filter) => run(() => filtered(workspaceId, filter, '~', -1).map(toVideo)),
    deleteByConnection: (workspaceId, connectionId) =>
      run(
        () =>
          db
            .prepare('DELETE FROM tracked_videos WHERE workspace_id = ? AND connection_id = ?')
            .run(workspaceId, connectionId).changes,
      ),
  };
}

export interface SnapshotRow {
  id: string;
  workspace_id: string;
  tracked_video_id: string;
  connection_id: string;
  platform: Platform;
  scheduled_age_hours: number;
  age_hours: number;
  taken_at: string;
  state: StatsSnapshot['state'];
  views: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  extra: string | null;
  reason: string | null;
}

const COUNTERS = ['views', 'likes', 'comments', 'shares'] as const;
type CounterRow = Record<(typeof COUNTERS)[number], number | null>;

/** A stats_snapshots row as the domain StatsSnapshot. */
export function toSnapshot(row: SnapshotRow): StatsSnapshot {
  const counters: StatsCounters | null =
    row.extra === null
      ? null
      : {
          views: row.views,
          likes: row.likes,
          comments: row.comments,
          shares: row.shares,
          extra: JSON.parse(row.extra) as Record<string, number>,
        };
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    trackedVideoId: row.tracked_video_id,
    connectionId: row.connection_id,
    platform: row.platform,
    scheduledAgeHours: row.scheduled_age_hours,
    ageHours: row.age_hours,
    takenAt: row.taken_at,
    state: row.state,
    counters,
    reason: row.reason,
  };
}

/** Snapshots live in columns (counters included) so that sums and exports never parse JSON per row. */
export function sqliteSnapshots(db: Db, run: Run): SnapshotRepository {
  const videoSource = db.prepare('SELECT source FROM tracked_videos WHERE workspace_id = ? AND id = ?');
  const previousOk = db.prepare(
    `SELECT views, likes, comments, shares FROM stats_snapshots
     WHERE tracked_video_id = ? AND state = 'ok' AND taken_at <= ? ORDER BY taken_at DESC, id DESC LIMIT 1`,
  );
  const insert = db.prepare(
    `INSERT INTO stats_snapshots (id, workspace_id, tracked_video_id, connection_id, platform, scheduled_age_hours,
       age_hours, taken_at, state, views, likes, comments, shares, extra, reason, has_gain, gain_views, gain_likes,
       gain_comments, gain_shares)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (tracked_video_id, scheduled_age_hours) DO NOTHING`,
  );
  const appendAll = db.transaction((snapshots: StatsSnapshot[]) => {
    for (const s of snapshots) {
      const video = videoSource.get(s.workspaceId, s.trackedVideoId) as { source: string } | undefined;
      if (!video) throw new BugError('snapshot_without_video', `No tracked video ${s.trackedVideoId} here`);
      const takenAt = utc(s.takenAt);
      const c = s.state === 'ok' ? s.counters : null;
      if (s.state === 'ok' && !c)
        throw new BugError('snapshot_without_counters', 'An ok reading needs counters');
      const before = c
        ? ((previousOk.get(s.trackedVideoId, takenAt) as CounterRow | undefined) ??
          (video.source === 'published' ? { views: 0, likes: 0, comments: 0, shares: 0 } : null))
        : null;
      const gain = (name: (typeof COUNTERS)[number]) => {
        const now = c?.[name] ?? null;
        const then = before?.[name] ?? null;
        return now === null || then === null ? null : now - then;
      };
      insert.run(
        s.id,
        s.workspaceId,
        s.trackedVideoId,
        s.connectionId,
        s.platform,
        s.scheduledAgeHours,
        s.ageHours,
        takenAt,
        s.state,
        ...COUNTERS.map((name) => c?.[name] ?? null),
        c ? JSON.stringify(c.extra) : null,
        s.reason,
        before ? 1 : 0,
        ...COUNTERS.map(gain),
      );
    }
  });
  const select = `SELECT id, workspace_id, tracked_video_id, connection_id, platform, scheduled_age_hours, age_hours,
    taken_at, state, views, likes, comments, shares, extra, reason FROM stats_snapshots`;
  return {
    append: (snapshots) => run(() => appendAll(snapshots)),
    listForVideo: (workspaceId, trackedVideoId) =>
      run(() =>
        (
          db
            .prepare(`${select} WHERE workspace_id = ? AND tracked_video_id = ? ORDER BY taken_at, id`)
            .all(workspaceId, trackedVideoId) as SnapshotRow[]
        ).map(toSnapshot),
      ),
    listForVideos: (workspaceId, trackedVideoIds) =>
      run(() => {
        const rows: SnapshotRow[] = [];
        for (let i = 0; i < trackedVideoIds.length; i += IDS_PER_QUERY) {
          const slice = trackedVideoIds.slice(i, i + IDS_PER_QUERY);
          rows.push(
            ...(db
              .prepare(
                `${select} WHERE workspace_id = ? AND tracked_video_id IN (${slice.map(() => '?').join(', ')})
                 ORDER BY tracked_video_id, taken_at, id`,
              )
              .all(workspaceId, ...slice) as SnapshotRow[]),
          );
        }
        return rows.map(toSnapshot);
      }),
    dailyGains: (workspaceId, filter) =>
      run(
        () =>
          db
            .prepare(
              `SELECT substr(taken_at, 1, 10) AS day, TOTAL(gain_views) AS views, TOTAL(gain_likes) AS likes,
                 TOTAL(gain_comments) AS comments, TOTAL(gain_shares) AS shares
               FROM stats_snapshots
               WHERE workspace_id = ? AND has_gain = 1 AND taken_at >= ? AND taken_at < ?
                 AND (? IS NULL OR platform = ?) AND (? IS NULL OR connection_id = ?)
                 AND (? IS NULL OR tracked_video_id IN (
                   SELECT id FROM tracked_videos WHERE workspace_id = ? AND series_id = ?))
               GROUP BY day ORDER BY day`,
            )
            .all(
              workspaceId,
              utc(filter.from),
              utc(filter.to),
              ...twice(filter.platform),
              ...twice(filter.connectionId),
              filter.seriesId ?? null,
              workspaceId,
              filter.seriesId ?? null,
            ) as { day: string; views: number; likes: number; comments: number; shares: number }[],
      ),
  };
}

function twice<T>(value: T | undefined): [T | null, T | null] {
  return [value ?? null, value ?? null];
}
