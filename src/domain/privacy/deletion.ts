import type { IsoDate } from '../people.js';
import type { DataKindId } from './data-kinds.js';

/** What a deletion removed: the account, one workspace, or one platform account's data on the platform's request. */
export const DELETION_KINDS = ['account', 'workspace', 'platform_request'] as const;
export type DeletionKind = (typeof DELETION_KINDS)[number];

/** How many records of each kind a deletion removed; numbers only, never an id, a name or an address. */
export type DeletionCounts = Record<string, number>;

/** The anonymous line kept after a deletion: that it happened, when, and how much went; nothing about whom. */
export interface DeletionLogEntry {
  id: string;
  kind: DeletionKind;
  createdAt: IsoDate;
  counts: DeletionCounts;
}

/** What a person types to confirm the deletion of their account. */
export const ACCOUNT_DELETION_CONFIRMATION = 'DELETE';

/**
 * Stands for a deleted person where a record of a shared workspace must keep saying "someone" did something
 * (submitted or approved a version, acted in the audit log) without saying who.
 */
export const DELETED_MEMBER = 'deleted-member';

/** The sum of several counts, key by key (a key absent from one counts as 0 there). */
export function addCounts(...parts: DeletionCounts[]): DeletionCounts {
  const total: DeletionCounts = {};
  for (const part of parts)
    for (const [key, value] of Object.entries(part)) total[key] = (total[key] ?? 0) + value;
  return total;
}

/** Counts without the zero entries, keys in a stable order (what a person or the log is shown). */
export function nonZero(counts: DeletionCounts): DeletionCounts {
  return Object.fromEntries(
    Object.entries(counts)
      .filter(([, value]) => value > 0)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** What each count is called when a person, an operator or a status page is told what was deleted. */
const COUNT_LABELS: Record<string, string> = {
  workspacesDeleted: 'workspaces deleted whole',
  workspacesHandedOver: 'shared workspaces handed over',
  freshWorkspaces: 'empty workspaces made for members left without one',
  users: 'accounts',
  sessions: 'sign-in sessions',
  passwordResets: 'password reset links',
  memberships: 'memberships',
  invitations: 'invitations',
  oauthStates: 'unfinished connection attempts',
  connections: 'connected platform accounts',
  tokens: 'stored token records',
  revokedAtPlatform: 'grants revoked at the platform',
  revokeFailed: 'grants the platform could not be reached to revoke (their tokens were deleted all the same)',
  items: 'content items',
  versions: 'versions',
  searchTerms: 'search index entries',
  reviews: 'review records',
  publications: 'publications',
  canceledPublications: 'planned publications canceled',
  jobs: 'background jobs',
  stageCache: 'cached generation steps',
  mediaAssets: 'media library entries',
  mediaFiles: 'media files',
  trackedVideos: 'tracked videos',
  statsSnapshots: 'statistics readings',
  statsCalls: 'statistics call records',
  auditEvents: 'activity log lines',
  mails: 'stored mails',
  workspaces: 'workspace records',
  exports: 'data exports',
};

/**
 * "content items: 12" lines, for each non-zero count (label first, so one and many read the same); unknown keys
 * keep their own name.
 */
export function describeCounts(counts: DeletionCounts): string[] {
  return Object.entries(nonZero(counts)).map(([key, n]) => `${COUNT_LABELS[key] ?? key}: ${n}`);
}

/**
 * Which counts of a deletion remove each kind of personal record the policy names: a new kind in DATA_KINDS fails
 * its test until deletion covers it. Recommendations are worked out from statistics when shown and go with them.
 */
export const DELETION_COVERAGE: Record<DataKindId, readonly string[]> = {
  account: ['users'],
  sessions: ['sessions'],
  memberships: ['memberships'],
  workspaces: ['workspaces'],
  invitations: ['invitations'],
  connections: ['connections', 'tokens', 'oauthStates'],
  items: ['items', 'searchTerms'],
  versions: ['versions', 'stageCache'],
  reviews: ['reviews'],
  publications: ['publications', 'canceledPublications', 'jobs'],
  stats: ['trackedVideos', 'statsSnapshots', 'statsCalls'],
  recommendations: ['statsSnapshots'],
  'audit-events': ['auditEvents'],
  media: ['mediaAssets', 'mediaFiles'],
  exports: ['exports'],
};

/** Whether a count key has a label (every key a deletion can report should). */
export function isKnownCount(key: string): boolean {
  return key in COUNT_LABELS;
}
