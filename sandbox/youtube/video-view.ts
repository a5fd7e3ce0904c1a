import type { SandboxContext } from '../core/context.js';
import type { PersonaId } from '../core/settings.js';
import type { WorldSettings } from '../core/world.js';
import { etagOf } from './hash.js';
import { durationOf, isoDuration } from './video-audience.js';
import type { Video } from './video-model.js';
import { videoCountsAt, videoStateAt, type VideoState } from './video-state.js';

/** Who reads and when; decides visibility and the owner-only fields. The world shapes the counters. */
export interface VideoViewer {
  persona: PersonaId;
  now: number;
  processingMs: number;
  seed: number;
  world: WorldSettings;
}

/** The viewer a persona is at this instant of the sandbox clock. */
export function viewerFor(ctx: SandboxContext, persona: PersonaId): VideoViewer {
  return {
    persona,
    now: ctx.clock.now(),
    processingMs: ctx.settings.google.processingMs,
    seed: ctx.settings.seed,
    world: ctx.settings.world,
  };
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
  if (parts.includes('contentDetails')) resource.contentDetails = contentDetailsOf(video, state);
  if (parts.includes('status')) resource.status = statusOf(video, state, isOwner);
  if (parts.includes('statistics')) resource.statistics = statisticsOf(video, state, viewer, isOwner);
  if (parts.includes('processingDetails') && isOwner) resource.processingDetails = processingOf(state);
  resource.etag = etagOf(resource);
  return resource;
}

/** Google's timestamps: ISO 8601 without milliseconds. */
export function googleTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The video's default, medium and high thumbnails. */
export function thumbnailsOf(videoId: string): Record<string, unknown> {
  const thumb = (name: string, width: number, height: number): Record<string, unknown> => ({
    url: `https://i.ytimg.com/vi/${videoId}/${name}.jpg`,
    width,
    height,
  });
  return {
    default: thumb('default', 120, 90),
    medium: thumb('mqdefault', 320, 180),
    high: thumb('hqdefault', 480, 360),
  };
}

function snippetOf(video: Video): Record<string, unknown> {
  const { snippet } = video.metadata;
  return {
    publishedAt: googleTime(video.uploadedAt),
    channelId: video.channelId,
    title: snippet.title,
    description: snippet.description,
    thumbnails: thumbnailsOf(video.id),
    channelTitle: video.channelTitle,
    ...(snippet.tags.length > 0 ? { tags: snippet.tags } : {}),
    categoryId: snippet.categoryId,
    liveBroadcastContent: 'none',
    ...(snippet.defaultLanguage ? { defaultLanguage: snippet.defaultLanguage } : {}),
    localized: { title: snippet.title, description: snippet.description },
    ...(snippet.defaultAudioLanguage ? { defaultAudioLanguage: snippet.defaultAudioLanguage } : {}),
  };
}

/** The length is known once processing succeeded; before, YouTube reports P0D. */
function contentDetailsOf(video: Video, state: VideoState): Record<string, unknown> {
  return {
    duration: state.uploadStatus === 'processed' ? isoDuration(durationOf(video)) : 'P0D',
    dimension: '2d',
    definition: 'hd',
    caption: 'false',
    licensedContent: false,
    contentRating: {},
    projection: 'rectangular',
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

/**
 * Counters are strings; dislikeCount is owner-only; a hidden like count has no likeCount; made-for-kids videos
 * have comments off (no commentCount).
 */
function statisticsOf(
  video: Video,
  state: VideoState,
  viewer: VideoViewer,
  isOwner: boolean,
): Record<string, string> {
  const counts = videoCountsAt(video, state, viewer.now, viewer);
  const statistics: Record<string, string> = { viewCount: String(counts.views) };
  if (!video.likesHidden) statistics.likeCount = String(counts.likes);
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
