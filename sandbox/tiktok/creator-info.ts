import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../core/context.js';
import { privacyOptionsOf } from './accounts.js';
import { cdnUrl } from './cdn.js';
import { sendApiError, sendEnvelope } from './envelope.js';
import { guardCall } from './guard.js';
import type { IssuedToken, TiktokStore } from './store.js';

const DAY_MS = 86_400_000;

export interface PostingBlock {
  code: string;
  message: string;
}

/** The §1.3/§1.4 reasons a creator cannot Direct Post right now (all 403), or null. */
export function postingBlock(
  ctx: SandboxContext,
  store: TiktokStore,
  token: IssuedToken,
  atInit: boolean,
): PostingBlock | null {
  const settings = ctx.settings.tiktok;
  const account = store.accounts[token.persona];
  const now = ctx.clock.now();
  if (account.bannedFromPosting)
    return { code: 'spam_risk_user_banned_from_posting', message: 'The user is banned from posting.' };
  if (atInit && account.unauditedApp && !account.privateAccount)
    return {
      code: 'unaudited_client_can_only_post_to_private_accounts',
      message: 'Unaudited clients can only post to a private account.',
    };
  const recent = [...store.publishes.values()].filter(
    (p) => p.publishType === 'DIRECT_PUBLISH' && now - p.createdAt < DAY_MS,
  );
  const active = new Set(recent.map((p) => p.openId));
  const caps = [settings.activeCreatorCap, account.unauditedApp ? settings.unauditedActiveCreatorCap : null];
  const cap = Math.min(...caps.filter((c): c is number => c !== null));
  if (!active.has(token.openId) && active.size >= cap)
    return {
      code: 'reached_active_user_cap',
      message: 'The daily number of creators who can post through this app has been reached.',
    };
  if (recent.filter((p) => p.openId === token.openId).length >= settings.directPostsPer24h)
    return {
      code: 'spam_risk_too_many_posts',
      message: 'The creator has reached the daily post limit. Please try again later.',
    };
  return null;
}

/** `POST /v2/post/publish/creator_info/query/`: the creator's nickname, privacy options and toggles. */
export function registerCreatorInfoRoute(
  app: FastifyInstance,
  ctx: SandboxContext,
  store: TiktokStore,
): void {
  app.post('/v2/post/publish/creator_info/query/', async (request, reply) => {
    const token = await guardCall(request, reply, ctx, store, ['video.publish'], 'creatorInfo');
    if (!token) return reply;
    const now = ctx.clock.now();
    const block = postingBlock(ctx, store, token, false);
    if (block) return sendApiError(reply, now, 403, block.code, block.message);
    const account = store.accounts[token.persona];
    return sendEnvelope(reply, now, 200, {
      creator_avatar_url: cdnUrl(ctx, 'avatar', `${token.openId}-168`),
      creator_username: account.username,
      creator_nickname: account.displayName,
      privacy_level_options: privacyOptionsOf(account),
      comment_disabled: account.commentDisabled,
      duet_disabled: account.duetDisabled,
      stitch_disabled: account.stitchDisabled,
      max_video_post_duration_sec: account.maxVideoPostDurationSec,
    });
  });
}
