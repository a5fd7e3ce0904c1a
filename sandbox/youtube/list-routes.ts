import type { FastifyInstance } from 'fastify';
import { authorizeCall, chargeQuota, isApiError, type ApiDeps } from './api-auth.js';
import { API_ERRORS, sendApiError } from './errors.js';
import { etagOf, seededUnit } from './hash.js';
import { parseParts, VIDEO_PARTS } from './metadata.js';
import { allChannels, uploadsPlaylistId, type YoutubeChannel } from './personas.js';
import type { VideoStore } from './video-store.js';
import { videoCountsAt, videoStateAt } from './video-state.js';
import { isVisibleTo, renderVideo, viewerFor, type VideoViewer } from './video-view.js';

const CHANNEL_PARTS = [
  'auditDetails',
  'brandingSettings',
  'contentDetails',
  'contentOwnerDetails',
  'id',
  'localizations',
  'snippet',
  'statistics',
  'status',
  'topicDetails',
];
const MAX_IDS = 50;

/** `GET /youtube/v3/channels` and `GET /youtube/v3/videos` (1 unit each). */
export function registerListRoutes(app: FastifyInstance, deps: ApiDeps, videos: VideoStore): void {
  const { ctx } = deps;

  app.get('/youtube/v3/channels', async (request, reply) => {
    const caller = authorizeCall(request, deps, 'channels.list');
    if (isApiError(caller)) return sendApiError(reply, caller);
    const spent = chargeQuota(caller, deps, 'channels.list');
    if (spent) return sendApiError(reply, spent);
    const query = request.query as Record<string, unknown>;
    const parts = parseParts(query.part, CHANNEL_PARTS);
    if (isApiError(parts)) return sendApiError(reply, parts);
    let channels: YoutubeChannel[];
    if (query.mine === 'true') {
      channels = caller.user.channel ? [caller.user.channel] : [];
    } else if (query.id !== undefined) {
      const ids = idList(query.id);
      channels = allChannels(ctx.settings.seed).filter((c) => ids.includes(c.id));
    } else {
      return sendApiError(
        reply,
        API_ERRORS.missingFilter('forUsername, managedByMe, categoryId, forHandle, mine, id'),
      );
    }
    const viewer = viewerFor(ctx, caller.access.persona);
    const items = channels.map((c) => renderChannel(c, parts, viewer, videos));
    const omitItems = items.length === 0 && ctx.settings.google.emptyChannelItems === 'omitted';
    const body = {
      kind: 'youtube#channelListResponse',
      etag: etagOf(items),
      pageInfo: { totalResults: items.length, resultsPerPage: 5 },
      ...(omitItems ? {} : { items }),
    };
    return reply.type('application/json; charset=UTF-8').send(body);
  });

  app.get('/youtube/v3/videos', async (request, reply) => {
    const caller = authorizeCall(request, deps, 'videos.list');
    if (isApiError(caller)) return sendApiError(reply, caller);
    const spent = chargeQuota(caller, deps, 'videos.list');
    if (spent) return sendApiError(reply, spent);
    const query = request.query as Record<string, unknown>;
    const parts = parseParts(query.part, VIDEO_PARTS);
    if (isApiError(parts)) return sendApiError(reply, parts);
    if (query.id === undefined) {
      return sendApiError(reply, API_ERRORS.missingFilter('myRating, chart, id'));
    }
    const ids = idList(query.id);
    if (ids.length > MAX_IDS) {
      return sendApiError(
        reply,
        API_ERRORS.invalidParameter(
          'id',
          `The request specifies more than ${MAX_IDS} video IDs in the id parameter.`,
        ),
      );
    }
    const viewer = viewerFor(ctx, caller.access.persona);
    const items = ids.flatMap((id) => {
      const video = videos.video(id);
      return video && isVisibleTo(video, viewer) ? [renderVideo(video, parts, viewer)] : [];
    });
    return reply.type('application/json; charset=UTF-8').send({
      kind: 'youtube#videoListResponse',
      etag: etagOf(items),
      items,
      pageInfo: { totalResults: items.length, resultsPerPage: items.length },
    });
  });
}

/** Ids from a comma-separated (possibly repeated) `id` parameter. */
function idList(raw: unknown): string[] {
  const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
  return [...new Set(values.flatMap((v) => v.split(',')).map((s) => s.trim()))].filter((s) => s !== '');
}

/** The `youtube#channel` resource; statistics add up the channel's videos at the viewer's instant. */
function renderChannel(
  channel: YoutubeChannel,
  parts: string[],
  viewer: VideoViewer,
  videos: VideoStore,
): Record<string, unknown> {
  const resource: Record<string, unknown> = { kind: 'youtube#channel', etag: '', id: channel.id };
  if (parts.includes('snippet')) {
    const thumb = (size: number): Record<string, unknown> => ({
      url: `https://yt3.ggpht.com/sandbox/${channel.id}=s${size}-c-k-c0x00ffffff-no-rj`,
      width: size,
      height: size,
    });
    resource.snippet = {
      title: channel.title,
      description: '',
      customUrl: channel.handle,
      publishedAt: channel.publishedAt,
      thumbnails: { default: thumb(88), medium: thumb(240), high: thumb(800) },
      localized: { title: channel.title, description: '' },
    };
  }
  if (parts.includes('contentDetails')) {
    resource.contentDetails = { relatedPlaylists: { likes: '', uploads: uploadsPlaylistId(channel) } };
  }
  if (parts.includes('statistics')) resource.statistics = channelStatistics(channel, viewer, videos);
  if (parts.includes('status')) {
    resource.status = {
      privacyStatus: 'public',
      isLinked: true,
      longUploadsStatus: channel.longUploadsStatus,
      madeForKids: false,
    };
  }
  resource.etag = etagOf(resource);
  return resource;
}

function channelStatistics(
  channel: YoutubeChannel,
  viewer: VideoViewer,
  videos: VideoStore,
): Record<string, unknown> {
  const live = videos.videosOfChannel(channel.id).filter((v) => !v.deleted);
  const states = live.map((v) => ({ video: v, state: videoStateAt(v, viewer.now, viewer.processingMs) }));
  const views = states.reduce(
    (sum, { video, state }) => sum + videoCountsAt(video, state, viewer.now, viewer).views,
    0,
  );
  const publicVideos = states.filter(
    ({ state }) => state.uploadStatus === 'processed' && state.privacyStatus === 'public',
  );
  const baseSubscribers = Math.floor(seededUnit(viewer.seed, channel.id, 'subscribers') * 900) + 100;
  return {
    viewCount: String(views),
    subscriberCount: String(baseSubscribers + Math.floor(views / 150)),
    hiddenSubscriberCount: false,
    videoCount: String(publicVideos.length),
  };
}
