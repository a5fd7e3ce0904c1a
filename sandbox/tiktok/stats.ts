import { createHash } from 'node:crypto';

const INT32_MAX = 2147483647;
const HOUR_MS = 3_600_000;

/** A deterministic number in [0, 1) drawn from the seed and a key. */
export function unitHash(seed: number, key: string): number {
  const digest = createHash('sha256').update(`${seed}:${key}`).digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}

/** A 19-digit TikTok-style video id (beyond 2^53, like the real ones), unique per serial. */
export function videoIdOf(seed: number, key: string, serial: number): string {
  const middle = Math.floor(unitHash(seed, `video-id:${key}`) * 1e13)
    .toString()
    .padStart(13, '0');
  return `7${middle}${(serial % 100000).toString().padStart(5, '0')}`;
}

export interface VideoCounts {
  view_count: number;
  like_count: number;
  comment_count: number;
  share_count: number;
}

/** Views of a video the world's audience takes to as usual (multiplier 1), once its first days are over. */
export const BASE_VIEWS = 3000;
/** Slow growth after the first days: this share of BASE_VIEWS more every week, so counts never stop rising. */
const TAIL_PER_WEEK = 0.03;

/**
 * Counts of a public video `ageMs` after it went public: a seeded base curve (most views in the first one or two
 * days, then a slow tail) times `audience`, the world's multiplier for the video. Never decreasing with age.
 */
export function videoCounts(seed: number, videoId: string, ageMs: number, audience: number): VideoCounts {
  const u = (k: string): number => unitHash(seed, `${videoId}:${k}`);
  const hours = Math.max(0, ageMs) / HOUR_MS;
  // How fast the first wave comes: some videos peak within hours, others take two days.
  const tauHours = 3 + u('tau') * 33;
  const reach = 1 - Math.exp(-hours / tauHours) + (TAIL_PER_WEEK * hours) / 168;
  const views = Math.min(Number.MAX_SAFE_INTEGER, Math.floor(BASE_VIEWS * audience * reach));
  const ratio = (k: string, min: number, spread: number): number =>
    Math.min(INT32_MAX, Math.floor(views * (min + u(k) * spread)));
  return {
    view_count: views,
    like_count: ratio('likes', 0.03, 0.09),
    comment_count: ratio('comments', 0.001, 0.009),
    share_count: ratio('shares', 0.001, 0.019),
  };
}

/** Followers gained `ageMs` after the sandbox started: seeded, never decreasing. */
export function followerGrowth(seed: number, persona: string, ageMs: number): number {
  const perHour = unitHash(seed, `followers:${persona}`) * 4;
  return Math.floor((Math.max(0, ageMs) / HOUR_MS) * perHour);
}
