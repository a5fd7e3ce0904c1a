import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../core/context.js';
import { unionIdOf } from './accounts.js';
import { audienceOf, publicVideosOf } from './catalog.js';
import { cdnUrl } from './cdn.js';
import { sendApiError, sendEnvelope } from './envelope.js';
import { guardCall } from './guard.js';
import { followerGrowth, unitHash, videoCounts } from './stats.js';
import type { IssuedToken, TiktokStore } from './store.js';

/** Which scope each user field needs (§1.1). */
export const USER_FIELD_SCOPE: Record<string, string> = {
  open_id: 'user.info.basic',
  union_id: 'user.info.basic',
  avatar_url: 'user.info.basic',
  avatar_url_100: 'user.info.basic',
  avatar_large_url: 'user.info.basic',
  display_name: 'user.info.basic',
  bio_description: 'user.info.profile',
  profile_deep_link: 'user.info.profile',
  is_verified: 'user.info.profile',
  username: 'user.info.profile',
  follower_count: 'user.info.stats',
  following_count: 'user.info.stats',
  likes_count: 'user.info.stats',
  video_count: 'user.info.stats',
};

function userFields(ctx: SandboxContext, store: TiktokStore, token: IssuedToken): Record<string, unknown> {
  const now = ctx.clock.now();
  const { seed } = ctx.settings;
  const account = store.accounts[token.persona];
  const videos = publicVideosOf(store, token, ctx.settings, now);
  const likes = videos.reduce(
    (sum, v) => sum + videoCounts(seed, v.id, now - v.createdAt, audienceOf(ctx.settings, v)).like_count,
    0,
  );
  const deepLinkId = Math.floor(unitHash(seed, `deeplink:${token.persona}`) * 36 ** 7).toString(36);
  return {
    open_id: token.openId,
    union_id: unionIdOf(token.persona),
    avatar_url: cdnUrl(ctx, 'avatar', `${token.openId}-168`),
    avatar_url_100: cdnUrl(ctx, 'avatar', `${token.openId}-100`),
    avatar_large_url: cdnUrl(ctx, 'avatar', `${token.openId}-1080`),
    display_name: account.displayName,
    bio_description: account.bio,
    profile_deep_link: `https://vm.tiktok.com/ZM${deepLinkId}/`,
    is_verified: account.isVerified,
    username: account.username,
    follower_count: account.followerBase + followerGrowth(seed, token.persona, now - store.startedAt),
    following_count: account.followingBase,
    likes_count: account.likesBase + likes,
    video_count: videos.length,
  };
}

/** `GET /v2/user/info/?fields=…`: only the requested fields, each allowed by a granted scope. */
export function registerUserInfoRoute(app: FastifyInstance, ctx: SandboxContext, store: TiktokStore): void {
  app.get('/v2/user/info/', async (request, reply) => {
    const token = await guardCall(request, reply, ctx, store, ['user.info.basic'], 'userInfo');
    if (!token) return reply;
    const now = ctx.clock.now();
    const raw = (request.query as Record<string, unknown>).fields;
    if (typeof raw !== 'string' || raw === '')
      return sendApiError(reply, now, 400, 'invalid_params', 'fields is required');
    const fields = [...new Set(raw.split(','))];
    const unknown = fields.find((f) => !(f in USER_FIELD_SCOPE));
    if (unknown !== undefined)
      return sendApiError(reply, now, 400, 'invalid_params', `Invalid field: ${unknown}`);
    const missing = fields.find((f) => !token.scopes.includes(USER_FIELD_SCOPE[f] ?? ''));
    if (missing !== undefined)
      return sendApiError(
        reply,
        now,
        401,
        'scope_not_authorized',
        `The user did not authorize the scope required for the field ${missing}.`,
      );
    const all = userFields(ctx, store, token);
    return sendEnvelope(reply, now, 200, { user: Object.fromEntries(fields.map((f) => [f, all[f]])) });
  });
}
