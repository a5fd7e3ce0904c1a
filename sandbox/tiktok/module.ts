import type { FastifyInstance } from 'fastify';
import type { FaultAnswer, MountName, PlatformModule, SandboxContext } from '../core/context.js';
import type { FaultKind } from '../core/faults.js';
import { registerTiktokAdmin } from './admin.js';
import { registerApiRoutes } from './api.js';
import { registerAuthorizeRoutes } from './authorize.js';
import { errorObject, newLogId, OAUTH_ERROR_CODES } from './envelope.js';
import { deliverDueEvents } from './events.js';
import { TiktokStore } from './store.js';
import { registerUploadRoutes } from './upload.js';

/** How often publish events reached by the clock are delivered without any traffic. */
const EVENT_SWEEP_MS = 250;

const CODE_FOR_STATUS: Record<number, string> = {
  400: 'invalid_params',
  401: 'access_token_invalid',
  403: 'scope_permission_missed',
  429: 'rate_limit_exceeded',
};

function faultAnswer(
  fault: Extract<FaultKind, { type: 'status' | 'platform_error' }>,
  mount: MountName,
  nowMs: number,
): FaultAnswer {
  const code =
    fault.type === 'platform_error'
      ? String(fault.code)
      : (CODE_FOR_STATUS[fault.status] ?? (fault.status >= 500 ? 'internal_error' : 'invalid_params'));
  const message = (fault.type === 'platform_error' ? fault.message : undefined) ?? 'Injected by the sandbox.';
  if (mount === 'tiktokAuth')
    return {
      status: fault.status,
      body: `<!doctype html><title>TikTok sandbox · error</title><h1>Something went wrong</h1><p>${code}</p>`,
      headers: { 'content-type': 'text/html; charset=utf-8' },
    };
  if (mount === 'tiktokApi' && OAUTH_ERROR_CODES.has(code))
    return {
      status: fault.status,
      body: { error: code, error_description: message, log_id: newLogId(nowMs) },
    };
  const error = errorObject(code, message, nowMs);
  return { status: fault.status, body: { data: {}, error }, headers: { 'x-tt-logid': error.log_id } };
}

/** The TikTok sandbox: Login Kit, OAuth, Content Posting, Display API, upload host and webhooks (§1). */
export function tiktokModule(): PlatformModule {
  // One store per sandbox, so a shared module instance never leaks state between createSandbox() calls.
  const stores = new WeakMap<SandboxContext, TiktokStore>();
  let clockOf: () => number = () => 0;
  const storeOf = (ctx: SandboxContext): TiktokStore => {
    let store = stores.get(ctx);
    if (!store) {
      store = new TiktokStore(ctx.clock.now());
      stores.set(ctx, store);
    }
    return store;
  };

  const startEventSweep = (app: FastifyInstance, ctx: SandboxContext, store: TiktokStore): void => {
    const timer = setInterval(() => deliverDueEvents(ctx, store), EVENT_SWEEP_MS);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  };

  return {
    name: 'tiktok',
    mounts: ['tiktokAuth', 'tiktokApi', 'tiktokUpload'],
    register(mount, app, ctx) {
      const store = storeOf(ctx);
      clockOf = () => ctx.clock.now();
      // Any traffic first delivers the publish events the clock has reached.
      app.addHook('onRequest', async () => deliverDueEvents(ctx, store));
      if (mount === 'tiktokAuth') registerAuthorizeRoutes(app, ctx, store);
      if (mount === 'tiktokUpload') registerUploadRoutes(app, ctx, store);
      if (mount === 'tiktokApi') {
        registerApiRoutes(app, ctx, store);
        startEventSweep(app, ctx, store);
      }
    },
    renderFault(fault, mount) {
      return faultAnswer(fault, mount, clockOf());
    },
    registerAdmin(app, ctx) {
      registerTiktokAdmin(app, ctx, storeOf(ctx));
    },
  };
}
