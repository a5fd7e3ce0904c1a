import type { RecordCollection } from '../firestore/firestore-import.js';
import { openDatabase, type Db } from './database.js';
import { toPasswordReset, toInvitation, toSession } from './sqlite-access.repositories.js';
import { toSnapshot, toVideo } from './sqlite-analytics.repositories.js';
import { toAuditEvent, toDeletionRequest, toOAuthState } from './sqlite-connection-records.repositories.js';
import { toConnection, toSealed, type TokenRow } from './sqlite-connections.repository.js';
import { toAsset, toItem, toVersion } from './sqlite-content.repositories.js';
import { toDeletionLogEntry } from './sqlite-erasure.repository.js';
import { toJob } from './sqlite-jobs.repository.js';
import { toMembership, toUser, toWorkspace } from './sqlite-people.repositories.js';
import { toDataExport } from './sqlite-privacy.repositories.js';
import { toPublication, toReview } from './sqlite-publishing.repositories.js';

/** The collections a dump yields records for: every one but the guards, which their owners' records imply. */
export type DumpedCollection = RecordCollection;

interface Source {
  /** Every row of the table, in primary key order (so two dumps of one file list records alike). */
  sql: string;
  toRecord: (row: unknown) => unknown;
}

/** A table read with the repository's own row mapper, so the dump holds exactly what the repositories return. */
function source<Row>(sql: string, toRecord: (row: Row) => unknown): Source {
  return { sql, toRecord: (row) => toRecord(row as Row) };
}

/**
 * Where each collection's records come from. The non-domain shapes (sealed tokens, stage cache, webhook receipts,
 * stats calls) are the ones the Firestore store keeps in `data` (firestore/collections.ts).
 */
const SOURCES: Record<DumpedCollection, Source> = {
  users: source('SELECT * FROM users ORDER BY id', toUser),
  workspaces: source('SELECT id, name, created_at, settings FROM workspaces ORDER BY id', toWorkspace),
  memberships: source('SELECT * FROM memberships ORDER BY id', toMembership),
  sessions: source('SELECT * FROM sessions ORDER BY id', toSession),
  invitations: source('SELECT * FROM invitations ORDER BY id', toInvitation),
  passwordResets: source('SELECT * FROM password_resets ORDER BY token_hash', toPasswordReset),
  connections: source('SELECT * FROM connections ORDER BY id', toConnection),
  sealedTokens: source(
    'SELECT * FROM connection_tokens ORDER BY connection_id',
    (r: TokenRow & { updated_at: string }) => ({
      workspaceId: r.workspace_id,
      connectionId: r.connection_id,
      sealed: toSealed(r),
      at: r.updated_at,
    }),
  ),
  oauthStates: source('SELECT * FROM oauth_states ORDER BY state_hash', toOAuthState),
  auditEvents: source('SELECT * FROM audit_events ORDER BY id', toAuditEvent),
  webhookReceipts: source(
    'SELECT * FROM webhook_receipts ORDER BY digest',
    (r: { digest: string; platform: string; received_at: string }) => ({
      digest: r.digest,
      platform: r.platform,
      at: r.received_at,
    }),
  ),
  deletionRequests: source('SELECT * FROM deletion_requests ORDER BY code', toDeletionRequest),
  contentItems: source('SELECT * FROM content_items ORDER BY id', toItem),
  versions: source('SELECT * FROM content_versions ORDER BY id', toVersion),
  stageCache: source(
    'SELECT * FROM stage_cache ORDER BY workspace_id, key',
    (r: { workspace_id: string; key: string; stage: string; output: string; created_at: string }) => ({
      workspaceId: r.workspace_id,
      key: r.key,
      stage: r.stage,
      output: JSON.parse(r.output) as unknown,
      at: r.created_at,
    }),
  ),
  jobs: source('SELECT * FROM jobs ORDER BY id', toJob),
  mediaAssets: source('SELECT * FROM media_assets ORDER BY id', toAsset),
  reviews: source('SELECT data FROM version_reviews ORDER BY version_id', toReview),
  publications: source('SELECT data FROM publications ORDER BY id', toPublication),
  trackedVideos: source('SELECT data FROM tracked_videos ORDER BY id', toVideo),
  snapshots: source('SELECT * FROM stats_snapshots ORDER BY id', toSnapshot),
  statsCalls: source(
    'SELECT * FROM stats_calls ORDER BY id',
    (r: { workspace_id: string; connection_id: string; platform: string; at: string; units: number }) => ({
      workspaceId: r.workspace_id,
      connectionId: r.connection_id,
      platform: r.platform,
      at: r.at,
      units: r.units,
    }),
  ),
  dataExports: source('SELECT * FROM data_exports ORDER BY id', toDataExport),
  deletionLog: source('SELECT * FROM deletion_log ORDER BY id', toDeletionLogEntry),
};

/** Every collection a dump yields, in the order a copy writes them (parents before the records naming them). */
export const DUMPED_COLLECTIONS = Object.keys(SOURCES) as DumpedCollection[];

/** An embedded install's records, collection by collection, as the Firestore store keeps them in `data`. */
export interface SqliteDump {
  /** How many records `records(collection)` yields. */
  count(collection: DumpedCollection): number;
  /** The collection's records one by one (read lazily: a large install is never held in memory whole). */
  records(collection: DumpedCollection): IterableIterator<unknown>;
  close(): void;
}

/** Opens the embedded install's database file for a dump (bringing its schema up to date first, as a start would). */
export function openSqliteDump(file: string): SqliteDump {
  return sqliteDump(openDatabase(file));
}

/** A dump over an open database. */
export function sqliteDump(db: Db): SqliteDump {
  return {
    count: (collection) => {
      const row = db.prepare(`SELECT COUNT(*) AS n FROM (${SOURCES[collection].sql})`).get() as { n: number };
      return row.n;
    },
    records: function* (collection) {
      const { sql, toRecord } = SOURCES[collection];
      for (const row of db.prepare(sql).iterate()) {
        const record = toRecord(row);
        // Only a deletion log entry of a kind this version does not know maps to null; the store would hide it too.
        if (record !== null) yield record;
      }
    },
    close: () => db.close(),
  };
}
