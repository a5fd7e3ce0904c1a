import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { UserError } from '../domain/errors.js';

/** One counter: requests sharing a key may come `max` times per `timeWindow` (ms or "1 minute"). */
export interface Limit {
  /** Keeps the counters of different limits apart. */
  name: string;
  max: number;
  timeWindow: number | string;
  /** The key this request counts against; null skips this limit for the request. */
  key(request: FastifyRequest): string | null;
}

/**
 * A preHandler that counts the request against each limit in turn and rejects it with `error` (429, Retry-After)
 * at the first exceeded one. @fastify/rate-limit's route option takes one key; these are several at once.
 */
export function throttle(
  app: FastifyInstance,
  limits: Limit[],
  error: () => UserError,
): preHandlerAsyncHookHandler {
  const counters = limits.map((limit) => ({
    limit,
    count: app.createRateLimit({
      max: limit.max,
      timeWindow: limit.timeWindow,
      keyGenerator: (request) => `${limit.name}|${limit.key(request) ?? ''}`,
    }),
  }));
  return async (request, reply) => {
    for (const { limit, count } of counters) {
      if (limit.key(request) === null) continue;
      const result = await count(request);
      if (!result.isAllowed && result.isExceeded) {
        void reply.header('retry-after', String(Math.max(1, result.ttlInSeconds)));
        throw error();
      }
    }
  };
}
