import type { FastifyInstance } from 'fastify';
import type { FaultAnswer, MountName, PlatformModule, SandboxContext } from '../core/context.js';
import type { FaultKind } from '../core/faults.js';
import { registerYoutubeAdmin } from './admin-routes.js';
import type { ApiDeps } from './api-auth.js';
import { renderErrorPage } from './authorize-request.js';
import { registerAuthorizeRoutes } from './authorize-routes.js';
import { registerVideoCategoryRoutes } from './category-routes.js';
import { registerChunkRoutes } from './chunk-routes.js';
import { API_ERRORS, apiError, sendApiError } from './errors.js';
import { registerInsertRoutes } from './insert-routes.js';
import { registerListRoutes } from './list-routes.js';
import { GoogleOauthStore } from './oauth-store.js';
import { registerPlaylistRoutes } from './playlist-routes.js';
import { QuotaLedger } from './quota.js';
import { registerTokenRoutes } from './token-routes.js';
import { VideoStore } from './video-store.js';

type Fault = Extract<FaultKind, { type: 'status' | 'platform_error' }>;
interface YoutubeStores {
  oauth: GoogleOauthStore;
  videos: VideoStore;
  quota: QuotaLedger;
}

/** Reasons Google sends for bare HTTP statuses. */
const REASON_BY_STATUS: Record<number, string> = {
  400: 'badRequest',
  401: 'authError',
  403: 'forbidden',
  404: 'notFound',
  409: 'conflict',
  429: 'rateLimitExceeded',
  500: 'backendError',
  503: 'backendError',
};

/** Flat OAuth error names for bare HTTP statuses on the token host. */
const OAUTH_ERROR_BY_STATUS: Record<number, string> = {
  400: 'invalid_request',
  401: 'invalid_client',
  429: 'rate_limit_exceeded',
  503: 'temporarily_unavailable',
};

/** YouTube: Google OAuth 2.0 (accounts + oauth2 hosts) and the Data API v3 with its upload host. */
export function youtubeModule(): PlatformModule {
  // One set of stores per sandbox context, so each createSandbox() is isolated even with a shared module.
  const perContext = new WeakMap<SandboxContext, YoutubeStores>();
  const stores = (ctx: SandboxContext): YoutubeStores => {
    let found = perContext.get(ctx);
    if (!found) {
      found = {
        oauth: new GoogleOauthStore(ctx.clock, () => ctx.settings.google),
        videos: new VideoStore(
          ctx.clock,
          () => ctx.settings.google,
          () => ctx.settings.seed,
          () => ctx.settings.world,
        ),
        quota: new QuotaLedger(),
      };
      perContext.set(ctx, found);
    }
    return found;
  };

  return {
    name: 'youtube',
    mounts: ['googleAuth', 'googleOauth2', 'youtubeApi'],
    register(mount: MountName, app: FastifyInstance, ctx: SandboxContext): void {
      const { oauth, videos, quota } = stores(ctx);
      if (mount === 'googleAuth') registerAuthorizeRoutes(app, ctx, oauth);
      if (mount === 'googleOauth2') registerTokenRoutes(app, ctx, oauth);
      if (mount === 'youtubeApi') registerApi(app, { ctx, oauth, quota }, videos);
    },
    renderFault(fault: Fault, mount: MountName): FaultAnswer {
      const reason =
        fault.type === 'platform_error'
          ? String(fault.code)
          : (REASON_BY_STATUS[fault.status] ?? 'backendError');
      const message = fault.type === 'platform_error' && fault.message ? fault.message : `Injected ${reason}`;
      if (mount === 'googleOauth2') {
        const error =
          fault.type === 'platform_error' ? reason : (OAUTH_ERROR_BY_STATUS[fault.status] ?? 'server_error');
        return { status: fault.status, body: { error, error_description: message } };
      }
      if (mount === 'googleAuth') {
        return {
          status: fault.status,
          body: renderErrorPage({ status: fault.status, error: reason, description: message }),
          headers: { 'content-type': 'text/html; charset=utf-8' },
        };
      }
      const domain =
        reason === 'quotaExceeded'
          ? 'youtube.quota'
          : /rateLimitExceeded$/i.test(reason)
            ? 'usageLimits'
            : 'global';
      const error = apiError(fault.status, reason, message, { domain });
      return {
        status: error.status,
        body: error.body,
        headers: { 'content-type': 'application/json; charset=UTF-8' },
      };
    },
    registerAdmin(app: FastifyInstance, ctx: SandboxContext): void {
      registerYoutubeAdmin(app, ctx, stores(ctx));
    },
  };
}

/** www.googleapis.com: bodies reach the handlers unparsed so uploads stream; errors use Google's envelope. */
function registerApi(app: FastifyInstance, deps: ApiDeps, videos: VideoStore): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
  app.setNotFoundHandler(async (_request, reply) => sendApiError(reply, API_ERRORS.notFound()));
  // Fastify's own 4xx (unreadable request) become Google's badRequest; anything else is a backend error.
  app.setErrorHandler(async (error: { statusCode?: number }, _request, reply) =>
    sendApiError(
      reply,
      error.statusCode !== undefined && error.statusCode < 500
        ? API_ERRORS.badRequest('Invalid request.')
        : API_ERRORS.backendError(),
    ),
  );
  registerListRoutes(app, deps, videos);
  registerPlaylistRoutes(app, deps, videos);
  registerVideoCategoryRoutes(app, deps);
  registerInsertRoutes(app, deps, videos);
  registerChunkRoutes(app, deps.ctx, videos);
}
