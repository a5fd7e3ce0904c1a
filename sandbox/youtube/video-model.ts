import type { PersonaId } from '../core/settings.js';

/** The writable §3.3 fields of a video, as validated at insert time. */
export interface VideoMetadata {
  snippet: {
    title: string;
    description: string;
    tags: string[];
    categoryId: string;
    defaultLanguage?: string;
    defaultAudioLanguage?: string;
  };
  status: {
    privacyStatus: 'private' | 'public' | 'unlisted';
    publishAt: string | null;
    selfDeclaredMadeForKids: boolean;
    embeddable: boolean;
    license: 'youtube' | 'creativeCommon';
    publicStatsViewable: boolean;
    containsSyntheticMedia: boolean | null;
  };
}

/** How processing ends for a video once processingMs has passed (§3.5 state machine). */
export type ProcessingOutcome =
  | { uploadStatus: 'processed' }
  | { uploadStatus: 'failed'; failureReason: FailureReason }
  | { uploadStatus: 'rejected'; rejectionReason: RejectionReason };

export const FAILURE_REASONS = [
  'codec',
  'conversion',
  'emptyFile',
  'invalidFile',
  'tooSmall',
  'uploadAborted',
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];
export const REJECTION_REASONS = [
  'claim',
  'copyright',
  'duplicate',
  'inappropriate',
  'legal',
  'length',
  'termsOfUse',
  'trademark',
  'uploaderAccountClosed',
  'uploaderAccountSuspended',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** A video whose bytes are all in; its visible state is computed from the clock on each read. */
export interface Video {
  id: string;
  channelId: string;
  channelTitle: string;
  owner: PersonaId;
  metadata: VideoMetadata;
  uploadedAt: number;
  bytes: number;
  outcome: ProcessingOutcome;
  deleted: boolean;
  /** Whole seconds, as read from the file's `moov`; null when the sandbox could not read it. */
  durationSec: number | null;
  /** The creator hid the like count: videos.list leaves `likeCount` out. */
  likesHidden: boolean;
  /** The key the simulated audience draws this video's noise from (stable for a given seed). */
  audienceKey: string;
}

/** A resumable upload session: metadata fixed at creation, bytes arriving in 256 KiB units. */
export interface UploadSession {
  id: string;
  owner: PersonaId;
  channelId: string;
  channelTitle: string;
  metadata: VideoMetadata;
  /** The `part` list of the insert; the final response carries these parts. */
  parts: string[];
  declaredLength: number | null;
  received: number;
  /** The first HEAD_BYTES of the file: the container sniff and, for faststart files, the duration. */
  head: Buffer;
  expiresAt: number;
  videoId: string | null;
}

/** Bytes every non-final chunk is made of (256 KiB). */
export const CHUNK_UNIT = 256 * 1024;
/** Leading bytes kept of every upload: enough to sniff the container and read a faststart `moov`. */
export const HEAD_BYTES = 1024 * 1024;

/** Whether the first bytes look like a container YouTube transcodes (MP4/MOV/3GP, WebM/MKV, AVI, FLV, MPEG, ASF). */
export function looksLikeVideo(head: Buffer): boolean {
  if (head.length < 12) return false;
  const ascii = (from: number, to: number): string => head.subarray(from, to).toString('latin1');
  return (
    ascii(4, 8) === 'ftyp' ||
    head.readUInt32BE(0) === 0x1a45dfa3 ||
    (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'AVI ') ||
    ascii(0, 3) === 'FLV' ||
    head.readUInt32BE(0) === 0x000001ba ||
    head.readUInt32BE(0) === 0x3026b275 ||
    head[0] === 0x47
  );
}

/** The outcome processing will reach for a file of this size and head. */
export function outcomeForFile(bytes: number, head: Buffer, rejectNonVideo: boolean): ProcessingOutcome {
  if (bytes === 0) return { uploadStatus: 'failed', failureReason: 'emptyFile' };
  if (rejectNonVideo && !looksLikeVideo(head))
    return { uploadStatus: 'failed', failureReason: 'invalidFile' };
  return { uploadStatus: 'processed' };
}
