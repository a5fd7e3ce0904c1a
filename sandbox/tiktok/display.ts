import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../core/context.js';
import { audienceOf, publicVideosOf, type PublicVideo } from './catalog.js';
import { cdnUrl } from './cdn.js';
import { isRecord, mediaType, parseJsonBody, rawBody, sendApiError, sendEnvelope } from './envelope.js';
import { guardCall } from './guard.js';
import { videoCounts } from './stats.js';
import type { IssuedToken, TiktokStore } from './store.js';

/** The video object fields (§1.7). */
export const VIDEO_FIELDS = [
  'id',
  'create_time',
  'cover_image_url',
  'share_url',
  'video_description',
  'duration',
  'height',
  'width',
  'title',
  'embed_html',
  'embed_link',
  'like_count',
  'comment_count',
  'share_count',
  'view_count',
  'is_aigc',
] as const;
const MAX_IDS = 20;

function videoObject(ctx: SandboxContext, username: string, v: PublicVideo): Record<string, unknown> {
  const shareUrl = `https://www.tiktok.com/@${username}/video/${v.id}`;
  const text = v.caption.slice(0, 150);
  return {
    id: v.id,
    create_time: Math.floor(v.createdAt / 1000),
    cover_image_url: cdnUrl(ctx, 'cover', v.id),
    share_url: shareUrl,
    video_description: text,
    duration: v.durationSec,
    height: v.height,
    width: v.width,
    title: text,
    embed_html: `<blockquote class="tiktok-embed" cite="${shareUrl}" data-video-id="${v.id}"><section></section></blockquote>`,
    embed_link: `https://www.tiktok.com/player/v1/${v.id}`,
    ...videoCounts(ctx.settings.seed, v.id, ctx.clock.now() - v.createdAt, audienceOf(ctx.settings, v)),
    is_aigc: v.isAigc,
  };
}

/** The requested `fields` query, or null when missing or naming an unknown field. */
function requestedFields(request: FastifyRequest): string[] | null {
  const raw = (request.query as Record<string, unknown>).fields;
  if (typeof raw !== 'string' || raw === '') return null;
  const fields = [...new Set(raw.split(','))];
  return fields.every((f) => (VIDEO_FIELDS as readonly string[]).includes(f)) ? fields : null;
}

/** The JSON body; an absent body reads as `{}`; null when it is not a JSON object. */
function jsonObject(request: FastifyRequest): Record<string, unknown> | null {
  if (rawBody(request) === '' && mediaType(request) !== 'application/json') return {};
  const body = parseJsonBody(request);
  return body.ok && isRecord(body.value) ? body.value : null;
}

function project(ctx: SandboxContext, username: string, videos: PublicVideo[], fields: string[]) {
  return videos.map((v) => {
    const all = videoObject(ctx, username, v);
    return Object.fromEntries(fields.map((f) => [f, all[f]]));
  });
}

type Parsed = { fields: string[]; body: Record<string, unknown> };

async function parseDisplayCall(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: SandboxContext,
): Promise<Parsed | null> {
  const now = ctx.clock.now();
  const fields = requestedFields(request);
  if (!fields) {
    await sendApiError(
      reply,
      now,
      400,
      'invalid_params',
      `fields must list video fields: ${VIDEO_FIELDS.join(',')}`,
    );
    return null;
  }
  const body = jsonObject(request);
  if (!body) {
    await sendApiError(reply, now, 400, 'invalid_params', 'The request body must be a JSON object');
    return null;
  }
  return { fields, body };
}

function videosOf(ctx: SandboxContext, store: TiktokStore, token: IssuedToken): PublicVideo[] {
  return publicVideosOf(store, token, ctx.settings, ctx.clock.now());
}

/** Display API: `/v2/video/list/` (public videos, newest first, ms cursor) and `/v2/video/query/` (≤ 20 ids). */
export function registerDisplayRoutes(app: FastifyInstance, ctx: SandboxContext, store: TiktokStore): void {
  app.post('/v2/video/list/', async (request, reply) => {
    const token = await guardCall(request, reply, ctx, store, ['video.list'], 'videoList');
    if (!token) return reply;
    const parsed = await parseDisplayCall(request, reply, ctx);
    if (!parsed) return reply;
    const now = ctx.clock.now();
    const { cursor, max_count: maxCount = 10 } = parsed.body;
    const validCount =
      typeof maxCount === 'number' && Number.isInteger(maxCount) && maxCount >= 1 && maxCount <= 20;
    const validCursor =
      cursor === undefined || (typeof cursor === 'number' && Number.isInteger(cursor) && cursor >= 0);
    if (!validCount || !validCursor)
      return sendApiError(
        reply,
        now,
        400,
        'invalid_params',
        'max_count must be 1..20 and cursor a timestamp in ms',
      );
    const older = videosOf(ctx, store, token).filter((v) => cursor === undefined || v.createdAt < cursor);
    const page = older.slice(0, maxCount);
    const username = store.accounts[token.persona].username;
    return sendEnvelope(reply, now, 200, {
      videos: project(ctx, username, page, parsed.fields),
      cursor: page.at(-1)?.createdAt ?? cursor ?? 0,
      has_more: older.length > page.length,
    });
  });

  app.post('/v2/video/query/', async (request, reply) => {
    const token = await guardCall(request, reply, ctx, store, ['video.list'], 'videoQuery');
    if (!token) return reply;
    const parsed = await parseDisplayCall(request, reply, ctx);
    if (!parsed) return reply;
    const now = ctx.clock.now();
    const filters = parsed.body.filters;
    const ids = isRecord(filters) ? filters.video_ids : undefined;
    if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string'))
      return sendApiError(
        reply,
        now,
        400,
        'invalid_params',
        'filters.video_ids must be a non-empty list of ids',
      );
    if (ids.length > MAX_IDS)
      return sendApiError(
        reply,
        now,
        400,
        'invalid_params',
        `filters.video_ids takes at most ${MAX_IDS} ids`,
      );
    // Only the user's own public videos: private, removed and unknown ids are left out.
    const wanted = new Set(ids);
    const found = videosOf(ctx, store, token).filter((v) => wanted.has(v.id));
    const username = store.accounts[token.persona].username;
    return sendEnvelope(reply, now, 200, { videos: project(ctx, username, found, parsed.fields) });
  });
}
