import { createHash } from 'node:crypto';
import type { Db } from './database.js';
import { backfillItemSearch } from './sqlite-item-search.js';

/**
 * Versioned schema migrations, applied in order at start inside one transaction each.
 * Never edit a released migration: add a new one. `backfill` fills new tables from existing rows, in the same
 * transaction, when the filling needs code that SQL does not have.
 */
export const MIGRATIONS: { version: number; name: string; sql: string; backfill?: (db: Db) => void }[] = [
  {
    version: 1,
    name: 'people and workspaces',
    sql: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE workspaces (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE memberships (
        id TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'reviewer', 'viewer')),
        joined_at TEXT NOT NULL,
        UNIQUE (workspace_id, user_id)
      );
      CREATE INDEX memberships_by_user ON memberships(user_id, id);
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        current_workspace_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX sessions_by_user ON sessions(user_id);
      CREATE INDEX sessions_by_expiry ON sessions(expires_at);
      CREATE TABLE invitations (
        id TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        email TEXT NOT NULL,
        role TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        invited_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        accepted_at TEXT,
        accepted_by TEXT
      );
      CREATE INDEX invitations_by_workspace ON invitations(workspace_id, id);
      CREATE TABLE password_resets (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT
      );
    `,
  },
  {
    version: 2,
    name: 'connections, token vault, oauth states, audit log, webhook receipts, deletion requests',
    sql: `
      CREATE TABLE connections (
        id TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        platform TEXT NOT NULL,
        external_account_id TEXT NOT NULL,
        display_name TEXT NOT NULL,
        avatar_url TEXT,
        scopes TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'needs_reconnect', 'revoked')),
        access_token_expires_at TEXT,
        refresh_token_expires_at TEXT,
        masked_access_token TEXT,
        masked_refresh_token TEXT,
        last_refreshed_at TEXT,
        last_error TEXT,
        next_refresh_at TEXT,
        refresh_lease_until TEXT,
        sandbox INTEGER NOT NULL,
        aliases TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (workspace_id, platform, external_account_id)
      );
      CREATE INDEX connections_by_workspace ON connections(workspace_id, id);
      CREATE INDEX connections_due ON connections(next_refresh_at) WHERE next_refresh_at IS NOT NULL;
      CREATE INDEX connections_by_account ON connections(platform, external_account_id);
      -- Sealed tokens apart from the connection, so deleting tokens is deleting a row.
      CREATE TABLE connection_tokens (
        connection_id TEXT PRIMARY KEY REFERENCES connections(id) ON DELETE CASCADE,
        workspace_id TEXT NOT NULL,
        key_id TEXT NOT NULL,
        wrapped_key TEXT NOT NULL,
        ciphertext TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE oauth_states (
        state_hash TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        session_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        platform TEXT NOT NULL,
        code_verifier TEXT,
        reconnect_id TEXT,
        force_consent INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE TABLE audit_events (
        id TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        platform TEXT NOT NULL,
        connection_id TEXT,
        external_account_id TEXT,
        actor_user_id TEXT,
        detail TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX audit_by_workspace ON audit_events(workspace_id, id);
      CREATE TABLE webhook_receipts (
        digest TEXT PRIMARY KEY,
        platform TEXT NOT NULL,
        received_at TEXT NOT NULL
      );
      CREATE TABLE deletion_requests (
        code TEXT PRIMARY KEY,
        platform TEXT NOT NULL,
        external_user_id TEXT NOT NULL,
        connections_deleted INTEGER NOT NULL,
        created_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'content items, versions, stage cache, jobs, media library',
    sql: `
      CREATE TABLE content_items (
        id TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        brief TEXT NOT NULL,
        status TEXT NOT NULL,
        current_version_id TEXT,
        failure TEXT,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX content_items_by_workspace ON content_items(workspace_id, id);
      CREATE TABLE content_versions (
        id TEXT PRIMARY KEY,
        item_id TEXT NOT NULL REFERENCES content_items(id) ON DELETE CASCADE,
        workspace_id TEXT NOT NULL,
        number INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        data TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (item_id, number)
      );
      CREATE TABLE stage_cache (
        workspace_id TEXT NOT NULL,
        key TEXT NOT NULL,
        stage TEXT NOT NULL,
        output TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (workspace_id, key)
      );
      CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL,
        type TEXT NOT NULL,
        payload TEXT NOT NULL,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        progress TEXT,
        error TEXT,
        run_after TEXT NOT NULL,
        lease_until TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX jobs_runnable ON jobs(status, run_after);
      CREATE TABLE media_assets (
        id TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        media_key TEXT NOT NULL,
        kind TEXT NOT NULL,
        filename TEXT NOT NULL,
        size_bytes INTEGER NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        duration_ms INTEGER,
        tags TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX media_assets_by_workspace ON media_assets(workspace_id, id);
    `,
  },
  {
    version: 4,
    name: 'uploaded videos as content items',
    sql: `ALTER TABLE content_items ADD COLUMN source TEXT NOT NULL DEFAULT 'generated';`,
  },
  {
    version: 5,
    name: 'title search index of content items',
    sql: `
      -- One row per (workspace, term, item); the terms are made by domain/search-terms.
      CREATE TABLE content_item_terms (
        workspace_id TEXT NOT NULL,
        term TEXT NOT NULL,
        item_id TEXT NOT NULL REFERENCES content_items(id) ON DELETE CASCADE,
        PRIMARY KEY (workspace_id, term, item_id)
      ) WITHOUT ROWID;
      CREATE INDEX content_item_terms_by_item ON content_item_terms(item_id);
    `,
    backfill: backfillItemSearch,
  },
  {
    version: 6,
    name: 'jobs: lease owners, idempotency keys, due-time lookups',
    sql: `
      ALTER TABLE jobs ADD COLUMN lease_owner TEXT;
      ALTER TABLE jobs ADD COLUMN lease_node TEXT;
      ALTER TABLE jobs ADD COLUMN idempotency_key TEXT;
      CREATE UNIQUE INDEX jobs_by_idempotency_key ON jobs(idempotency_key) WHERE idempotency_key IS NOT NULL;
      CREATE INDEX jobs_leased ON jobs(status, lease_until);
      CREATE INDEX jobs_by_node ON jobs(lease_node, status);
    `,
  },
  {
    version: 7,
    name: 'review of versions, publications, workspace settings',
    sql: `
      ALTER TABLE workspaces ADD COLUMN settings TEXT;
      CREATE TABLE version_reviews (
        version_id TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        item_id TEXT NOT NULL,
        state TEXT NOT NULL,
        sort_key TEXT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX version_reviews_queue ON version_reviews(workspace_id, state, sort_key);
      CREATE INDEX version_reviews_by_item ON version_reviews(workspace_id, item_id);
      CREATE TABLE publications (
        id TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        item_id TEXT NOT NULL,
        connection_id TEXT NOT NULL,
        platform TEXT NOT NULL,
        status TEXT NOT NULL,
        planned_at TEXT NOT NULL,
        sort_key TEXT NOT NULL,
        started_at TEXT,
        platform_ref TEXT,
        idempotency_key TEXT,
        revision INTEGER NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX publications_by_plan ON publications(workspace_id, sort_key);
      CREATE INDEX publications_by_connection ON publications(workspace_id, connection_id, status);
      CREATE INDEX publications_started ON publications(platform, started_at);
      CREATE UNIQUE INDEX publications_by_ref ON publications(platform, platform_ref) WHERE platform_ref IS NOT NULL;
      CREATE UNIQUE INDEX publications_by_idempotency ON publications(workspace_id, idempotency_key)
        WHERE idempotency_key IS NOT NULL;
    `,
  },
  {
    version: 8,
    name: 'analytics: tracked videos, append-only stats snapshots, stats call log',
    sql: `
      CREATE TABLE tracked_videos (
        id TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        connection_id TEXT NOT NULL,
        platform TEXT NOT NULL,
        platform_post_id TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('published', 'imported')),
        series_id TEXT,
        published_at TEXT NOT NULL,
        sort_key TEXT NOT NULL,
        next_snapshot_at TEXT,
        data TEXT NOT NULL,
        UNIQUE (connection_id, platform_post_id)
      );
      CREATE INDEX tracked_videos_by_workspace ON tracked_videos(workspace_id, sort_key);
      CREATE INDEX tracked_videos_by_connection ON tracked_videos(workspace_id, connection_id, sort_key);
      CREATE INDEX tracked_videos_by_platform ON tracked_videos(workspace_id, platform, sort_key);
      CREATE INDEX tracked_videos_by_series ON tracked_videos(workspace_id, series_id, sort_key)
        WHERE series_id IS NOT NULL;
      CREATE INDEX tracked_videos_due ON tracked_videos(next_snapshot_at, id) WHERE next_snapshot_at IS NOT NULL;
      -- Counters in columns; the gain over the video's previous ok reading is worked out once, at append time, so
      -- the trend chart sums an index instead of pairing readings.
      CREATE TABLE stats_snapshots (
        id TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        tracked_video_id TEXT NOT NULL REFERENCES tracked_videos(id) ON DELETE CASCADE,
        connection_id TEXT NOT NULL,
        platform TEXT NOT NULL,
        scheduled_age_hours REAL NOT NULL,
        age_hours REAL NOT NULL,
        taken_at TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('ok', 'no_stats', 'lagging', 'missing')),
        views INTEGER,
        likes INTEGER,
        comments INTEGER,
        shares INTEGER,
        extra TEXT,
        reason TEXT,
        has_gain INTEGER NOT NULL,
        gain_views INTEGER,
        gain_likes INTEGER,
        gain_comments INTEGER,
        gain_shares INTEGER,
        -- Only an ok reading carries numbers: the other states can never turn into zeros.
        CHECK ((state = 'ok') = (extra IS NOT NULL)),
        CHECK (state = 'ok' OR COALESCE(views, likes, comments, shares) IS NULL),
        UNIQUE (tracked_video_id, scheduled_age_hours)
      );
      CREATE INDEX stats_snapshots_by_video ON stats_snapshots(workspace_id, tracked_video_id, taken_at);
      CREATE INDEX stats_snapshots_gains ON stats_snapshots(
        workspace_id, taken_at, platform, connection_id, gain_views, gain_likes, gain_comments, gain_shares
      ) WHERE has_gain = 1;
      CREATE TRIGGER stats_snapshots_append_only BEFORE UPDATE ON stats_snapshots
      BEGIN
        SELECT RAISE(ABORT, 'stats snapshots are append-only');
      END;
      CREATE TABLE stats_calls (
        id INTEGER PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        connection_id TEXT NOT NULL,
        platform TEXT NOT NULL,
        at TEXT NOT NULL,
        units INTEGER NOT NULL
      );
      CREATE INDEX stats_calls_by_connection ON stats_calls(connection_id, at);
      CREATE INDEX stats_calls_by_platform ON stats_calls(platform, at);
      CREATE INDEX stats_calls_by_time ON stats_calls(at);
    `,
  },
  {
    version: 9,
    name: 'series of content items',
    sql: `ALTER TABLE content_items ADD COLUMN series_id TEXT;`,
  },
  {
    version: 10,
    name: 'analytics: the dashboard reads its sums from one covering index',
    // The newest numbers live in the video's JSON. Triggers copy them into plain columns on every write, and one
    // index holds those columns, so the dashboard's sums, ranking and series read that index alone and never parse
    // JSON per video. (Generated columns would say the same with less, but SQLite then reads every row anyway.)
    sql: `
      ALTER TABLE tracked_videos ADD COLUMN latest_state TEXT;
      ALTER TABLE tracked_videos ADD COLUMN latest_views REAL;
      ALTER TABLE tracked_videos ADD COLUMN latest_likes REAL;
      ALTER TABLE tracked_videos ADD COLUMN latest_comments REAL;
      ALTER TABLE tracked_videos ADD COLUMN latest_shares REAL;
      ALTER TABLE tracked_videos ADD COLUMN views_at_7d REAL;
      ALTER TABLE tracked_videos ADD COLUMN item_id TEXT;
      ${copySums('1 = 1')}
      CREATE TRIGGER tracked_videos_sums_on_insert AFTER INSERT ON tracked_videos
      BEGIN ${copySums('rowid = NEW.rowid')} END;
      CREATE TRIGGER tracked_videos_sums_on_update AFTER UPDATE OF data ON tracked_videos
      BEGIN ${copySums('rowid = NEW.rowid')} END;
      CREATE INDEX tracked_videos_sums ON tracked_videos(
        workspace_id, platform, connection_id, published_at, series_id, source, latest_state, latest_views,
        latest_likes, latest_comments, latest_shares, views_at_7d, item_id, id
      );
      -- The series filter's options: grouped in index order, with no sort of every video.
      CREATE INDEX tracked_videos_series_sums ON tracked_videos(
        workspace_id, series_id, published_at, item_id, platform, connection_id, source
      ) WHERE series_id IS NOT NULL;
    `,
  },
  {
    version: 11,
    name: "privacy: exports of a person's data",
    sql: `
      -- No foreign key to users: deleting an account deletes these rows and their files on purpose, in code.
      CREATE TABLE data_exports (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        workspace_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'ready', 'failed', 'expired')),
        progress REAL NOT NULL,
        file_key TEXT,
        size_bytes INTEGER,
        error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        ready_at TEXT,
        expires_at TEXT
      );
      CREATE INDEX data_exports_by_user ON data_exports(user_id, id);
      CREATE INDEX data_exports_expiring ON data_exports(expires_at) WHERE status = 'ready';
    `,
  },
  {
    version: 12,
    name: 'privacy: anonymous deletion log; platform deletion requests keep a hash of the account id',
    sql: `
      -- That a deletion happened, when, and how many records of each kind went: never who.
      CREATE TABLE deletion_log (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('account', 'workspace', 'platform_request')),
        created_at TEXT NOT NULL,
        counts TEXT NOT NULL
      );
    `,
    backfill: hashDeletionRequestAccounts,
  },
];

/** Replaces the platform account ids that earlier deletion requests kept by their SHA-256 (0037). */
function hashDeletionRequestAccounts(db: Db): void {
  const rows = db.prepare('SELECT code, external_user_id FROM deletion_requests').all() as {
    code: string;
    external_user_id: string;
  }[];
  const update = db.prepare('UPDATE deletion_requests SET external_user_id = ? WHERE code = ?');
  for (const r of rows)
    if (!/^[0-9a-f]{64}$/.test(r.external_user_id))
      update.run(createHash('sha256').update(r.external_user_id).digest('hex'), r.code);
}

/** Copies a tracked video's newest numbers from its JSON into the columns the dashboard's index holds. */
function copySums(where: string): string {
  return `UPDATE tracked_videos SET
      latest_state = data ->> '$.latestState', latest_views = data ->> '$.latest.views',
      latest_likes = data ->> '$.latest.likes', latest_comments = data ->> '$.latest.comments',
      latest_shares = data ->> '$.latest.shares', views_at_7d = data ->> '$.viewsAt7d', item_id = data ->> '$.itemId'
    WHERE ${where};`;
}
