import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { PlatformModule, SandboxContext } from './core/context.js';
import { PERSONA_IDS } from './core/settings.js';

const faultKind = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), status: z.number().int().min(400).max(599) }),
  z.object({
    type: z.literal('platform_error'),
    code: z.union([z.string(), z.number()]),
    status: z.number().int().min(400).max(599),
    subcode: z.number().int().optional(),
    message: z.string().optional(),
  }),
  z.object({ type: z.literal('hang') }),
  z.object({ type: z.literal('drop') }),
  z.object({ type: z.literal('latency'), ms: z.number().int().min(0).max(120_000) }),
]);

const addFault = z.object({
  platform: z.enum(['tiktok', 'instagram', 'youtube']),
  endpoint: z.string().min(1).describe("'METHOD /path' as routed on the platform's host, or '*'"),
  fault: faultKind,
  count: z.number().int().min(1).max(1000).default(1),
});

const advanceClock = z.object({
  seconds: z
    .number()
    .min(0)
    .max(10 * 365 * 86400),
});

const settingsPatch = z.object({
  autoConsent: z.enum(PERSONA_IDS).nullable().optional(),
  webhookUrls: z
    .object({
      tiktok: z.url().nullable().optional(),
      instagramDeauthorize: z.url().nullable().optional(),
      instagramDataDeletion: z.url().nullable().optional(),
    })
    .optional(),
});

const effects = z.record(z.string(), z.number().min(-5).max(5));
const worldPatch = z.strictObject({
  duration: effects.optional(),
  postingHour: effects.optional(),
  weekday: effects.optional(),
  caption: effects.optional(),
  timeZone: z
    .string()
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'an IANA time zone')
    .optional(),
  noiseSd: z.number().min(0).max(3).optional(),
  historyVideos: z.number().int().min(0).max(1000).optional(),
  historyWeeks: z.number().int().min(1).max(104).optional(),
});

/** The small admin API under /__sandbox/: clock, faults, request log, webhooks, settings. Sandbox mode only. */
export function registerAdminRoutes(
  app: FastifyInstance,
  ctx: SandboxContext,
  modules: PlatformModule[],
): void {
  app.setErrorHandler(async (error, _request, reply) => {
    const status = error instanceof z.ZodError ? 400 : 500;
    await reply.code(status).send({
      error: {
        code: status === 400 ? 'bad_request' : 'internal',
        message: error instanceof Error ? error.message : String(error),
      },
    });
  });

  app.get('/clock', async () => ({ now: ctx.clock.now(), iso: new Date(ctx.clock.now()).toISOString() }));
  app.post('/clock/advance', async (request) => {
    const { seconds } = advanceClock.parse(request.body);
    ctx.clock.advance(seconds * 1000);
    return { now: ctx.clock.now(), iso: new Date(ctx.clock.now()).toISOString() };
  });

  app.get('/faults', async () => ({ faults: ctx.faults.list() }));
  app.post('/faults', async (request, reply) => {
    const input = addFault.parse(request.body);
    const fault = ctx.faults.add(input.platform, input.endpoint, input.fault, input.count);
    return reply.code(201).send(fault);
  });
  app.delete('/faults', async (_request, reply) => {
    ctx.faults.clear();
    return reply.code(204).send();
  });

  app.get('/requests', async (request) => {
    const q = z.object({ platform: z.string().optional(), path: z.string().optional() }).parse(request.query);
    return { requests: ctx.requests.list({ platform: q.platform, pathIncludes: q.path }) };
  });
  app.delete('/requests', async (_request, reply) => {
    ctx.requests.clear();
    return reply.code(204).send();
  });

  app.get('/webhooks', async () => ({ deliveries: ctx.webhooks.list() }));

  app.get('/settings', async () => ({
    autoConsent: ctx.settings.autoConsent,
    webhookUrls: ctx.settings.webhookUrls,
    tiktok: ctx.settings.tiktok,
    instagram: ctx.settings.instagram,
    google: ctx.settings.google,
  }));
  app.patch('/settings', async (request) => {
    const patch = settingsPatch.parse(request.body);
    if (patch.autoConsent !== undefined) ctx.settings.autoConsent = patch.autoConsent;
    if (patch.webhookUrls) Object.assign(ctx.settings.webhookUrls, patch.webhookUrls);
    return { autoConsent: ctx.settings.autoConsent, webhookUrls: ctx.settings.webhookUrls };
  });

  app.get('/world', async () => ctx.settings.world);
  app.patch('/world', async (request) => {
    const patch = worldPatch.parse(request.body);
    Object.assign(ctx.settings.world, patch);
    return ctx.settings.world;
  });

  for (const module of modules) {
    if (module.registerAdmin) {
      const register = module.registerAdmin.bind(module);
      void app.register(async (scoped) => register(scoped, ctx), { prefix: `/${module.name}` });
    }
  }
}
