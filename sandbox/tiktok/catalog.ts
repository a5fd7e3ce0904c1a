import type { TiktokSettings } from '../core/settings.js';
import type { TiktokPersona } from './accounts.js';
import { isPubliclyListed } from './publish-state.js';
import { videoIdOf } from './stats.js';
import type { TiktokStore } from './store.js';

/** A public video of a user, as the Display API sees it. */
export interface PublicVideo {
  id: string;
  createdAt: number;
  title: string;
  durationSec: number;
  width: number;
  height: number;
  isAigc: boolean;
}

const FIXTURE_TITLES = [
  'How a video factory works #aifactory #behindthescenes',
  'Three hooks that keep viewers watching #shorts #tips',
  'From script to vertical video in one minute #ai',
];
const DAY_MS = 86_400_000;

/** The older videos an account already has, dated before the sandbox started. */
function fixtureVideos(store: TiktokStore, persona: TiktokPersona, seed: number): PublicVideo[] {
  const count = store.accounts[persona].fixtureVideos;
  return Array.from({ length: count }, (_, i) => ({
    id: videoIdOf(seed, `fixture:${persona}:${i}`, 90000 + i),
    createdAt: store.startedAt - (i + 1) * 2.5 * DAY_MS,
    title: FIXTURE_TITLES[i % FIXTURE_TITLES.length] ?? '',
    durationSec: 21 + i * 7,
    width: 1080,
    height: 1920,
    isAigc: true,
  }));
}

/** The user's public videos at `now`, newest first: fixtures plus Direct Posts to everyone past moderation. */
export function publicVideosOf(
  store: TiktokStore,
  openId: string,
  persona: TiktokPersona,
  seed: number,
  now: number,
  timing: Pick<TiktokSettings, 'processingMs' | 'moderationMs'>,
): PublicVideo[] {
  const posted: PublicVideo[] = [];
  for (const p of store.publishes.values()) {
    if (p.openId !== openId || !isPubliclyListed(p, now, timing)) continue;
    posted.push({
      id: p.postId,
      // Public from the moment processing ended (create_time of the post).
      createdAt: (p.upload?.completedAt ?? p.createdAt) + timing.processingMs,
      title: p.title,
      durationSec: Math.round(p.probe?.durationSec ?? 15),
      width: p.probe?.width ?? 1080,
      height: p.probe?.height ?? 1920,
      isAigc: p.isAigc,
    });
  }
  return [...posted, ...fixtureVideos(store, persona, seed)].sort((a, b) => b.createdAt - a.createdAt);
}
