import type { Publication } from '../../domain/publishing/publication.js';
import { ensureRun, LostRace, moveTo, saveNext } from './publication-records.js';
import type { PublishingDeps } from './publishing-deps.js';

/** The TikTok posting events this service acts on (PLATFORMS.md §1.8). */
export const TIKTOK_POST_EVENTS = [
  'post.publish.publicly_available',
  'post.publish.complete',
  'post.publish.failed',
  'post.publish.inbox_delivered',
] as const;

/** The public URL of a TikTok post. */
export const tiktokPostUrl = (username: string, postId: string) =>
  `https://www.tiktok.com/@${username}/video/${postId}`;

/**
 * A verified TikTok posting event. `publicly_available` carries the post id: it is stored with the link
 * (once; a repeat changes nothing). The other events make the publication's job ask TikTok now, so the
 * status and its plain reason come from one place, the publisher's reading of status/fetch.
 */
export async function onTiktokPostEvent(
  deps: PublishingDeps,
  event: string,
  content: Record<string, unknown>,
): Promise<'updated' | 'ignored'> {
  const publishId = content.publish_id;
  if (typeof publishId !== 'string' || !publishId) return 'ignored';
  for (let attempt = 0; attempt < 5; attempt++) {
    const p = await deps.store.publications.findByPlatformRef('tiktok', publishId);
    if (!p) return 'ignored';
    const next =
      event === 'post.publish.publicly_available' ? withPostId(deps, p, content.post_id) : checkNow(deps, p);
    if (!next) return 'ignored';
    try {
      const saved = await saveNext(deps, next);
      await ensureRun(deps, saved);
      if (saved.status === 'published') await deps.tracking?.startTracking(saved);
      return 'updated';
    } catch (error) {
      if (!(error instanceof LostRace)) throw error;
    }
  }
  return 'ignored';
}

function withPostId(deps: PublishingDeps, p: Publication, rawPostId: unknown): Publication | null {
  const postId = typeof rawPostId === 'string' || typeof rawPostId === 'number' ? String(rawPostId) : null;
  if (!postId || p.platformPostId !== null || p.status === 'canceled') return null;
  const now = new Date(deps.clock.now()).toISOString();
  const username = p.checkpoint.remote.username;
  const url = typeof username === 'string' && username ? tiktokPostUrl(username, postId) : p.url;
  const published = p.status === 'published' ? p : moveTo(p, 'published', 'TikTok made the post public', now);
  return {
    ...published,
    platformPostId: postId,
    url,
    publishedAt: p.publishedAt ?? now,
    error: null,
    deferral: null,
    nextRunAt: null,
  };
}

// Only while something is in flight; a run holding it will ask TikTok itself.
function checkNow(deps: PublishingDeps, p: Publication): Publication | null {
  const now = deps.clock.now();
  const inFlight = p.status === 'uploading' || p.status === 'processing';
  const held = p.runner && Date.parse(p.runner.until) > now;
  if (!inFlight || held) return null;
  return { ...p, nextRunAt: new Date(now).toISOString() };
}
