import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { SandboxClock } from './core/clock.js';
import type { BaseUrlSetting, MountName, PlatformModule, SandboxContext } from './core/context.js';
import { MOUNTS } from './core/context.js';
import { FaultRegistry } from './core/faults.js';
import { RequestLog } from './core/request-log.js';
import { defaultSettings, type SandboxSettings } from './core/settings.js';
import { WebhookSender, type WebhookSenderOptions } from './core/webhooks.js';
import { registerAdminRoutes } from './admin.js';
import { platformModules } from './modules.js';

export interface SandboxOptions {
  /** Absolute URL at which the sandbox plugin is reachable, e.g. http://127.0.0.1:8090 or http://localhost:8080/sandbox. */
  publicUrl: string;
  settings?: Partial<SandboxSettings>;
  webhooks?: WebhookSenderOptions;
  modules?: PlatformModule[];
}

export interface Sandbox {
  ctx: SandboxContext;
  /** Register with `app.register(sandbox.plugin, { prefix })` where prefix matches publicUrl's path. */
  plugin: FastifyPluginAsync;
  /** The eight base URL settings of the product, pointing at this sandbox. */
  baseUrls: Record<BaseUrlSetting, string>;
  close(): void;
}

/** Builds the local stand-in of TikTok, Instagram and YouTube as one Fastify plugin. */
export function createSandbox(options: SandboxOptions): Sandbox {
  const root = options.publicUrl.replace(/\/+$/, '');
  const settings = defaultSettings(options.settings);
  const modules = options.modules ?? platformModules;
  const ctx: SandboxContext = {
    clock: new SandboxClock(),
    faults: new FaultRegistry(),
    requests: new RequestLog(),
    webhooks: new WebhookSender(options.webhooks),
    settings,
    url: (mount, path) => `${root}${MOUNTS[mount].prefix}${path}`,
  };

  const baseUrls = Object.fromEntries(
    Object.values(MOUNTS)
      .filter((m) => m.setting !== null)
      .map((m) => [m.setting, `${root}${m.prefix}`]),
  ) as Record<BaseUrlSetting, string>;

  const plugin: FastifyPluginAsync = async (app) => {
    for (const module of modules) {
      for (const mount of module.mounts) {
        await app.register(
          async (scoped) => {
            applyCoreHooks(scoped, module, mount, ctx);
            module.register(mount, scoped, ctx);
          },
          { prefix: MOUNTS[mount].prefix },
        );
      }
    }
    await app.register(async (admin) => registerAdminRoutes(admin, ctx, modules), { prefix: '/__sandbox' });
  };

  return { ctx, plugin, baseUrls, close: () => ctx.webhooks.close() };
}

/** Request log and fault injection, identical for every platform. */
function applyCoreHooks(
  app: FastifyInstance,
  module: PlatformModule,
  mount: MountName,
  ctx: SandboxContext,
): void {
  app.addHook('onResponse', async (request, reply) => {
    ctx.requests.record({
      at: ctx.clock.now(),
      platform: module.name,
      method: request.method,
      path: request.url.split('?')[0] ?? request.url,
      query: { ...(request.query as Record<string, unknown>) },
      status: reply.statusCode,
    });
  });
  app.addHook('onRequest', async (request, reply) => {
    // app.prefix is the full prefix, including where the whole sandbox is mounted (e.g. /sandbox).
    const routePath = (request.routeOptions.url ?? '').slice(app.prefix.length) || '/';
    const fault = ctx.faults.take(module.name, request.method, routePath);
    if (!fault) return;
    switch (fault.type) {
      case 'latency':
        await new Promise((r) => setTimeout(r, fault.ms));
        return;
      case 'hang':
        // Keep the socket open until the client gives up; the request is never answered.
        reply.hijack();
        return;
      case 'drop':
        reply.hijack();
        request.raw.socket.destroy();
        return;
      default: {
        const answer = module.renderFault(fault, mount);
        await reply
          .code(answer.status)
          .headers(answer.headers ?? {})
          .send(answer.body);
      }
    }
  });
}
