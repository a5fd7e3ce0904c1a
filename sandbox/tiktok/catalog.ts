import type { SandboxSettings } from '../core/settings.js';
import { historyPosts, worldMultiplier } from '../core/world.js';
import type { TiktokPersona } from './accounts.js';
import { isPubliclyListed } from './publish-state.js';
import { unitHash, videoIdOf } from './stats.js';
import type { TiktokStore } from './store.js';

/** A public video of a user, as the Display API sees it. */
export interface PublicVideo {
  id: string;
  /** When it went public (ms); `create_time` and the world's posting hour and weekday come from it. */
  createdAt: number;
  /** The caption as posted; `title` and `video_description` show its first 150 characters. */
  caption: string;
  durationSec: number;
  width: number;
  height: number;
  isAigc: boolean;
  /** The key of the world's seeded per-video noise: stable for the video's whole life. */
  worldKey: string;
}

interface EarlierEntry {
  fingerprint: string;
  videos: PublicVideo[];
}
/** Earlier posts per store and persona, rebuilt only when the seed or the world's history settings change. */
const earlierCache = new WeakMap<TiktokStore, Map<TiktokPersona, EarlierEntry>>();

/**
 * The account's earlier posts (the world's history of `tiktok:<persona>`), dated before the sandbox started.
 * A private account's posts are for its followers only, so the Display API lists none of them.
 */
function earlierPosts(store: TiktokStore, persona: TiktokPersona, settings: SandboxSettings): PublicVideo[] {
  if (store.accounts[persona].privateAccount) return [];
  const { world, seed } = settings;
  const fingerprint = `${seed}:${world.historyVideos}:${world.historyWeeks}`;
  const byPersona = earlierCache.get(store) ?? new Map<TiktokPersona, EarlierEntry>();
  earlierCache.set(store, byPersona);
  const cached = byPersona.get(persona);
  if (cached?.fingerprint === fingerprint) return cached.videos;
  const videos = historyPosts(world, seed, `tiktok:${persona}`, store.startedAt).map((post) => ({
    // Derived from the post's key only, so an id survives a change of historyVideos.
    id: videoIdOf(seed, post.key, Math.floor(unitHash(seed, `serial:${post.key}`) * 100000)),
    createdAt: post.postedAtMs,
    caption: post.caption,
    durationSec: post.durationSec,
    width: 1080,
    height: 1920,
    isAigc: false,
    worldKey: post.key,
  }));
  byPersona.set(persona, { fingerprint, videos });
  return videos;
}

/** The user's public videos at `now`, newest first: earlier posts plus Direct Posts to everyone past moderation. */
export function publicVideosOf(
  store: TiktokStore,
  user: { openId: string; persona: TiktokPersona },
  settings: SandboxSettings,
  now: number,
): PublicVideo[] {
  const posted: PublicVideo[] = [];
  for (const p of store.publishes.values()) {
    if (p.openId !== user.openId || !isPubliclyListed(p, now, settings.tiktok)) continue;
    posted.push({
      id: p.postId,
      // Public from the moment processing ended (create_time of the post).
      createdAt: (p.upload?.completedAt ?? p.createdAt) + settings.tiktok.processingMs,
      caption: p.title,
      durationSec: Math.round(p.probe?.durationSec ?? 15),
      width: p.probe?.width ?? 1080,
      height: p.probe?.height ?? 1920,
      isAigc: p.isAigc,
      worldKey: `tiktok:post:${p.postId}`,
    });
  }
  return [...posted, ...earlierPosts(store, user.persona, settings)].sort(
    (a, b) => b.createdAt - a.createdAt,
  );
}

/** How the sandbox's audience takes to this video: the world's multiplier of its numbers. */
export function audienceOf(settings: SandboxSettings, video: PublicVideo): number {
  return worldMultiplier(settings.world, settings.seed, video.worldKey, {
    durationSec: video.durationSec,
    postedAtMs: video.createdAt,
    caption: video.caption,
  });
}
