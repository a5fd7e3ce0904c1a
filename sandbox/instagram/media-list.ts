import { GraphFailure, graphErrors } from './errors.js';
import type { GraphParams } from './graph-params.js';
import { renderMedia } from './nodes.js';
import type { InstagramRuntime } from './runtime.js';
import type { IgUser } from './store.js';

const cursorOf = (mediaId: string): string => Buffer.from(mediaId).toString('base64url');

/**
 * `GET /{ig-user-id}/media?fields=…&limit=…&after=…`: the account's media, newest first (Reels published here and
 * its earlier posts), with Graph cursor paging. `paging.next` is the absolute URL of the next page, present only
 * when there is one, with the caller's parameters (token included, as Graph does) and `after` set.
 */
export function listMedia(
  rt: InstagramRuntime,
  user: IgUser,
  params: GraphParams,
  pathBelowMount: string,
): unknown {
  const rawLimit = params.get('limit') ?? '25';
  const limit = /^\d+$/.test(rawLimit) ? Number(rawLimit) : 0;
  if (limit < 1 || limit > 100)
    throw new GraphFailure(graphErrors.invalidParam('Param limit must be 1..100'));
  const all = rt.store.mediaOf(user.profile, rt.ctx.settings.world);
  const after = params.get('after');
  let start = 0;
  if (after !== undefined) {
    const index = all.findIndex((m) => cursorOf(m.id) === after);
    if (index < 0) throw new GraphFailure(graphErrors.invalidParam('Invalid pagination cursor'));
    start = index + 1;
  }
  const page = all.slice(start, start + limit);
  const data = page.map((m) => renderMedia(rt, m, params));
  const first = page[0];
  const last = page[page.length - 1];
  if (!first || !last) return { data };
  const paging: Record<string, unknown> = {
    cursors: { before: cursorOf(first.id), after: cursorOf(last.id) },
  };
  if (start + limit < all.length) {
    const query = new URLSearchParams([...params.entries()].filter(([key]) => key !== 'after'));
    query.set('limit', String(limit));
    query.set('after', cursorOf(last.id));
    paging.next = rt.ctx.url('instagramGraph', `${pathBelowMount}?${query.toString()}`);
  }
  return { data, paging };
}
