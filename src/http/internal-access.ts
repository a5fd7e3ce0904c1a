import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { errorBody } from './errors.js';

/** True for 127.0.0.0/8 and ::1, written plainly or as IPv4-mapped IPv6. */
function isLoopback(ip: string): boolean {
  return ip === '::1' || /^(::ffff:)?127\./.test(ip);
}

/** Constant-time comparison of `Authorization: Bearer …` with the token (digests, so lengths never leak). */
function hasBearer(request: FastifyRequest, token: string): boolean {
  const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(token));
}

/**
 * Guards an operator-only page (metrics, the sandbox's admin API): with a configured token every caller must send
 * it as a bearer token (401 otherwise); without one only loopback callers get in, others get 404 as if there were
 * no such page. Returns true when the request may go on; otherwise the reply has been sent.
 */
export async function allowInternal(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string | null,
  what: string,
): Promise<boolean> {
  if (token === null) {
    if (isLoopback(request.ip)) return true;
    await reply.code(404).send(errorBody('not_found', 'Not found'));
    return false;
  }
  if (hasBearer(request, token)) return true;
  await reply
    .header('www-authenticate', 'Bearer')
    .code(401)
    .send(errorBody('unauthenticated', `Send the ${what} bearer token`));
  return false;
}
