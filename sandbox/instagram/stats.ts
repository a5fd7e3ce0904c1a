import { worldMultiplier, type WorldSettings } from '../core/world.js';
import { seededBetween } from './ids.js';
import type { IgMedia, IgUser } from './store.js';

export interface MediaStats {
  views: number;
  reach: number;
  likes: number;
  comments: number;
  shares: number;
  saved: number;
  totalInteractions: number;
  avgWatchTimeMs: number;
  totalWatchTimeMs: number;
}

const HOUR_MS = 3_600_000;

/**
 * Counters of a Reel at `now`: the account's seeded saturating curve plus a slow tail, times the world's
 * multiplier for this video (duration, posting time, caption, seeded noise). The account, not the video, sets
 * the curve's height, so the differences between one account's videos come from the world alone (the planted
 * effects and its noise). They only grow with the clock and are identical for the same seed, world and media.
 */
export function mediaStats(seed: number, world: WorldSettings, media: IgMedia, now: number): MediaStats {
  const at = (label: string, min: number, max: number): number =>
    seededBetween(seed, `${label}:${media.id}`, min, max);
  const hours = Math.max(0, now - media.publishedAt) / HOUR_MS;
  const multiplier = worldMultiplier(world, seed, media.worldKey, {
    durationSec: media.durationMs / 1000,
    postedAtMs: media.publishedAt,
    caption: media.caption,
  });
  const potential = seededBetween(seed, `potential:${media.owner}`, 2_000, 20_000) * multiplier;
  const halfLifeHours = at('half-life', 6, 48);
  const tailShare = at('tail', 0.0002, 0.001);
  const views = Math.floor(potential * (1 - Math.exp(-hours / halfLifeHours) + tailShare * hours));
  const likes = Math.floor(views * at('like-rate', 0.02, 0.09));
  const comments = Math.floor(views * at('comment-rate', 0.001, 0.01));
  const shares = Math.floor(views * at('share-rate', 0.002, 0.02));
  const saved = Math.floor(views * at('save-rate', 0.002, 0.015));
  const avgWatchTimeMs = views === 0 ? 0 : Math.floor(media.durationMs * at('watch-share', 0.3, 0.9));
  return {
    views,
    reach: Math.floor(views / at('views-per-reach', 1.1, 1.8)),
    likes,
    comments,
    shares,
    saved,
    totalInteractions: likes + comments + shares + saved,
    avgWatchTimeMs,
    totalWatchTimeMs: views * avgWatchTimeMs,
  };
}

/** Followers of an account at `now`: a seeded base that grows slowly with the clock. */
export function followersCount(seed: number, user: IgUser, now: number): number {
  const perHour = seededBetween(seed, `followers-per-hour:${user.profile}`, 0.1, 3);
  return user.baseFollowers + Math.floor((Math.max(0, now - user.createdAt) / HOUR_MS) * perHour);
}
