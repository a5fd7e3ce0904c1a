import { seededUnit } from './hash.js';
import { audienceMultiplier, type Audience } from './video-audience.js';
import type { Video } from './video-model.js';

const HOUR = 3_600_000;
/** processingProgress.partsTotal while a video is processing. */
const PARTS_TOTAL = 1000;

/** What a video looks like at one instant: §3.5 state machines and the effective privacy. */
export interface VideoState {
  uploadStatus: 'uploaded' | 'processed' | 'failed' | 'rejected';
  failureReason?: string;
  rejectionReason?: string;
  processingStatus: 'processing' | 'succeeded' | 'failed' | 'terminated';
  processingProgress?: { partsTotal: string; partsProcessed: string; timeLeftMs: string };
  processingFailureReason?: string;
  privacyStatus: 'private' | 'public' | 'unlisted';
  publishAt: string | null;
  /** Since when others can watch it (stats grow from here); null while nobody but the owner can. */
  watchableSince: number | null;
}

/** Computes the video's state lazily from the clock: uploaded → processed | failed | rejected. */
export function videoStateAt(video: Video, now: number, processingMs: number): VideoState {
  const doneAt = video.uploadedAt + processingMs;
  const { privacyStatus, publishAt } = video.metadata.status;
  if (now < doneAt) {
    const partsProcessed = Math.floor((PARTS_TOTAL * (now - video.uploadedAt)) / Math.max(1, processingMs));
    return {
      uploadStatus: 'uploaded',
      processingStatus: 'processing',
      processingProgress: {
        partsTotal: String(PARTS_TOTAL),
        partsProcessed: String(partsProcessed),
        timeLeftMs: String(doneAt - now),
      },
      privacyStatus,
      publishAt,
      watchableSince: null,
    };
  }
  const outcome = video.outcome;
  if (outcome.uploadStatus === 'failed') {
    return {
      uploadStatus: 'failed',
      failureReason: outcome.failureReason,
      processingStatus: 'failed',
      processingFailureReason: outcome.failureReason === 'uploadAborted' ? 'uploadFailed' : 'transcodeFailed',
      privacyStatus,
      publishAt,
      watchableSince: null,
    };
  }
  if (outcome.uploadStatus === 'rejected') {
    return {
      uploadStatus: 'rejected',
      rejectionReason: outcome.rejectionReason,
      processingStatus: 'terminated',
      privacyStatus,
      publishAt,
      watchableSince: null,
    };
  }
  // A scheduled private video goes public by itself at publishAt.
  const scheduledAt = publishAt === null ? null : Date.parse(publishAt);
  if (scheduledAt !== null && now >= scheduledAt) {
    return {
      uploadStatus: 'processed',
      processingStatus: 'succeeded',
      privacyStatus: 'public',
      publishAt: null,
      watchableSince: Math.max(doneAt, scheduledAt),
    };
  }
  return {
    uploadStatus: 'processed',
    processingStatus: 'succeeded',
    privacyStatus,
    publishAt,
    watchableSince: privacyStatus === 'private' ? null : doneAt,
  };
}

/** Counters of a video, as numbers; rendered as strings. */
export interface VideoCounts {
  views: number;
  likes: number;
  dislikes: number;
  comments: number;
}

/** Views a public video earns on the base curve (no world effect) over its first days. */
const BASE_REACH = 1500;
/** Unlisted videos are found by link only. */
const UNLISTED_SHARE = 0.1;
/**
 * After the first days, views keep coming at this share of the reach per hour: about 3 % a week, like the TikTok
 * and Instagram sandboxes' tails. (At 0.4 % an hour a 12-week-old video had 9× its 7-day views, so an imported
 * post's age swamped the world's planted effects.)
 */
const TRICKLE_PER_HOUR = 0.0002;

/**
 * Counts that only grow with the clock, zero until others can watch the video: the base curve times the world's
 * multiplier for this video (its duration, posting time, caption and seeded noise), so one seed and one world
 * always give the same numbers. Like and comment rates are seeded per video.
 */
export function videoCountsAt(video: Video, state: VideoState, now: number, audience: Audience): VideoCounts {
  if (state.watchableSince === null) return { views: 0, likes: 0, dislikes: 0, comments: 0 };
  const hours = Math.max(0, now - state.watchableSince) / HOUR;
  const reach =
    BASE_REACH *
    (state.privacyStatus === 'unlisted' ? UNLISTED_SHARE : 1) *
    audienceMultiplier(video, audience);
  const views = Math.floor(reach * (1 - Math.exp(-hours / 24) + TRICKLE_PER_HOUR * hours));
  const likeRate = 0.02 + seededUnit(audience.seed, video.id, 'likes') * 0.06;
  const commentRate = 0.002 + seededUnit(audience.seed, video.id, 'comments') * 0.008;
  return {
    views,
    likes: Math.floor(views * likeRate),
    dislikes: Math.floor(views * likeRate * 0.04),
    comments: Math.floor(views * commentRate),
  };
}
