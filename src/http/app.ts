import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { createMetrics } from '../observability/metrics.js';
import { SANDBOX_ADMIN_PREFIX, SANDBOX_PREFIX } from '../container/sandbox-mount.js';
import { installSecurityHeaders } from './security-headers.js';
import { VIDEO_UPLOAD_PATH, videoUploadRoutes } from './routes/video-upload.routes.js';
import { installCsrfProtection } from './csrf.js';
import type { HttpDeps } from './deps.js';
import { allowInternal } from './internal-access.js';
import { answerClientError, answerFrameworkError, installErrorHandling } from './errors.js';
import { OneLineRequestLog } from './request-log.js';
import { documentOperation } from './openapi/document.js';
import { installApiDocs } from './api-docs.js';
import { authRoutes } from './routes/auth.routes.js';
import { healthRoutes } from './routes/health.routes.js';
import { invitationRoutes } from './routes/invitations.routes.js';
import { memberRoutes } from './routes/members.routes.js';
import { connectionRoutes } from './routes/connections.routes.js';
import { oauthRoutes } from './routes/oauth.routes.js';
import { privacyRoutes, publicPolicyRoutes } from './routes/privacy.routes.js';
import { privacyExportRoutes } from './routes/privacy-export.routes.js';
import { privacyDeletionRoutes } from './routes/privacy-deletion.routes.js';
import { webhookRoutes } from './routes/webhooks.routes.js';
import { contentRoutes } from './routes/content.routes.js';
import { mediaRoutes } from './routes/media.routes.js';
import { libraryRoutes } from './routes/library.routes.js';
import { musicRoutes } from './routes/music.routes.js';
import { recommendationRoutes } from './routes/recommendations.routes.js';
import { reviewRoutes } from './routes/review.routes.js';
import { publicationRoutes } from './routes/publications.routes.js';
import { analyticsRoutes } from './routes/analytics.routes.js';
import { publicVideoRoutes } from './routes/public-video.routes.js';
import fastifyStatic from '@fastify/static';
import { workspaceRoutes } from './routes/workspaces.routes.js';
import { installSessionResolution } from './session.js';
import { installWebApp } from './web-app.js';

const ONE_MEGABYTE = 1024 * 1024;
// Signature-verified callbacks from platforms, and the local sandbox with its own rules.
// Uploads are multipart; they still need our Origin.
const MULTIPART_PATHS = ['/api/library', VIDEO_UPLOAD_PATH];
const CSRF_EXEMPT = ['/webhooks/', `${SANDBOX_PREFIX}/`];

/** Builds the HTTP app: API under /api, health and metrics, the web app, one error body everywhere. */
export async function buildHttpApp(deps: HttpDeps, logger: FastifyBaseLogger): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: ONE_MEGABYTE,
    trustProxy: deps.settings.trustProxy.length > 0 ? deps.settings.trustProxy : false,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    logController: new OneLineRequestLog(),
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const metrics = createMetrics();
  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    metrics.httpDuration
      .labels(request.method, request.routeOptions.url ?? 'unmatched', String(reply.statusCode))
      .observe(reply.elapsedTime / 1000);
  });

  installErrorHandling(app);
  installSecurityHeaders(app, deps.sandbox ? `${SANDBOX_PREFIX}/` : null, {
    https: deps.settings.publicBaseUrl.startsWith('https://'),
  });
  installCsrfProtection(app, deps.settings.publicBaseUrl, CSRF_EXEMPT, MULTIPART_PATHS);
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false, hook: 'preHandler' });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'AI Factory API', version: '1' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'aif_session' } } },
      security: [{ session: [] }],
    },
    // Only the product's API is documented; health probes and the sandbox stay out of it.
    transform: documentOperation,
  });

  healthRoutes(app, deps.readiness, metrics, deps.settings.metricsToken);
  await app.register(
    async (api) => {
      installSessionResolution(api, deps.auth);
      await api.register(authRoutes(deps), { prefix: '/auth' });
      await api.register(workspaceRoutes(deps));
      await api.register(memberRoutes(deps));
      await api.register(invitationRoutes(deps));
      await api.register(connectionRoutes(deps));
      await api.register(contentRoutes(deps));
      await api.register(libraryRoutes(deps, deps.maxUploadBytes));
      await api.register(videoUploadRoutes(deps, deps.maxUploadBytes));
      await api.register(musicRoutes(deps));
      await api.register(reviewRoutes(deps));
      await api.register(publicationRoutes(deps));
      await api.register(recommendationRoutes(deps));
      await api.register(analyticsRoutes(deps));
      await api.register(privacyExportRoutes(deps));
      await api.register(privacyDeletionRoutes(deps));
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/api' },
  );
  // One reply.sendFile for the whole app, rooted at the media store; the web app passes its own root.
  await app.register(fastifyStatic, { root: deps.mediaRoot, serve: false });
  installApiDocs(app);
  await app.register(mediaRoutes(deps), { prefix: '/media' });
  await app.register(oauthRoutes(deps), { prefix: '/oauth' });
  await app.register(webhookRoutes(deps), { prefix: '/webhooks' });
  await app.register(privacyRoutes(deps), { prefix: '/privacy' });
  await app.register(publicPolicyRoutes(deps));
  await app.register(publicVideoRoutes(deps), { prefix: '/public' });
  if (deps.sandbox) {
    const { plugin, adminToken } = deps.sandbox;
    // The admin API moves the sandbox's clock and injects faults: operators only, like /metrics.
    app.addHook('onRequest', async (request, reply) => {
      if (!request.url.startsWith(SANDBOX_ADMIN_PREFIX)) return;
      if (!(await allowInternal(request, reply, adminToken, 'sandbox admin'))) return reply;
    });
    await app.register(plugin, { prefix: SANDBOX_PREFIX });
  }
  await installWebApp(app, deps.settings.webRoot);
  return app;
}
