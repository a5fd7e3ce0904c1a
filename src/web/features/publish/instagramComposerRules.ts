import { countHashtags, countMentions } from '../../../domain/metadata/hashtags.js';
import { METADATA_LIMITS as L } from '../../../domain/metadata/limits.js';
import { validateMetadata } from '../../../domain/metadata/validate-metadata.js';

export interface InstagramDraft {
  caption: string;
  shareToFeed: boolean;
  /** Cover frame, ms into the video. */
  coverAtMs: number;
}

/** Starts from the version's caption and cover frame; the Reel is shared to the feed unless turned off. */
export function initialInstagramDraft(
  caption: string,
  coverAtMs: number,
  durationMs: number,
): InstagramDraft {
  return { caption, shareToFeed: true, coverAtMs: clampCover(coverAtMs, durationMs) };
}

/** Instagram wants the cover offset inside the video: 0 ≤ offset < duration. */
export function clampCover(coverAtMs: number, durationMs: number): number {
  const last = Math.max(0, Math.floor(durationMs) - 1);
  return Math.min(Math.max(0, Math.round(coverAtMs)), last);
}

/** The counters shown under the caption, each with its limit. */
export function captionCounts(caption: string) {
  return {
    characters: { used: caption.length, max: L.instagramCaptionChars },
    hashtags: { used: countHashtags(caption), max: L.instagramHashtags },
    mentions: { used: countMentions(caption), max: L.instagramMentions },
  };
}

/** What is wrong with the caption, by the same domain rules the platform texts of a version follow. */
export function instagramCaptionError(caption: string): string | undefined {
  return validateMetadata({ instagram: { caption, aiGenerated: true } })[0]?.message;
}

/** The `options` of POST /api/publications for Instagram. */
export function instagramPayload(draft: InstagramDraft) {
  return { caption: draft.caption, shareToFeed: draft.shareToFeed, coverAtMs: Math.round(draft.coverAtMs) };
}
