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
 * Counters of a published Reel at `now`: a seeded saturating curve plus a slow tail, so they only grow
 * with the clock and are identical for the same seed, media id and elapsed time.
 */
export function mediaStats(seed: number, media: IgMedia, now: number): MediaStats {
  const at = (label: string, min: number, max: number): number =>
    seededBetween(seed, `${label}:${media.id}`, min, max);
  const hours = Math.max(0, now - media.publishedAt) / HOUR_MS;
  const potential = at('potential', 300, 30_000);
  const halfLifeHours = at('half-life', 6, 72);
  const tailPerHour = at('tail', 0.5, 20);
  const views = Math.floor(potential * (1 - Math.exp(-hours / halfLifeHours)) + tailPerHour * hours);
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
