import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { errorBody } from './errors.js';

// Paths the SPA never owns: unknown ones there are API-style 404s.
const API_PREFIXES = [
  '/api/',
  '/oauth/',
  '/webhooks/',
  '/sandbox/',
  '/metrics',
  '/healthz',
  '/readyz',
  '/privacy/',
];

/** Serves the built web app and answers unknown browser paths with index.html so client routes load. */
export async function installWebApp(app: FastifyInstance, webRoot: string): Promise<void> {
  const built = existsSync(webRoot);
  if (built) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: ['index.html'],
      decorateReply: false,
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const isPage =
      request.method === 'GET' &&
      !API_PREFIXES.some((p) => request.url.startsWith(p)) &&
      request.url !== '/api';
    if (isPage && built) return reply.type('text/html').sendFile('index.html', webRoot);
    return reply
      .code(404)
      .send(errorBody('not_found', `No route for ${request.method} ${request.url.split('?')[0]}`));
  });
}
