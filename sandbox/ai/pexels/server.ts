import type { FastifyInstance } from 'fastify';
import { fakeApp, listenLocally, type Listening } from '../fake-server.js';
import { registerApiRoutes } from './api-routes.js';
import { MediaFiles } from './media-files.js';
import { registerMediaRoutes } from './media-routes.js';
import { DEFAULT_HOURLY_LIMIT, PexelsFakeState, type Fault } from './state.js';

/** The key the fake accepts unless told otherwise. */
export const SANDBOX_PEXELS_KEY = 'sandbox-pexels-key';

export interface PexelsFakeOptions {
  apiKeys?: string[];
  /** Requests allowed per window (the real default is 200 an hour). */
  hourlyLimit?: number;
  now?: () => number;
  ffmpegPath?: string;
}

export interface PexelsFake {
  app: FastifyInstance;
  state: PexelsFakeState;
}

/** A local stand-in for api.pexels.com and its media hosts (not listening yet). */
export function createPexelsFake(options: PexelsFakeOptions = {}): PexelsFake {
  const state = new PexelsFakeState(
    options.apiKeys ?? [SANDBOX_PEXELS_KEY],
    options.hourlyLimit ?? DEFAULT_HOURLY_LIMIT,
    options.now ?? Date.now,
  );
  const files = new MediaFiles(options.ffmpegPath);
  const app = fakeApp();
  app.addHook('onClose', async () => files.close());
  registerApiRoutes(app, state);
  registerMediaRoutes(app, files, state);
  // Admin actions for scripts and e2e runs; tests in-process use `state` directly.
  app.get('/__pexels/requests', async () => state.requests);
  app.post('/__pexels/faults', async (request) => {
    const body = request.body as { fault?: Fault; times?: number } | undefined;
    if (body?.fault) state.injectFault(body.fault, body.times ?? 1);
    return { ok: true };
  });
  app.post('/__pexels/rate-limit', async (request) => {
    const body = request.body as { remaining?: number } | undefined;
    if (typeof body?.remaining === 'number') state.remaining = body.remaining;
    return { remaining: state.remaining };
  });
  return { app, state };
}

/** Starts the fake on 127.0.0.1 (port 0: any free port) and gives its base URL (PEXELS_BASE_URL). */
export async function startPexelsFake(
  options: PexelsFakeOptions & { port?: number } = {},
): Promise<PexelsFake & Listening> {
  return listenLocally(createPexelsFake(options), { port: options.port });
}
