import type { PersonaId } from '../core/settings.js';
import { etagOf } from './hash.js';
import type { Video } from './video-model.js';
import { videoCountsAt, videoStateAt, type VideoState } from './video-state.js';

/** Who reads and when; decides visibility and the owner-only fields. */
export interface VideoViewer {
  persona: PersonaId;
  now: number;
  processingMs: number;
  seed: number;
}

/** Whether videos.list returns the video to this viewer: deleted and others' unwatchable videos are absent. */
export function isVisibleTo(video: Video, viewer: VideoViewer): boolean {
  if (video.deleted) return false;
  if (video.owner === viewer.persona) return true;
  const state = videoStateAt(video, viewer.now, viewer.processingMs);
  return state.uploadStatus === 'processed' && state.privacyStatus !== 'private';
}

/** The `youtube#video` resource with the requested parts, as the viewer may see it. */
export function renderVideo(video: Video, parts: string[], viewer: VideoViewer): Record<string, unknown> {
  const state = videoStateAt(video, viewer.now, viewer.processingMs);
  const isOwner = video.owner === viewer.persona;
  const resource: Record<string, unknown> = { kind: 'youtube#video', etag: '', id: video.id };
  if (parts.includes('snippet')) resource.snippet = snippetOf(video);
  if (parts.includes('status')) resource.status = statusOf(video, state, isOwner);
  if (parts.includes('statistics')) resource.statistics = statisticsOf(video, state, viewer, isOwner);
  if (parts.includes('processingDetails') && isOwner) resource.processingDetails = processingOf(state);
  resource.etag = etagOf(resource);
  return resource;
}

function snippetOf(video: Video): Record<string, unknown> {
  const { snippet } = video.metadata;
  const thumb = (name: string, width: number, height: number): Record<string, unknown> => ({
    url: `https://i.ytimg.com/vi/${video.id}/${name}.jpg`,
    width,
    height,
  });
  return {
    publishedAt: new Date(video.uploadedAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    channelId: video.channelId,
    title: snippet.title,
    description: snippet.description,
    thumbnails: {
      default: thumb('default', 120, 90),
      medium: thumb('mqdefault', 320, 180),
      high: thumb('hqdefault', 480, 360),
    },
    channelTitle: video.channelTitle,
    ...(snippet.tags.length > 0 ? { tags: snippet.tags } : {}),
    categoryId: snippet.categoryId,
    liveBroadcastContent: 'none',
    ...(snippet.defaultLanguage ? { defaultLanguage: snippet.defaultLanguage } : {}),
    localized: { title: snippet.title, description: snippet.description },
    ...(snippet.defaultAudioLanguage ? { defaultAudioLanguage: snippet.defaultAudioLanguage } : {}),
  };
}

function statusOf(video: Video, state: VideoState, isOwner: boolean): Record<string, unknown> {
  const { status } = video.metadata;
  return {
    uploadStatus: state.uploadStatus,
    ...(state.failureReason ? { failureReason: state.failureReason } : {}),
    ...(state.rejectionReason ? { rejectionReason: state.rejectionReason } : {}),
    privacyStatus: state.privacyStatus,
    ...(state.publishAt ? { publishAt: state.publishAt } : {}),
    license: status.license,
    embeddable: status.embeddable,
    publicStatsViewable: status.publicStatsViewable,
    madeForKids: status.selfDeclaredMadeForKids,
    ...(isOwner ? { selfDeclaredMadeForKids: status.selfDeclaredMadeForKids } : {}),
    ...(status.containsSyntheticMedia === null
      ? {}
      : { containsSyntheticMedia: status.containsSyntheticMedia }),
  };
}

/** Counters are strings; dislikeCount is owner-only; made-for-kids videos have comments off (no commentCount). */
function statisticsOf(
  video: Video,
  state: VideoState,
  viewer: VideoViewer,
  isOwner: boolean,
): Record<string, string> {
  const counts = videoCountsAt(video, state, viewer.now, viewer.seed);
  const statistics: Record<string, string> = {
    viewCount: String(counts.views),
    likeCount: String(counts.likes),
  };
  if (isOwner) statistics.dislikeCount = String(counts.dislikes);
  statistics.favoriteCount = '0';
  if (!video.metadata.status.selfDeclaredMadeForKids) statistics.commentCount = String(counts.comments);
  return statistics;
}

function processingOf(state: VideoState): Record<string, unknown> {
  return {
    processingStatus: state.processingStatus,
    ...(state.processingProgress ? { processingProgress: state.processingProgress } : {}),
    ...(state.processingFailureReason ? { processingFailureReason: state.processingFailureReason } : {}),
    fileDetailsAvailability: state.processingStatus === 'processing' ? 'inProgress' : 'available',
    processingIssuesAvailability: 'available',
    tagSuggestionsAvailability: 'available',
    editorSuggestionsAvailability: 'available',
    thumbnailsAvailability: state.processingStatus === 'succeeded' ? 'available' : 'inProgress',
  };
}
