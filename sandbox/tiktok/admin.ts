import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SandboxContext } from '../core/context.js';
import { PERSONA_IDS } from '../core/settings.js';
import { openIdOf, TIKTOK_PERSONAS, tiktokPersonaOf } from './accounts.js';
import { deliverDueEvents, removeAuthorization } from './events.js';
import { LOSABLE_STEPS } from './lost-answers.js';
import { isPendingDraft, publishView } from './publish-state.js';
import type { TiktokStore } from './store.js';

/** Token lifetimes of today's docs and of the older v2 page (§1.1, §6). */
export const TOKEN_PRESETS = {
  current: { accessTokenSeconds: 7200, refreshTokenSeconds: 15552000, rotateRefreshTokens: true },
  legacy: { accessTokenSeconds: 86400, refreshTokenSeconds: 31536000, rotateRefreshTokens: false },
} as const;

/** Every `fail_reason` of §1.3 the admin API can force on the next publishes. */
export const FAIL_REASONS = [
  'file_format_check_failed',
  'duration_check_failed',
  'frame_rate_check_failed',
  'picture_size_check_failed',
  'internal',
  'video_pull_failed',
  'photo_pull_failed',
  'publish_cancelled',
  'spam_risk_too_many_posts',
  'spam_risk_user_banned_from_posting',
  'spam_risk_text',
  'spam_risk',
] as const;

const who = z
  .object({ open_id: z.string().min(1).optional(), persona: z.enum(PERSONA_IDS).optional() })
  .refine((v) => v.open_id !== undefined || v.persona !== undefined, 'open_id or persona is required');

const revokeBody = who.and(z.object({ reason: z.number().int().min(0).max(5).default(1) }));

const settingsPatch = z
  .object({
    preset: z.enum(['current', 'legacy']),
    accessTokenSeconds: z.number().int().positive(),
    refreshTokenSeconds: z.number().int().positive(),
    rotateRefreshTokens: z.boolean(),
    rateLimits: z
      .object({ creatorInfo: z.number(), init: z.number(), status: z.number(), display: z.number() })
      .partial(),
    maxPendingDrafts: z.number().int().min(0),
    processingMs: z.number().int().min(0),
    moderationMs: z.number().int().min(0),
    oauthErrorsWithStatus200: z.boolean(),
    appType: z.enum(['web', 'desktop']),
    directPostsPer24h: z.number().int().min(0),
    unauditedActiveCreatorCap: z.number().int().min(0),
    activeCreatorCap: z.number().int().min(0).nullable(),
    verifiedUrlPrefixes: z.array(z.string()),
    webhookDuplicateRate: z.number().min(0).max(1),
  })
  .partial();

const accountPatch = z
  .object({
    privateAccount: z.boolean(),
    unauditedApp: z.boolean(),
    bannedFromPosting: z.boolean(),
    commentDisabled: z.boolean(),
    duetDisabled: z.boolean(),
    stitchDisabled: z.boolean(),
    maxVideoPostDurationSec: z.number().int().positive(),
  })
  .partial();

/** Platform-side actions under /__sandbox/tiktok/: revoke, settings, fixtures, forced outcomes, takedowns. */
export function registerTiktokAdmin(app: FastifyInstance, ctx: SandboxContext, store: TiktokStore): void {
  const openIdFrom = (input: { open_id?: string | undefined; persona?: string | undefined }): string => {
    if (input.open_id) return input.open_id;
    const persona = tiktokPersonaOf(input.persona as (typeof PERSONA_IDS)[number]) ?? 'public';
    return openIdOf(ctx.settings.apps.tiktok.clientId, persona);
  };

  app.post('/revoke', async (request) => {
    const input = revokeBody.parse(request.body);
    const openId = openIdFrom(input);
    const { revokedTokens, delivery } = removeAuthorization(ctx, store, openId, input.reason);
    return {
      open_id: openId,
      reason: input.reason,
      revoked_tokens: revokedTokens,
      webhook: delivery?.id ?? null,
    };
  });

  app.patch('/settings', async (request) => {
    const { preset, rateLimits, ...rest } = settingsPatch.parse(request.body);
    const settings = ctx.settings.tiktok;
    if (preset) Object.assign(settings, TOKEN_PRESETS[preset]);
    Object.assign(settings, rest);
    if (rateLimits) Object.assign(settings.rateLimits, rateLimits);
    return settings;
  });

  app.patch('/accounts/:persona', async (request, reply) => {
    const persona = (request.params as { persona: string }).persona;
    if (!(TIKTOK_PERSONAS as readonly string[]).includes(persona))
      return reply.code(404).send({ error: { code: 'not_found', message: `No persona ${persona}` } });
    const account = store.accounts[persona as (typeof TIKTOK_PERSONAS)[number]];
    Object.assign(account, accountPatch.parse(request.body));
    return account;
  });

  app.post('/publish-failures', async (request) => {
    const input = z
      .object({ reason: z.enum(FAIL_REASONS), count: z.number().int().min(1).max(100).default(1) })
      .parse(request.body);
    for (let i = 0; i < input.count; i++) store.forcedFailures.push(input.reason);
    return { queued: [...store.forcedFailures] };
  });

  app.post('/lost-answers', async (request) => {
    const input = z
      .object({ step: z.enum(LOSABLE_STEPS), count: z.number().int().min(1).max(100).default(1) })
      .parse(request.body);
    store.lostAnswers.add(input.step, input.count);
    return { pending: store.lostAnswers.list() };
  });

  app.post('/posts/:postId/takedown', async (request, reply) => {
    const postId = (request.params as { postId: string }).postId;
    const publish = [...store.publishes.values()].find((p) => p.postId === postId);
    if (!publish) return reply.code(404).send({ error: { code: 'not_found', message: `No post ${postId}` } });
    publish.takenDownAt ??= ctx.clock.now();
    deliverDueEvents(ctx, store);
    return { post_id: postId, publish_id: publish.publishId };
  });

  app.post('/drafts/resolve', async (request) => {
    const openId = openIdFrom(who.parse(request.body));
    const now = ctx.clock.now();
    let resolved = 0;
    for (const p of store.publishes.values()) {
      if (p.openId === openId && isPendingDraft(p, now, ctx.settings.tiktok)) {
        p.draftResolvedAt = now;
        resolved += 1;
      }
    }
    return { open_id: openId, resolved };
  });

  app.post('/events/flush', async () => {
    deliverDueEvents(ctx, store);
    return { deliveries: ctx.webhooks.list('tiktok').length };
  });

  app.get('/publishes', async () => {
    const now = ctx.clock.now();
    return {
      publishes: [...store.publishes.values()].map((p) => ({
        publish_id: p.publishId,
        open_id: p.openId,
        publish_type: p.publishType,
        privacy_level: p.privacy,
        title: p.title,
        post_id: p.postId,
        ...publishView(p, now, ctx.settings.tiktok),
      })),
    };
  });
}
