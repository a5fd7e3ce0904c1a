import { containerStatus } from './container-state.js';
import { GraphFailure, graphErrors } from './errors.js';
import type { Caller } from './graph-auth.js';
import { graphTimestamp, pick, requestedFields, type GraphParams } from './graph-params.js';
import { seededShortcode } from './ids.js';
import type { InstagramRuntime } from './runtime.js';
import { followersCount, mediaStats } from './stats.js';
import type { Container, IgMedia, IgUser } from './store.js';

export type GraphNode =
  | { kind: 'user'; user: IgUser; viaMe: boolean }
  | { kind: 'container'; container: Container }
  | { kind: 'media'; media: IgMedia };

/**
 * Resolves a path id for the caller: `me`, its own `{ig-user-id}`, or one of its containers or media.
 * Anything else (other accounts' objects, the app-scoped id) is the real "does not exist" error.
 */
export function resolveNode(rt: InstagramRuntime, caller: Caller, id: string, method: string): GraphNode {
  const { user } = caller;
  if (id === 'me') return { kind: 'user', user, viaMe: true };
  if (id === user.igUserId) return { kind: 'user', user, viaMe: false };
  const container = rt.store.containers.get(id);
  if (container && container.owner === user.profile) return { kind: 'container', container };
  const media = rt.store.findMedia(id, rt.ctx.settings.world);
  if (media && media.owner === user.profile) return { kind: 'media', media };
  throw new GraphFailure(graphErrors.unknownObject(method, id));
}

/** Resolves a path id that must be the caller's own account (publishing and limit edges). */
export function resolveUser(rt: InstagramRuntime, caller: Caller, id: string, method: string): IgUser {
  const node = resolveNode(rt, caller, id, method);
  if (node.kind !== 'user') throw new GraphFailure(graphErrors.unknownPath(`/${id}`));
  return node.user;
}

export const USER_FIELDS = [
  'id',
  'user_id',
  'username',
  'name',
  'account_type',
  'profile_picture_url',
  'followers_count',
  'follows_count',
  'media_count',
] as const;

/** `/me` and `/{ig-user-id}`: `id` is app-scoped on /me, `user_id` is always the professional id. */
export function renderUser(rt: InstagramRuntime, user: IgUser, viaMe: boolean, params: GraphParams): unknown {
  const now = rt.ctx.clock.now();
  const full = {
    id: viaMe ? user.appScopedId : user.igUserId,
    user_id: user.igUserId,
    username: user.username,
    name: user.name,
    account_type: user.accountType,
    profile_picture_url: rt.ctx.url('instagramGraph', `/sandbox-cdn/${user.igUserId}.png`),
    followers_count: followersCount(rt.ctx.settings.seed, user, now),
    follows_count: user.followsCount,
    media_count: rt.store.mediaOf(user.profile, rt.ctx.settings.world).length,
  };
  return pick(full, requestedFields(params, USER_FIELDS, 'User'));
}

const CONTAINER_FIELDS = ['id', 'status_code', 'status', 'copyright_check_status'] as const;

/** `/{container-id}?fields=status_code,status`, computed from the clock. */
export function renderContainer(rt: InstagramRuntime, container: Container, params: GraphParams): unknown {
  const state = containerStatus(container, rt.ctx.clock.now(), rt.ctx.settings.instagram);
  const checked = state.statusCode === 'FINISHED' || state.statusCode === 'PUBLISHED';
  const full = {
    id: container.id,
    status_code: state.statusCode,
    status: state.status,
    copyright_check_status: { matches_found: false, status: checked ? 'completed' : 'in_progress' },
  };
  return pick(full, requestedFields(params, CONTAINER_FIELDS, 'ShadowIGMediaBuilder'));
}

export const MEDIA_FIELDS = [
  'id',
  'caption',
  'media_type',
  'media_product_type',
  'media_url',
  'permalink',
  'shortcode',
  'thumbnail_url',
  'timestamp',
  'username',
  'owner',
  'like_count',
  'comments_count',
  'is_shared_to_feed',
  'is_comment_enabled',
] as const;

/** A Reel (published here or an earlier post); like and comment counts follow the seeded growth curve. */
export function renderMedia(
  rt: InstagramRuntime,
  media: IgMedia,
  params: GraphParams,
): Record<string, unknown> {
  const seed = rt.ctx.settings.seed;
  const owner = rt.store.user(media.owner, rt.ctx.clock.now());
  const stats = mediaStats(seed, rt.ctx.settings.world, media, rt.ctx.clock.now());
  const shortcode = seededShortcode(seed, media.id);
  const full = {
    id: media.id,
    caption: media.caption === '' ? undefined : media.caption,
    media_type: 'VIDEO',
    media_product_type: 'REELS',
    media_url: media.videoUrl ?? undefined,
    permalink: `https://www.instagram.com/reel/${shortcode}/`,
    shortcode,
    thumbnail_url: rt.ctx.url('instagramGraph', `/sandbox-cdn/${media.id}.png`),
    timestamp: graphTimestamp(media.publishedAt),
    username: owner.username,
    owner: { id: owner.igUserId },
    like_count: stats.likes,
    comments_count: stats.comments,
    is_shared_to_feed: media.shareToFeed,
    is_comment_enabled: true,
  };
  return pick(full, requestedFields(params, MEDIA_FIELDS, 'Media'));
}
