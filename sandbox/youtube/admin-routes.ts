import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SandboxContext } from '../core/context.js';
import { PERSONA_IDS } from '../core/settings.js';
import type { GoogleOauthStore } from './oauth-store.js';
import { pacificDay, type QuotaLedger } from './quota.js';
import { FAILURE_REASONS, REJECTION_REASONS } from './video-model.js';
import type { VideoStore } from './video-store.js';
import { videoStateAt } from './video-state.js';

const revokeInput = z.object({ persona: z.enum(PERSONA_IDS) });

const outcomeInput = z.discriminatedUnion('uploadStatus', [
  z.object({ uploadStatus: z.literal('processed') }),
  z.object({ uploadStatus: z.literal('failed'), failureReason: z.enum(FAILURE_REASONS) }),
  z.object({ uploadStatus: z.literal('rejected'), rejectionReason: z.enum(REJECTION_REASONS) }),
]);

const googlePatch = z
  .object({
    accessTokenSeconds: z.number().int().min(1),
    unverifiedApp: z.boolean(),
    quotaMode: z.enum(['legacy', 'granular']),
    dailyQuota: z.number().int().min(0),
    processingMs: z.number().int().min(0),
    testingApp: z.boolean(),
    authCodeSeconds: z.number().int().min(1),
    requirePkce: z.boolean(),
    insertCostUnits: z.number().int().min(0),
    insertCallsPerDay: z.number().int().min(0),
    channelUploadsPer24h: z.number().int().min(0),
    uploadSessionSeconds: z.number().int().min(1),
    uploadCompleteStatus: z.union([z.literal(200), z.literal(201)]),
    refreshTokenIdleSeconds: z.number().int().min(1),
    refreshTokensPerUser: z.number().int().min(1),
    testingRefreshTokenSeconds: z.number().int().min(1),
    emptyChannelItems: z.enum(['omitted', 'empty-array']),
    rejectNonVideoFiles: z.boolean(),
  })
  .partial()
  .strict();

/** Admin actions under /__sandbox/youtube: platform-side revoke, quota view, settings, videos and their outcomes. */
export function registerYoutubeAdmin(
  app: FastifyInstance,
  ctx: SandboxContext,
  stores: { oauth: GoogleOauthStore; videos: VideoStore; quota: QuotaLedger },
): void {
  // The user removes the app in their Google account: no webhook exists, the next call sees invalid_grant / 401.
  app.post('/revoke', async (request) => {
    const { persona } = revokeInput.parse(request.body);
    const revoked = stores.oauth.revokePersona(ctx.settings.apps.google.clientId, persona);
    return { persona, revoked, webhook: null };
  });

  app.get('/quota', async () => {
    const now = ctx.clock.now();
    const google = ctx.settings.google;
    return {
      mode: google.quotaMode,
      pacificDay: pacificDay(now),
      usage: stores.quota.usage(ctx.settings.apps.google.clientId, now),
      limits: { units: google.dailyQuota, 'videos.insert': google.insertCallsPerDay },
    };
  });

  app.get('/settings', async () => ctx.settings.google);
  app.patch('/settings', async (request) => {
    Object.assign(ctx.settings.google, googlePatch.parse(request.body));
    return ctx.settings.google;
  });

  // Every video uploaded through the API (deleted ones too), to assert how many uploads reached YouTube.
  app.get('/videos', async () => {
    const now = ctx.clock.now();
    return {
      videos: stores.videos.uploads().map((video) => {
        const state = videoStateAt(video, now, ctx.settings.google.processingMs);
        return {
          id: video.id,
          channelId: video.channelId,
          bytes: video.bytes,
          title: video.metadata.snippet.title,
          uploadStatus: state.uploadStatus,
          privacyStatus: state.privacyStatus,
          publishAt: state.publishAt,
          deleted: video.deleted,
        };
      }),
    };
  });

  // Forces how processing ends (applied once processingMs has passed since the upload).
  app.post('/videos/:id/outcome', async (request, reply) => {
    const video = stores.videos.video((request.params as { id: string }).id);
    if (!video) return reply.code(404).send({ error: { code: 'not_found', message: 'No such video' } });
    video.outcome = outcomeInput.parse(request.body);
    return { id: video.id, outcome: video.outcome };
  });

  // The creator deletes the video on YouTube: videos.list omits it from then on.
  app.post('/videos/:id/delete', async (request, reply) => {
    const video = stores.videos.video((request.params as { id: string }).id);
    if (!video) return reply.code(404).send({ error: { code: 'not_found', message: 'No such video' } });
    video.deleted = true;
    return { id: video.id, deleted: true };
  });
}
