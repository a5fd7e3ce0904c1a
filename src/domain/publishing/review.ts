import { createHash } from 'node:crypto';
import type { Platform } from '../connection.js';
import type { PlatformMetadata } from '../content.js';
import type { IsoDate } from '../people.js';

/** Where one version stands in review. A version never sent for review has no review at all. */
export type ReviewState = 'pending' | 'approved' | 'rejected';
export type ReviewAction = 'submit' | 'approve' | 'reject';

/** One decision in a version's review history. */
export interface ReviewDecision {
  action: ReviewAction;
  by: string;
  at: IsoDate;
  comment: string | null;
}

/** What an approval binds to: the version's content hash, its video file's bytes and each platform's texts. */
export interface ApprovalSeal {
  contentHash: string;
  /** SHA-256 (hex) of the rendered video file as it was when approved. */
  videoSha256: string;
  metadataHashes: Partial<Record<Platform, string>>;
}

/** The review of one version: its state, the last decision, the seal when approved, and the whole history. */
export interface VersionReview {
  versionId: string;
  itemId: string;
  workspaceId: string;
  state: ReviewState;
  submittedBy: string;
  submittedAt: IsoDate;
  decidedBy: string | null;
  decidedAt: IsoDate | null;
  comment: string | null;
  /** Set while approved; cleared by a later rejection. */
  seal: ApprovalSeal | null;
  /** Oldest first. */
  history: ReviewDecision[];
  updatedAt: IsoDate;
}

/** A stable hash of one platform's texts (key order does not matter). */
export function metadataHash(metadata: PlatformMetadata[Platform]): string {
  return createHash('sha256')
    .update(stableJson(metadata ?? null))
    .digest('hex');
}

/** The hash of each platform's texts of a version. */
export function metadataHashes(metadata: PlatformMetadata): Partial<Record<Platform, string>> {
  const hashes: Partial<Record<Platform, string>> = {};
  for (const platform of Object.keys(metadata) as Platform[])
    hashes[platform] = metadataHash(metadata[platform]);
  return hashes;
}

/**
 * True when the approval still covers what is about to be published: the same content hash, the same file bytes
 * and, for the target platform, the same texts.
 */
export function sealCovers(
  seal: ApprovalSeal,
  current: { contentHash: string; videoSha256: string; metadata: PlatformMetadata },
  platform: Platform,
): boolean {
  return (
    seal.contentHash === current.contentHash &&
    seal.videoSha256 === current.videoSha256 &&
    seal.metadataHashes[platform] === metadataHash(current.metadata[platform])
  );
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
