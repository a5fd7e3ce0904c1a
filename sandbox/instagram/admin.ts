import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { signedRequest } from './callbacks.js';
import { containerStatus } from './container-state.js';
import type { InstagramRuntime } from './runtime.js';
import type { IgUser } from './store.js';

const namesUser = z.object({
  user: z
    .string()
    .min(1)
    .describe('persona id (public, private, ig-personal), app-scoped id, ig-user-id or username'),
});

const settingsPatch = z
  .object({
    shortLivedSeconds: z.number().int().positive(),
    longLivedSeconds: z.number().int().positive(),
    publishesPer24h: z.number().int().min(0),
    containerProcessingMs: z.number().int().min(0),
    tokenBodyShape: z.enum(['flat', 'data-array']),
    insightsDelayMs: z.number().int().min(0),
    authCodeSeconds: z.number().int().positive(),
    containerExpirySeconds: z.number().int().positive(),
    refreshMinAgeSeconds: z.number().int().min(0),
    videoFetchTimeoutMs: z.number().int().positive(),
    maxVideoBytes: z.number().int().positive(),
    requireMoovFirst: z.boolean(),
  })
  .partial();

const failContainer = z.object({ subcode: z.number().int().default(2207082) });
const insightsMode = z.object({ mode: z.enum(['normal', 'empty', 'not-enough-viewers']) });

async function notFound(reply: FastifyReply, what: string): Promise<FastifyReply> {
  return reply.code(404).send({ error: { code: 'not_found', message: `${what} not found` } });
}

/** Kills the account's tokens: the platform-side half of "remove app" and "delete data". */
function revoke(
  rt: InstagramRuntime,
  user: IgUser,
): { userId: string; revokedTokens: number; signed: string } {
  const revokedTokens = rt.store.revokeAccount(user.profile);
  const signed = signedRequest(
    rt.ctx.settings.apps.instagram.clientSecret,
    user.appScopedId,
    rt.ctx.clock.nowSeconds(),
  );
  return { userId: user.appScopedId, revokedTokens, signed };
}

/** Admin actions under /__sandbox/instagram/: platform-side removal, data deletion, state and fixtures. */
export function registerInstagramAdmin(app: FastifyInstance, rt: InstagramRuntime): void {
  app.post('/remove-app', async (request, reply) => {
    const user = rt.store.findUser(namesUser.parse(request.body).user);
    if (!user) return notFound(reply, 'Instagram user');
    const { userId, revokedTokens, signed } = revoke(rt, user);
    const url = rt.ctx.settings.webhookUrls.instagramDeauthorize;
    const delivery = url
      ? rt.ctx.webhooks.send({
          platform: 'instagram',
          url,
          body: new URLSearchParams({ signed_request: signed }).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        })
      : null;
    return { userId, revokedTokens, deliveryId: delivery?.id ?? null };
  });

  app.post('/delete-data', async (request, reply) => {
    const user = rt.store.findUser(namesUser.parse(request.body).user);
    if (!user) return notFound(reply, 'Instagram user');
    const { userId, revokedTokens, signed } = revoke(rt, user);
    const url = rt.ctx.settings.webhookUrls.instagramDataDeletion;
    const record = url ? rt.deletions.send(url, userId, signed) : null;
    return { userId, revokedTokens, deletionId: record?.id ?? null };
  });

  app.get('/data-deletions', async () => ({
    deletions: rt.deletions.list(),
    pending: rt.deletions.pendingCount(),
  }));

  app.get('/state', async () => {
    const now = rt.ctx.clock.now();
    const settings = rt.ctx.settings.instagram;
    return {
      users: rt.store.allUsers(),
      tokens: [...rt.store.tokens.values()].map((t) => ({
        kind: t.kind,
        profile: t.profile,
        scopes: t.scopes,
        issuedAt: t.issuedAt,
        expiresAt: t.expiresAt,
        revoked: t.revoked,
      })),
      containers: [...rt.store.containers.values()].map((c) => ({
        ...c,
        statusCode: containerStatus(c, now, settings).statusCode,
      })),
      media: [...rt.store.media.values()].map((m) => ({ ...m, insightsMode: rt.store.insightsModeOf(m.id) })),
    };
  });

  app.get('/settings', async () => rt.ctx.settings.instagram);
  app.patch('/settings', async (request) => {
    Object.assign(rt.ctx.settings.instagram, settingsPatch.parse(request.body));
    return rt.ctx.settings.instagram;
  });

  app.post('/containers/:id/fail', async (request, reply) => {
    const container = rt.store.containers.get((request.params as { id: string }).id);
    if (!container) return notFound(reply, 'Container');
    const { subcode } = failContainer.parse(request.body ?? {});
    container.outcome = {
      ok: false,
      code: -1,
      subcode,
      revealAtOnce: true,
      reason: 'forced by the admin API',
    };
    return {
      id: container.id,
      statusCode: containerStatus(container, rt.ctx.clock.now(), rt.ctx.settings.instagram).statusCode,
    };
  });

  app.post('/media/:id/insights-mode', async (request, reply) => {
    const media = rt.store.findMedia((request.params as { id: string }).id, rt.ctx.settings.world);
    if (!media) return notFound(reply, 'Media');
    const { mode } = insightsMode.parse(request.body);
    rt.store.insightsModes.set(media.id, mode);
    return { id: media.id, insightsMode: mode };
  });
}
