import type { PublicationView } from '../../../api/publishing.js';

type PublicationStatus = PublicationView['status'];

export const STATUS_LABELS: Record<PublicationStatus, string> = {
  scheduled: 'Scheduled',
  queued: 'Queued',
  uploading: 'Uploading',
  processing: 'Processing',
  published: 'Published',
  failed: 'Failed',
  needs_action: 'Needs action',
  canceled: 'Canceled',
};

/** Statuses the worker still moves on by itself; the others wait for nobody or for a person. */
const MOVING: ReadonlySet<PublicationStatus> = new Set(['queued', 'uploading', 'processing']);

/** Only these may be moved or canceled: nothing has reached the platform yet. */
export function canReschedule(status: PublicationStatus): boolean {
  return status === 'scheduled' || status === 'queued';
}

export const canCancel = canReschedule;

/** A failed publication, or one that waited for a person (a reconnect), may be tried again. */
export function canRetry(status: PublicationStatus): boolean {
  return status === 'failed' || status === 'needs_action';
}

/** When the publication is planned: its scheduled time, else when it was asked for (publish now). */
export function plannedAt(publication: Pick<PublicationView, 'scheduledAt' | 'createdAt'>): string {
  return publication.scheduledAt ?? publication.createdAt;
}

const FAST_MS = 3_000;
const SLOW_MS = 30_000;
// A scheduled publication this close to its time is read often, so its start shows within seconds.
const SOON_MS = 5 * 60_000;

// TikTok gives the public post id (and so the link) only after moderation, usually within minutes.
const LINK_WAIT_MS = 15 * 60_000;

/** Published, but the platform has not told the post's address yet, and it still may soon. */
function awaitingLink(item: PublicationView, now: Date): boolean {
  if (item.status !== 'published' || item.url !== null || item.publishedAt === null) return false;
  return now.getTime() - new Date(item.publishedAt).getTime() < LINK_WAIT_MS;
}

/**
 * How often to read a list again: every few seconds while something is moving or about to start, slowly while
 * something waits for a later time, never once every publication has settled.
 */
export function pollInterval(items: PublicationView[], now: Date): number | false {
  if (items.some((item) => MOVING.has(item.status))) return FAST_MS;
  if (items.some((item) => awaitingLink(item, now))) return SLOW_MS / 3;
  const waiting = items.filter((item) => item.status === 'scheduled');
  if (waiting.some((item) => new Date(plannedAt(item)).getTime() - now.getTime() < SOON_MS)) return FAST_MS;
  return waiting.length > 0 ? SLOW_MS : false;
}
