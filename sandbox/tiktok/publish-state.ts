import type { TiktokSettings } from '../core/settings.js';
import type { PrivacyLevel, TiktokPersona } from './accounts.js';
import type { MediaProbe } from './media-probe.js';

/** A FILE_UPLOAD's upload URL and what arrived through it. */
export interface UploadProgress {
  uploadId: string;
  uploadToken: string;
  expiresAt: number;
  contentType: string | null;
  receivedBytes: number;
  completedAt: number | null;
  /** The first and last bytes of the file, kept for the media checks. */
  head: Buffer;
  tail: Buffer;
}

/** One Direct Post or inbox draft; its status is derived from these facts and the clock. */
export interface PublishRecord {
  publishId: string;
  publishType: 'DIRECT_PUBLISH' | 'INBOX_SHARE';
  source: 'FILE_UPLOAD' | 'PULL_FROM_URL';
  clientKey: string;
  openId: string;
  persona: TiktokPersona;
  createdAt: number;
  /** null for inbox drafts (the creator picks it in the app). */
  privacy: PrivacyLevel | null;
  title: string;
  isAigc: boolean;
  videoSize: number;
  chunkSize: number;
  totalChunks: number;
  upload: UploadProgress | null;
  videoUrl: string | null;
  maxDurationSec: number;
  probe: MediaProbe | null;
  /** Set by the media checks when the upload completes. */
  checkFailReason: string | null;
  /** Forced by the admin API at init. */
  forcedFailReason: string | null;
  authRemovedAt: number | null;
  /** Assigned at init; shown only once moderation is over, and never for SELF_ONLY. */
  postId: string;
  takenDownAt: number | null;
  draftResolvedAt: number | null;
  /** Webhook events already delivered (by key). */
  emitted: Set<string>;
}

export type PublishStatus =
  'PROCESSING_UPLOAD' | 'PROCESSING_DOWNLOAD' | 'SEND_TO_USER_INBOX' | 'PUBLISH_COMPLETE' | 'FAILED';

type Timing = Pick<TiktokSettings, 'processingMs' | 'moderationMs'>;

interface Milestones {
  /** When processing ends (null while the upload is incomplete). */
  readyAt: number | null;
  failedAt: number | null;
  failReason: string | null;
  /** When moderation makes the post public (null when it never will). */
  publicAt: number | null;
}

/** The moments that define a publish's life, from its facts alone. */
export function milestones(p: PublishRecord, timing: Timing): Milestones {
  const processedFrom = p.source === 'FILE_UPLOAD' ? (p.upload?.completedAt ?? null) : p.createdAt;
  const readyAt = processedFrom === null ? null : processedFrom + timing.processingMs;
  const failures: { at: number; reason: string }[] = [];
  if (p.authRemovedAt !== null && (readyAt === null || p.authRemovedAt < readyAt))
    failures.push({ at: p.authRemovedAt, reason: 'auth_removed' });
  // An upload URL that expires before the last chunk leaves nothing to process: retry with a new init.
  if (p.upload && p.upload.completedAt === null)
    failures.push({ at: p.upload.expiresAt, reason: 'internal' });
  const processingFailure = p.forcedFailReason ?? p.checkFailReason;
  if (readyAt !== null && processingFailure) failures.push({ at: readyAt, reason: processingFailure });
  const first = failures.sort((a, b) => a.at - b.at)[0];
  const publicAt =
    !first && readyAt !== null && p.publishType === 'DIRECT_PUBLISH' && p.privacy !== 'SELF_ONLY'
      ? readyAt + timing.moderationMs
      : null;
  return { readyAt, failedAt: first?.at ?? null, failReason: first?.reason ?? null, publicAt };
}

/** What status/fetch reports at `now`. */
export interface PublishView {
  status: PublishStatus;
  failReason: string | null;
  /** Present for Direct Posts that are not SELF_ONLY once complete: empty until moderation ends. */
  publicPostIds: string[] | null;
  uploadedBytes: number | null;
  downloadedBytes: number | null;
}

/** Computes a publish's status lazily from the clock (no timers). */
export function publishView(p: PublishRecord, now: number, timing: Timing): PublishView {
  const m = milestones(p, timing);
  const view: PublishView = {
    status: p.source === 'FILE_UPLOAD' ? 'PROCESSING_UPLOAD' : 'PROCESSING_DOWNLOAD',
    failReason: null,
    publicPostIds: null,
    uploadedBytes: p.upload ? p.upload.receivedBytes : null,
    downloadedBytes: null,
  };
  if (p.source === 'PULL_FROM_URL') {
    const share = Math.min(1, (now - p.createdAt) / Math.max(1, timing.processingMs));
    view.downloadedBytes = Math.floor(p.videoSize * share);
  }
  if (m.failedAt !== null && m.failedAt <= now) {
    return { ...view, status: 'FAILED', failReason: m.failReason };
  }
  if (m.readyAt === null || m.readyAt > now) return view;
  if (p.publishType === 'INBOX_SHARE') return { ...view, status: 'SEND_TO_USER_INBOX' };
  const isPublic = m.publicAt !== null && m.publicAt <= now && !takenDownBy(p, now);
  return {
    ...view,
    status: 'PUBLISH_COMPLETE',
    publicPostIds: p.privacy === 'SELF_ONLY' ? null : isPublic ? [p.postId] : [],
  };
}

function takenDownBy(p: PublishRecord, now: number): boolean {
  return p.takenDownAt !== null && p.takenDownAt <= now;
}

/** A post the Display API may show: a Direct Post to everyone, past moderation, still up. */
export function isPubliclyListed(p: PublishRecord, now: number, timing: Timing): boolean {
  const m = milestones(p, timing);
  return (
    p.privacy === 'PUBLIC_TO_EVERYONE' && m.publicAt !== null && m.publicAt <= now && !takenDownBy(p, now)
  );
}

/** A publish whose outcome is not known yet (a platform-side revoke fails it with auth_removed). */
export function isInFlight(p: PublishRecord, now: number, timing: Timing): boolean {
  const m = milestones(p, timing);
  return !(m.failedAt !== null && m.failedAt <= now) && !(m.readyAt !== null && m.readyAt <= now);
}

/** An inbox draft still waiting for the creator (counts toward the pending-draft cap). */
export function isPendingDraft(p: PublishRecord, now: number, timing: Timing): boolean {
  if (p.publishType !== 'INBOX_SHARE' || p.draftResolvedAt !== null) return false;
  const m = milestones(p, timing);
  return now - p.createdAt < 86_400_000 && !(m.failedAt !== null && m.failedAt <= now);
}

/** A webhook event the publish has reached by `now`. */
export interface DueEvent {
  key: string;
  at: number;
  event: string;
  content: Record<string, string>;
}

/** The `post.publish.*` events a publish has reached by `now`, in order. */
export function dueEvents(p: PublishRecord, now: number, timing: Timing): DueEvent[] {
  const m = milestones(p, timing);
  const base = { publish_id: p.publishId, publish_type: p.publishType };
  const events: DueEvent[] = [];
  if (m.failedAt !== null && m.failedAt <= now) {
    const content = {
      publish_id: p.publishId,
      reason: m.failReason ?? 'internal',
      publish_type: p.publishType,
    };
    events.push({ key: 'failed', at: m.failedAt, event: 'post.publish.failed', content });
    return events;
  }
  if (m.readyAt === null || m.readyAt > now) return events;
  const done = p.publishType === 'INBOX_SHARE' ? 'post.publish.inbox_delivered' : 'post.publish.complete';
  events.push({ key: 'done', at: m.readyAt, event: done, content: base });
  if (m.publicAt !== null && m.publicAt <= now) {
    const content = { ...base, post_id: p.postId };
    events.push({ key: 'public', at: m.publicAt, event: 'post.publish.publicly_available', content });
    if (p.takenDownAt !== null && p.takenDownAt <= now) {
      const at = Math.max(p.takenDownAt, m.publicAt);
      events.push({ key: 'down', at, event: 'post.publish.no_longer_publicaly_available', content });
    }
  }
  return events;
}
