import type { Platform } from '../connection.js';
import type { IsoDate } from '../people.js';

export const PUBLICATION_STATUSES = [
  'scheduled',
  'queued',
  'uploading',
  'processing',
  'published',
  'failed',
  'needs_action',
  'canceled',
] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

/** TikTok's privacy values (PLATFORMS.md §1.3). */
export const TIKTOK_PRIVACY_LEVELS = [
  'PUBLIC_TO_EVERYONE',
  'MUTUAL_FOLLOW_FRIENDS',
  'FOLLOWER_OF_CREATOR',
  'SELF_ONLY',
] as const;
export type TiktokPrivacyLevel = (typeof TIKTOK_PRIVACY_LEVELS)[number];

export interface TiktokPublishOptions {
  platform: 'tiktok';
  /** Direct Post, or an inbox upload the creator finishes in the app. */
  mode: 'direct' | 'draft';
  /** Required for direct; one of the creator's privacy_level_options. Null for drafts. */
  privacyLevel: TiktokPrivacyLevel | null;
  disableComment: boolean;
  disableDuet: boolean;
  disableStitch: boolean;
  /** "Your brand" (promotional content). */
  brandOrganic: boolean;
  /** "Branded content" (paid partnership); never with SELF_ONLY. */
  brandedContent: boolean;
  isAigc: boolean;
  caption: string;
}

export interface InstagramPublishOptions {
  platform: 'instagram';
  caption: string;
  shareToFeed: boolean;
  /** Cover frame, ms into the video; null: Instagram's choice. */
  coverAtMs: number | null;
}

export type YoutubePrivacyStatus = 'private' | 'unlisted' | 'public';

export interface YoutubePublishOptions {
  platform: 'youtube';
  title: string;
  description: string;
  tags: string[];
  categoryId: string;
  privacyStatus: YoutubePrivacyStatus;
  madeForKids: boolean;
  containsSyntheticMedia: boolean;
  /** YouTube's own scheduled release (the video stays private until then). */
  publishAt: IsoDate | null;
}

/** The final, validated texts and settings of one publication (the composer's result, defaults filled in). */
export type PublishOptions = TiktokPublishOptions | InstagramPublishOptions | YoutubePublishOptions;

export interface PublicationError {
  code: string;
  /** Plain words for the person. */
  message: string;
  retriable: boolean;
}

export interface TimelineEntry {
  at: IsoDate;
  status: PublicationStatus;
  detail: string;
}

/** One outside-world call, recorded before it is made and after it answered. */
export interface JournalEntry {
  step: string;
  phase: 'before' | 'after';
  at: IsoDate;
}

/**
 * What the platform side holds so far (TikTok publish_id and upload offset, YouTube session URI and offset,
 * Instagram container id), plus the journal of calls. A resumed job reads it to ask the platform where things
 * stand instead of starting over.
 */
export interface PublishCheckpoint {
  remote: Record<string, string | number | boolean | null>;
  journal: JournalEntry[];
}

export interface Publication {
  id: string;
  workspaceId: string;
  itemId: string;
  versionId: string;
  connectionId: string;
  platform: Platform;
  status: PublicationStatus;
  options: PublishOptions;
  /** When the person wants it out (UTC); null: now. */
  scheduledAt: IsoDate | null;
  /** The time zone it was scheduled in, for display. */
  timeZone: string | null;
  startedAt: IsoDate | null;
  publishedAt: IsoDate | null;
  /** Runs of the publish job so far. */
  attempts: number;
  /** The platform's handle for the upload in flight (TikTok publish_id, Instagram container id, YouTube video id). */
  platformRef: string | null;
  platformPostId: string | null;
  url: string | null;
  error: PublicationError | null;
  /** Why it waits, when a limit made it wait instead of fail ("TikTok's daily limit … it will go at 00:05"). */
  deferral: { reason: string; until: IsoDate } | null;
  timeline: TimelineEntry[];
  checkpoint: PublishCheckpoint;
  idempotencyKey: string | null;
  createdBy: string;
  createdAt: IsoDate;
  updatedAt: IsoDate;
  /** Incremented on every save; a save with a stale revision is refused (two workers never both win). */
  revision: number;
  /** When the publish job should run next (its job is keyed by this time); null or absent: nothing planned. */
  nextRunAt?: IsoDate | null;
  /** The job run working on it now, until when; another run leaves it alone until then. */
  runner?: { jobId: string; until: IsoDate } | null;
}

/** Which status may follow which. Anything else is a bug or a conflict. */
export const PUBLICATION_TRANSITIONS: Record<PublicationStatus, readonly PublicationStatus[]> = {
  scheduled: ['scheduled', 'queued', 'canceled'],
  queued: [
    'queued',
    'scheduled',
    'uploading',
    'processing',
    'published',
    'failed',
    'needs_action',
    'canceled',
  ],
  uploading: ['uploading', 'processing', 'published', 'queued', 'failed', 'needs_action'],
  processing: ['processing', 'published', 'queued', 'failed', 'needs_action'],
  published: ['published'],
  failed: ['queued'],
  needs_action: ['queued'],
  canceled: [],
};

/** True when `to` may follow `from`. */
export function canTransition(from: PublicationStatus, to: PublicationStatus): boolean {
  return PUBLICATION_TRANSITIONS[from].includes(to);
}

/** Statuses in which the publication can still be canceled (nothing has reached the platform yet). */
export const CANCELABLE: readonly PublicationStatus[] = ['scheduled', 'queued'];
/** Statuses a person may retry from. */
export const RETRIABLE: readonly PublicationStatus[] = ['failed', 'needs_action'];
