import type { FastifyInstance } from 'fastify';
import { authorizeCall, chargeQuota, isApiError, type ApiDeps } from './api-auth.js';
import { API_ERRORS, sendApiError, type ApiError } from './errors.js';
import { etagOf } from './hash.js';
import { parseParts } from './metadata.js';
import { offsetOfPageToken, pageTokenAt } from './page-token.js';
import { allChannels, uploadsPlaylistId, type YoutubeChannel } from './personas.js';
import type { Video } from './video-model.js';
import type { VideoStore } from './video-store.js';
import { videoStateAt } from './video-state.js';
import { googleTime, isVisibleTo, thumbnailsOf, viewerFor, type VideoViewer } from './video-view.js';

const PLAYLIST_ITEM_PARTS = ['contentDetails', 'id', 'snippet', 'status'];
const DEFAULT_MAX_RESULTS = 5;
const MAX_RESULTS = 50;

/**
 * `GET /youtube/v3/playlistItems` (1 unit) for the channels' uploads playlists: newest upload first, `maxResults`
 * 0–50 (default 5), offset page tokens. The owner sees every video it did not delete; others its public ones.
 */
export function registerPlaylistRoutes(app: FastifyInstance, deps: ApiDeps, videos: VideoStore): void {
  const { ctx } = deps;
  app.get('/youtube/v3/playlistItems', async (request, reply) => {
    const caller = authorizeCall(request, deps, 'playlistItems.list');
    if (isApiError(caller)) return sendApiError(reply, caller);
    const spent = chargeQuota(caller, deps, 'playlistItems.list');
    if (spent) return sendApiError(reply, spent);
    const query = request.query as Record<string, unknown>;
    const parts = parseParts(query.part, PLAYLIST_ITEM_PARTS);
    if (isApiError(parts)) return sendApiError(reply, parts);
    if (typeof query.playlistId !== 'string') {
      return sendApiError(
        reply,
        query.id === undefined
          ? API_ERRORS.missingFilter('id, playlistId')
          : API_ERRORS.badRequest('The sandbox lists playlist items by playlistId only.'),
      );
    }
    const page = pageOf(query);
    if (isApiError(page)) return sendApiError(reply, page);
    const channel = allChannels(ctx.settings.seed).find((c) => uploadsPlaylistId(c) === query.playlistId);
    if (!channel) return sendApiError(reply, API_ERRORS.playlistNotFound());
    const viewer = viewerFor(ctx, caller.access.persona);
    const listed = videos.uploadsPlaylist(channel.id).filter((video) => isListedFor(video, viewer));
    const items = listed
      .slice(page.offset, page.offset + page.size)
      .map((video, i) => renderPlaylistItem(video, channel, parts, page.offset + i, viewer));
    const next = page.offset + page.size;
    return reply.type('application/json; charset=UTF-8').send({
      kind: 'youtube#playlistItemListResponse',
      etag: etagOf(items),
      ...(page.size > 0 && next < listed.length ? { nextPageToken: pageTokenAt(next) } : {}),
      ...(page.offset > 0 ? { prevPageToken: pageTokenAt(Math.max(0, page.offset - page.size)) } : {}),
      items,
      pageInfo: { totalResults: listed.length, resultsPerPage: page.size },
    });
  });
}

/** `maxResults` (0–50, default 5) and `pageToken` (an offset this API issued). */
function pageOf(query: Record<string, unknown>): { offset: number; size: number } | ApiError {
  const raw = query.maxResults;
  const size = raw === undefined ? DEFAULT_MAX_RESULTS : Number(raw);
  if (!Number.isInteger(size) || size < 0 || size > MAX_RESULTS) {
    return API_ERRORS.invalidParameter(
      'maxResults',
      `Invalid value '${String(raw)}'. Values must be within the range: [0, ${MAX_RESULTS}]`,
    );
  }
  if (query.pageToken === undefined || query.pageToken === '') return { offset: 0, size };
  const offset = typeof query.pageToken === 'string' ? offsetOfPageToken(query.pageToken) : null;
  return offset === null ? API_ERRORS.invalidPageToken() : { offset, size };
}

/** The owner sees its private, unlisted and processing uploads too; anyone else only what is public. */
function isListedFor(video: Video, viewer: VideoViewer): boolean {
  if (video.owner === viewer.persona) return true;
  return (
    isVisibleTo(video, viewer) &&
    videoStateAt(video, viewer.now, viewer.processingMs).privacyStatus === 'public'
  );
}

/** The `youtube#playlistItem` resource of a video in its channel's uploads playlist. */
function renderPlaylistItem(
  video: Video,
  channel: YoutubeChannel,
  parts: string[],
  position: number,
  viewer: VideoViewer,
): Record<string, unknown> {
  const playlistId = uploadsPlaylistId(channel);
  const uploaded = googleTime(video.uploadedAt);
  const resource: Record<string, unknown> = {
    kind: 'youtube#playlistItem',
    etag: '',
    id: Buffer.from(`${playlistId}.${video.id}`).toString('base64'),
  };
  if (parts.includes('snippet')) {
    const { title, description } = video.metadata.snippet;
    resource.snippet = {
      publishedAt: uploaded,
      channelId: channel.id,
      title,
      description,
      thumbnails: thumbnailsOf(video.id),
      channelTitle: channel.title,
      playlistId,
      position,
      resourceId: { kind: 'youtube#video', videoId: video.id },
      videoOwnerChannelTitle: channel.title,
      videoOwnerChannelId: channel.id,
    };
  }
  if (parts.includes('contentDetails')) {
    resource.contentDetails = { videoId: video.id, videoPublishedAt: uploaded };
  }
  if (parts.includes('status')) {
    resource.status = { privacyStatus: videoStateAt(video, viewer.now, viewer.processingMs).privacyStatus };
  }
  resource.etag = etagOf(resource);
  return resource;
}
