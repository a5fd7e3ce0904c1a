import type { Platform } from '../../src/domain/connection.js';
import type { Observation } from '../../src/domain/learning/index.js';
import { normalDraw } from '../../src/domain/learning/random.js';
import { SPACE } from './space.js';

export type Effects = Record<string, Record<string, number>>;

/** ln(views at 7 d) − ln(views at 24 h) by platform, and the spread of that growth from video to video. */
const GROWTH: Record<Platform, number> = { tiktok: 0.7, instagram: 0.5, youtube: 1.0 };
const GROWTH_SD = 0.3;
const NOISE_SD = 1;
/** How much an account's audience differs from the workspace's on a factor with an effect (log scale). */
const ACCOUNT_DEVIATION_SD = 0.05;
const PLATFORMS: Platform[] = ['tiktok', 'instagram', 'youtube'];

export interface SimAccount {
  id: string;
  platform: Platform;
  baseline: number;
  /** The account's true effects: the workspace's plus its own deviation. */
  effects: Effects;
}

/** One workspace: three platform accounts publishing the same videos. */
export interface World {
  id: string;
  accounts: SimAccount[];
  /** The workspace-wide effects (what the model should find). */
  effects: Effects;
}

export function makeWorld(id: string, effects: Effects, random: () => number): World {
  const accounts = PLATFORMS.map((platform) => {
    const own: Effects = {};
    for (const [factor, levels] of Object.entries(effects)) {
      own[factor] = Object.fromEntries(
        SPACE[factor]!.map((level) => [
          level,
          (levels[level] ?? 0) + ACCOUNT_DEVIATION_SD * normalDraw(random),
        ]),
      );
    }
    return { id: `${id}-${platform}`, platform, baseline: 7 + normalDraw(random), effects: own };
  });
  return { id, accounts, effects };
}

/** Expected log views at 7 days without the noise. */
export function meanLogViews(account: SimAccount, factors: Record<string, string>): number {
  let log = account.baseline;
  for (const [factor, levels] of Object.entries(account.effects)) log += levels[factors[factor]!] ?? 0;
  return log;
}

/** Expected views at 7 days (the log-normal mean). */
export function expectedViews(account: SimAccount, factors: Record<string, string>): number {
  return Math.exp(meanLogViews(account, factors) + (NOISE_SD * NOISE_SD) / 2);
}

/** The levels an oracle that knows the account's true effects would pick. */
export function oracleFactors(account: SimAccount): Record<string, string> {
  return Object.fromEntries(
    Object.entries(SPACE).map(([factor, levels]) => {
      const effects = account.effects[factor] ?? {};
      const best = levels.reduce((a, b) => ((effects[b] ?? 0) > (effects[a] ?? 0) ? b : a));
      return [factor, best];
    }),
  );
}

/** A published post: its true views at 24 h and 7 d, revealed to the model as the days pass. */
export interface Post {
  account: SimAccount;
  videoId: string;
  factors: Record<string, string>;
  day: number;
  views24h: number;
  views7d: number;
}

export function publish(
  account: SimAccount,
  videoId: string,
  factors: Record<string, string>,
  day: number,
  random: () => number,
): Post {
  const log7d = meanLogViews(account, factors) + NOISE_SD * normalDraw(random);
  const log24h = log7d - GROWTH[account.platform] + GROWTH_SD * normalDraw(random);
  return {
    account,
    videoId,
    factors,
    day,
    views24h: Math.round(Math.exp(log24h)),
    views7d: Math.round(Math.exp(log7d)),
  };
}

const EPOCH = Date.UTC(2026, 0, 5);
const DAY_MS = 86_400_000;

/** What is known of a post on `today`: its 24 h reading after a day, its 7-day reading after a week. */
export function observationOn(post: Post, today: number): Observation | null {
  const age = today - post.day;
  if (age < 1) return null;
  const snapshots = [{ ageHours: 24, views: post.views24h }];
  if (age >= 7) snapshots.push({ ageHours: 168, views: post.views7d });
  return {
    videoId: post.videoId,
    accountId: post.account.id,
    platform: post.account.platform,
    factors: post.factors,
    publishedAt: new Date(EPOCH + post.day * DAY_MS).toISOString(),
    snapshots,
  };
}
