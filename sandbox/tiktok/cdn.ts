import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../core/context.js';

/** A 1×1 PNG: what the sandbox CDN serves for avatars and covers while their signed URL is valid. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

/** What the CDN serves: avatars (creator_info says they expire after 2 h) and video covers (6 h). */
export const CDN_LIFETIME_SECONDS = { avatar: 2 * 3600, cover: 6 * 3600 } as const;
export type CdnKind = keyof typeof CDN_LIFETIME_SECONDS;

function sign(seed: number, kind: string, name: string, expires: number): string {
  return createHmac('sha256', `tiktok-cdn-${seed}`).update(`${kind}/${name}/${expires}`).digest('base64url');
}

/** A signed, expiring CDN URL like TikTok's `…~tplv-….image?x-expires=…&x-signature=…`. */
export function cdnUrl(ctx: SandboxContext, kind: CdnKind, name: string): string {
  const expires = ctx.clock.nowSeconds() + CDN_LIFETIME_SECONDS[kind];
  const signature = sign(ctx.settings.seed, kind, name, expires);
  const file = `${encodeURIComponent(name)}~tplv-sandbox.image`;
  return ctx.url('tiktokUpload', `/obj/${kind}/${file}?x-expires=${expires}&x-signature=${signature}`);
}

/** Serves the CDN objects; an expired or tampered URL gets 403, as a signed CDN does. */
export function registerCdnRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/obj/:kind/:file', async (request, reply) => {
    const { kind, file } = request.params as { kind: string; file: string };
    const query = request.query as Record<string, unknown>;
    const expires = Number(query['x-expires']);
    const given = Buffer.from(typeof query['x-signature'] === 'string' ? query['x-signature'] : '');
    const name = file.replace(/~tplv-sandbox\.image$/, '');
    const known = kind === 'avatar' || kind === 'cover';
    const wanted = Buffer.from(
      known && Number.isInteger(expires) ? sign(ctx.settings.seed, kind, name, expires) : '',
    );
    const valid =
      known && wanted.length > 0 && given.length === wanted.length && timingSafeEqual(given, wanted);
    if (!valid || ctx.clock.nowSeconds() > expires)
      return reply.code(403).type('text/plain; charset=utf-8').send('Access Denied');
    return reply.type('image/png').send(PIXEL);
  });
}
