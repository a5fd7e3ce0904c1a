import { PublishFailure } from '../../../domain/publishing/publish-failure.js';
import type { YoutubePublishOptions } from '../../../domain/publishing/publication.js';
import type { PublishStepResult } from '../../../ports/platform-publisher.js';
import { asObject, numberField, stringField } from './json-fields.js';

/** Why processing failed (`status.failureReason`, §3.3), in plain words. */
const FAILURE_REASONS: Record<string, string> = {
  codec: 'YouTube could not process the video: its codec is not supported.',
  conversion: 'YouTube could not convert the video.',
  emptyFile: 'YouTube received an empty file.',
  invalidFile: 'YouTube could not read the file as a video.',
  tooSmall: 'The file was too small for YouTube.',
  uploadAborted: 'The upload to YouTube was cut off before the end.',
};

/** Why YouTube rejected the video (`status.rejectionReason`, §3.3), in plain words. */
const REJECTION_REASONS: Record<string, string> = {
  claim: 'YouTube rejected the video because of a rights claim.',
  copyright: 'YouTube rejected the video for copyright reasons.',
  duplicate: 'YouTube rejected the video as a duplicate of one already on the channel.',
  inappropriate: 'YouTube rejected the video as inappropriate.',
  legal: 'YouTube rejected the video for legal reasons.',
  length: 'YouTube rejected the video: it is too long for this channel.',
  termsOfUse: 'YouTube rejected the video for breaking its Terms of Service.',
  trademark: 'YouTube rejected the video for trademark reasons.',
  uploaderAccountClosed: 'YouTube rejected the video: the YouTube account is closed.',
  uploaderAccountSuspended: 'YouTube rejected the video: the YouTube account is suspended.',
};

/** How often to look again while YouTube processes, bounded whatever `timeLeftMs` says. */
const MIN_WAIT_MS = 2_000;
const MAX_WAIT_MS = 60_000;

/** The public address of a Short. */
export function shortUrl(videoId: string): string {
  return `https://youtube.com/shorts/${videoId}`;
}

/**
 * Reads one `videos.list` item (parts status, processingDetails) of our upload: wait while YouTube processes it,
 * published once it is uploaded or processed, PublishFailure when processing failed or YouTube rejected it. An
 * absent item means the video was deleted. `pollMs` is the wait when YouTube gives no estimate.
 */
export function videoStatusResult(
  item: unknown,
  videoId: string,
  options: YoutubePublishOptions,
  pollMs: number,
): PublishStepResult {
  const video = asObject(item);
  if (!video) {
    throw new PublishFailure(
      'youtube',
      'youtube.deleted',
      'The video is no longer on YouTube: it was deleted before it finished processing.',
      'fail',
    );
  }
  const status = asObject(video.status);
  const processing = asObject(video.processingDetails);
  const uploadStatus = stringField(status, 'uploadStatus');
  const processingStatus = stringField(processing, 'processingStatus');
  if (uploadStatus === 'failed') {
    const reason = stringField(status, 'failureReason') ?? 'unknown';
    throw new PublishFailure(
      'youtube',
      `youtube.failed.${reason}`,
      FAILURE_REASONS[reason] ?? `YouTube could not process the video (${reason}).`,
      'fail',
    );
  }
  if (uploadStatus === 'rejected') {
    const reason = stringField(status, 'rejectionReason') ?? 'unknown';
    throw new PublishFailure(
      'youtube',
      `youtube.rejected.${reason}`,
      REJECTION_REASONS[reason] ?? `YouTube rejected the video (${reason}).`,
      'fail',
    );
  }
  if (uploadStatus === 'deleted') {
    throw new PublishFailure('youtube', 'youtube.deleted', 'The video was deleted from YouTube.', 'fail');
  }
  if (processingStatus === 'failed' || processingStatus === 'terminated') {
    const reason = stringField(processing, 'processingFailureReason') ?? processingStatus;
    throw new PublishFailure(
      'youtube',
      `youtube.processing.${reason}`,
      `YouTube could not process the video (${reason}).`,
      'fail',
    );
  }
  if (processingStatus === 'processing') {
    const progress = asObject(processing?.processingProgress);
    const total = numberField(progress, 'partsTotal');
    const done = numberField(progress, 'partsProcessed');
    const percent = total && done !== null ? ` (${Math.floor((100 * done) / total)}%)` : '';
    const left = numberField(progress, 'timeLeftMs');
    return {
      kind: 'wait',
      checkAgainInMs: Math.min(MAX_WAIT_MS, Math.max(MIN_WAIT_MS, left ?? pollMs)),
      detail: `YouTube is processing the video${percent}`,
    };
  }
  // processingDetails is owner-only and may be missing: an uploaded video that is not processing counts as out.
  if (uploadStatus === 'uploaded' || uploadStatus === 'processed') {
    return {
      kind: 'published',
      postId: videoId,
      url: shortUrl(videoId),
      detail: publishedDetail(status, options),
      awaitingPostId: false,
    };
  }
  return { kind: 'wait', checkAgainInMs: pollMs, detail: 'Waiting for YouTube to report on the upload' };
}

/** What the person should know once it is out: scheduled, or kept private by YouTube against their choice. */
function publishedDetail(status: Record<string, unknown> | null, options: YoutubePublishOptions): string {
  const privacy = stringField(status, 'privacyStatus');
  const publishAt = stringField(status, 'publishAt');
  const wanted = options.publishAt ? 'scheduled' : options.privacyStatus;
  const keptPrivate =
    privacy === 'private' &&
    (wanted === 'public' || wanted === 'unlisted' || (wanted === 'scheduled' && !publishAt));
  if (keptPrivate) {
    return (
      'On YouTube, but private: YouTube locks every upload of a Google project that has not passed its audit to ' +
      'private, so it cannot go public or be scheduled until the app is verified.'
    );
  }
  if (privacy === 'private' && publishAt)
    return `On YouTube, private until YouTube releases it at ${publishAt}`;
  return `On YouTube as a ${privacy ?? options.privacyStatus} Short`;
}
