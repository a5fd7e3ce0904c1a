import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { registerBodyParsers } from './body-parsers.js';
import { GraphFailure, graphErrors, sendGraphError } from './errors.js';
import { authenticate, readAccessToken, type Caller } from './graph-auth.js';
import { graphParams, type GraphParams } from './graph-params.js';
import { mediaInsights } from './insights.js';
import { exchangeToken, refreshToken } from './long-lived-tokens.js';
import { listMedia } from './media-list.js';
import { renderContainer, renderMedia, renderUser, resolveNode, resolveUser } from './nodes.js';
import { createContainer, publishContainer, publishingLimit } from './publishing.js';
import type { InstagramRuntime } from './runtime.js';

/** Any `vNN.N` prefix is accepted (expired versions are silently served by the oldest live one). */
const VERSION = /^v\d+\.\d+$/;

interface GraphCall {
  request: FastifyRequest;
  params: GraphParams;
  /** The `{id}` path segment, when the route has one. */
  node: string;
  caller: () => Caller;
}

type GraphHandler = (call: GraphCall) => unknown;

/** A 1×1 PNG for the profile pictures and thumbnails the sandbox hands out. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/** The path below the mount, for "Unknown path components" errors. */
function pathBelowMount(app: FastifyInstance, request: FastifyRequest): string[] {
  const path = (request.url.split('?')[0] ?? '').slice(app.prefix.length);
  const segments = path.split('/').filter((s) => s.length > 0);
  return segments[0] !== undefined && VERSION.test(segments[0]) ? segments.slice(1) : segments;
}

/** Registers a Graph route both unversioned and under `/:version`, parsing params and the token lazily. */
function graphRoute(
  app: FastifyInstance,
  rt: InstagramRuntime,
  method: 'GET' | 'POST',
  path: string,
  handler: GraphHandler,
): void {
  const run = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const { version, node } = request.params as { version?: string; node?: string };
    if (version !== undefined && !VERSION.test(version)) {
      const url = request.url.split('?')[0] ?? '';
      throw new GraphFailure(
        graphErrors.unknownPath(url.slice(url.indexOf(`/${version}`) + version.length + 1)),
      );
    }
    const params = graphParams(request);
    let caller: Caller | undefined;
    const call: GraphCall = {
      request,
      params,
      node: node ?? '',
      caller: () => (caller ??= authenticate(rt, readAccessToken(request, params))),
    };
    return reply.send(await handler(call));
  };
  app.route({ method, url: path, handler: run });
  app.route({ method, url: `/:version${path}`, handler: run });
}

/** graph.instagram.com: long-lived tokens, nodes, publishing, limits and insights. */
export function registerGraphRoutes(app: FastifyInstance, rt: InstagramRuntime): void {
  registerBodyParsers(app);
  app.setErrorHandler(async (error, _request, reply) => {
    if (error instanceof GraphFailure) return sendGraphError(reply, error.error);
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 400 && status < 500)
      return sendGraphError(reply, graphErrors.invalidParam('Invalid parameter'));
    return sendGraphError(reply, graphErrors.unknownError());
  });
  app.setNotFoundHandler(async (request, reply) => {
    const segments = pathBelowMount(app, request);
    const [first] = segments;
    if (segments.length === 1 && first !== undefined) {
      return sendGraphError(reply, graphErrors.unknownObject(request.method, first));
    }
    return sendGraphError(reply, graphErrors.unknownPath(`/${segments.slice(1).join('/')}`));
  });

  app.get('/sandbox-cdn/:file', async (_request, reply) => reply.type('image/png').send(PIXEL));

  graphRoute(app, rt, 'GET', '/access_token', ({ params }) => exchangeToken(rt, params));
  graphRoute(app, rt, 'GET', '/refresh_access_token', ({ params }) => refreshToken(rt, params));
  for (const path of ['/access_token', '/refresh_access_token']) {
    graphRoute(app, rt, 'POST', path, () => {
      throw new GraphFailure(graphErrors.unsupportedMethod('POST'));
    });
  }

  graphRoute(app, rt, 'GET', '/me', (call) => renderUser(rt, call.caller().user, true, call.params));
  graphRoute(app, rt, 'GET', '/:node', (call) => {
    const node = resolveNode(rt, call.caller(), call.node, 'GET');
    if (node.kind === 'user') return renderUser(rt, node.user, node.viaMe, call.params);
    if (node.kind === 'container') return renderContainer(rt, node.container, call.params);
    return renderMedia(rt, node.media, call.params);
  });
  graphRoute(app, rt, 'GET', '/:node/media', (call) => {
    const user = resolveUser(rt, call.caller(), call.node, 'GET');
    const { version } = call.request.params as { version?: string };
    return listMedia(rt, user, call.params, `${version ? `/${version}` : ''}/${call.node}/media`);
  });
  graphRoute(app, rt, 'POST', '/:node/media', async (call) => {
    const caller = call.caller();
    return createContainer(rt, caller, resolveUser(rt, caller, call.node, 'POST'), call.params);
  });
  graphRoute(app, rt, 'POST', '/:node/media_publish', (call) => {
    const caller = call.caller();
    return publishContainer(rt, caller, resolveUser(rt, caller, call.node, 'POST'), call.params);
  });
  graphRoute(app, rt, 'GET', '/:node/content_publishing_limit', (call) => {
    const caller = call.caller();
    return publishingLimit(rt, caller, resolveUser(rt, caller, call.node, 'GET'), call.params);
  });
  graphRoute(app, rt, 'GET', '/:node/insights', (call) => {
    const caller = call.caller();
    const node = resolveNode(rt, caller, call.node, 'GET');
    if (node.kind !== 'media') throw new GraphFailure(graphErrors.unknownPath(`/${call.node}/insights`));
    return mediaInsights(rt, caller, node.media, call.params);
  });
}
