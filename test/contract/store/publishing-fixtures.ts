import type { Publication } from '../../../src/domain/publishing/publication.js';
import type { VersionReview } from '../../../src/domain/publishing/review.js';
import { newId } from '../../../src/domain/ids.js';
import { NOW } from './fixtures.js';

/** A pending review of a version, submitted at NOW; `over` changes any field. */
export function review(workspaceId: string, over: Partial<VersionReview> = {}): VersionReview {
  return {
    versionId: newId(),
    itemId: newId(),
    workspaceId,
    state: 'pending',
    submittedBy: 'u1',
    submittedAt: NOW,
    decidedBy: null,
    decidedAt: null,
    comment: null,
    seal: null,
    history: [{ action: 'submit', by: 'u1', at: NOW, comment: 'Ready' }],
    updatedAt: NOW,
    ...over,
  };
}

/** A queued TikTok Direct Post made at NOW, revision 1; `over` changes any field. */
export function publication(workspaceId: string, over: Partial<Publication> = {}): Publication {
  return {
    id: newId(),
    workspaceId,
    itemId: newId(),
    versionId: newId(),
    connectionId: newId(),
    platform: 'tiktok',
    status: 'queued',
    options: {
      platform: 'tiktok',
      mode: 'direct',
      privacyLevel: 'SELF_ONLY',
      disableComment: false,
      disableDuet: false,
      disableStitch: false,
      brandOrganic: false,
      brandedContent: false,
      isAigc: true,
      caption: 'Morning habits #tips',
    },
    scheduledAt: null,
    timeZone: null,
    startedAt: null,
    publishedAt: null,
    attempts: 0,
    platformRef: null,
    platformPostId: null,
    url: null,
    error: null,
    deferral: null,
    timeline: [{ at: NOW, status: 'queued', detail: 'Queued' }],
    checkpoint: { remote: {}, journal: [] },
    idempotencyKey: null,
    createdBy: 'u1',
    createdAt: NOW,
    updatedAt: NOW,
    revision: 1,
    ...over,
  };
}

/** An ISO time `minutes` after NOW (negative: before). */
export function minutesAfterNow(minutes: number): string {
  return new Date(Date.parse(NOW) + minutes * 60_000).toISOString();
}
