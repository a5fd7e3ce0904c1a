import type { DataKindId } from './data-kinds.js';

/** What one store repository holds: a kind of personal record the policy names, or operational data and why. */
export type StoreRecordClass = { kinds: DataKindId[] } | { operational: string };

/**
 * Every repository of the store (its keys in the Store port), mapped to what the privacy policy says about it. A
 * test compares this with a real store, so a new repository fails until someone decides what the policy says.
 */
export const STORE_RECORDS: Record<string, StoreRecordClass> = {
  users: { kinds: ['account'] },
  workspaces: { kinds: ['workspaces'] },
  memberships: { kinds: ['memberships'] },
  sessions: { kinds: ['sessions'] },
  invitations: { kinds: ['invitations'] },
  passwordResets: {
    operational:
      'A hash of a one-time reset link and when it expires; it lets nobody in once used or past PASSWORD_RESET_TTL_MINUTES',
  },
  connections: { kinds: ['connections'] },
  oauthStates: {
    operational:
      'A single-use value binding a connect flow to its session for ten minutes (CSRF protection), deleted hourly once expired',
  },
  audit: { kinds: ['audit-events'] },
  webhookReceipts: {
    operational:
      'Digests of platform callbacks already received, so a replayed callback is refused; no personal content',
  },
  deletionRequests: {
    operational:
      'The confirmation code of a platform data-deletion request and how many records it deleted, for its status page',
  },
  content: { kinds: ['items', 'versions'] },
  stageCache: {
    operational:
      'Results of generation stages keyed by a hash of their inputs, so an unchanged stage is not run twice; it points at media files of the workspace',
  },
  jobs: {
    operational:
      'Background work waiting or running (generation, publishing, refreshes) with ids of what it works on; no content of its own',
  },
  mediaAssets: { kinds: ['media'] },
  reviews: { kinds: ['reviews'] },
  publications: { kinds: ['publications'] },
  trackedVideos: { kinds: ['stats'] },
  snapshots: { kinds: ['stats'] },
  dataExports: { kinds: ['exports'] },
  erasure: {
    operational:
      'Deletes accounts and workspaces; keeps one anonymous line per deletion (its kind, when, and how many records went), never who',
  },
  statsCalls: {
    operational:
      'When each statistics call was made and its quota cost, to stay inside the platforms’ rate limits; deleted once older than any budget window',
  },
};
