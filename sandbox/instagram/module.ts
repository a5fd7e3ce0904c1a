import type { FastifyInstance, FastifyReply } from 'fastify';
import type { PlatformModule, SandboxContext } from '../core/context.js';
import { registerInstagramAdmin } from './admin.js';
import { registerAuthorizeRoutes } from './authorize-routes.js';
import { DataDeletionSender, DEFAULT_RETRY, type RetryOptions } from './callbacks.js';
import { authorizeErrorPage, legacyOAuthError } from './errors.js';
import { renderInstagramFault } from './faults.js';
import { registerGraphRoutes } from './graph-routes.js';
import type { InstagramRuntime } from './runtime.js';
import { InstagramStore } from './store.js';
import { registerTokenRoutes } from './token-routes.js';

export interface InstagramModuleOptions {
  /** Retry policy of the data-deletion callback (the deauthorize one uses the core webhook sender). */
  callbackRetry?: Partial<RetryOptions>;
}

/** Unknown paths and unexpected failures: an HTML page on www.instagram.com, the legacy envelope on the API. */
function registerFallbacks(app: FastifyInstance, html: boolean): void {
  const send = async (reply: FastifyReply, status: number, message: string): Promise<FastifyReply> =>
    html
      ? reply.code(status).type('text/html; charset=utf-8').send(authorizeErrorPage(message))
      : reply.code(status).send(legacyOAuthError(message, status));
  app.setNotFoundHandler(async (_request, reply) => send(reply, 404, "Sorry, this page isn't available."));
  app.setErrorHandler(async (error, _request, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    return status >= 400 && status < 500
      ? send(reply, 400, 'Invalid request')
      : send(reply, 500, 'Internal error');
  });
}

/** The Instagram API with Instagram Login, as one sandbox platform module (PLATFORMS.md §2). */
export function instagramModule(options: InstagramModuleOptions = {}): PlatformModule {
  // One state per sandbox, even when the same module object serves several createSandbox() calls.
  const runtimes = new WeakMap<SandboxContext, InstagramRuntime>();
  const runtimeFor = (ctx: SandboxContext): InstagramRuntime => {
    let rt = runtimes.get(ctx);
    if (!rt) {
      rt = {
        ctx,
        store: new InstagramStore(ctx.settings.seed, ctx.clock.now()),
        deletions: new DataDeletionSender({ ...DEFAULT_RETRY, ...options.callbackRetry }),
      };
      runtimes.set(ctx, rt);
    }
    return rt;
  };

  return {
    name: 'instagram',
    mounts: ['instagramAuth', 'instagramApi', 'instagramGraph'],
    register(mount, app, ctx) {
      const rt = runtimeFor(ctx);
      if (mount === 'instagramAuth') {
        registerFallbacks(app, true);
        registerAuthorizeRoutes(app, rt);
      } else if (mount === 'instagramApi') {
        registerFallbacks(app, false);
        registerTokenRoutes(app, rt);
      } else {
        registerGraphRoutes(app, rt);
      }
    },
    renderFault: renderInstagramFault,
    registerAdmin(app, ctx) {
      registerInstagramAdmin(app, runtimeFor(ctx));
    },
  };
}
