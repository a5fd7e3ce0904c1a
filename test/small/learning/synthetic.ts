import type { Platform } from '../../../src/domain/connection.js';
import type { Observation } from '../../../src/domain/learning/index.js';
import { normalDraw, seededRandom } from '../../../src/domain/learning/random.js';

/** A small factor space for the tests: two factors with planted effects and two without. */
export const SPACE: Record<string, string[]> = {
  hookStyle: ['question', 'statistic', 'story', 'bold-claim', 'how-to'],
  duration: ['10-20s', '21-40s', '41-60s', '61-90s'],
  voice: ['alto', 'bass', 'tenor'],
  music: ['none', 'builtin:calm', 'builtin:bright'],
};

/** Log-scale effects: hook "question" and short videos win; voice and music do nothing. */
export const PLANTED: Record<string, Record<string, number>> = {
  hookStyle: { question: 0.5, statistic: 0, story: 0.1, 'bold-claim': -0.2, 'how-to': 0 },
  duration: { '10-20s': 0.4, '21-40s': 0.1, '41-60s': -0.1, '61-90s': -0.4 },
};

export const ACCOUNTS: { id: string; platform: Platform; baseline: number }[] = [
  { id: 'tt', platform: 'tiktok', baseline: 8 },
  { id: 'ig', platform: 'instagram', baseline: 7 },
  { id: 'yt', platform: 'youtube', baseline: 6 },
];

export interface SyntheticOptions {
  videos: number;
  seed: number;
  accounts?: typeof ACCOUNTS;
  effects?: Record<string, Record<string, number>>;
  noiseSd?: number;
  /** Share of videos known only by their 24 h reading (views at 24 h = 7-day views ÷ 2, times growth noise). */
  earlyShare?: number;
}

export function trueLogViews(
  account: { baseline: number },
  factors: Record<string, string>,
  effects: Record<string, Record<string, number>> = PLANTED,
): number {
  let log = account.baseline;
  for (const [factor, levels] of Object.entries(effects)) log += levels[factors[factor]!] ?? 0;
  return log;
}

/** Videos with random levels, each published on every account; 7-day readings (or only 24 h ones). */
export function syntheticObservations(options: SyntheticOptions): Observation[] {
  const random = seededRandom(options.seed);
  const accounts = options.accounts ?? ACCOUNTS;
  const observations: Observation[] = [];
  for (let v = 0; v < options.videos; v++) {
    const factors = Object.fromEntries(
      Object.entries(SPACE).map(([name, levels]) => [name, levels[Math.floor(random() * levels.length)]!]),
    );
    const early = random() < (options.earlyShare ?? 0);
    for (const account of accounts) {
      const log =
        trueLogViews(account, factors, options.effects) + (options.noiseSd ?? 1) * normalDraw(random);
      const at24h = Math.round(Math.exp(log - Math.log(2) + 0.2 * normalDraw(random)));
      observations.push({
        videoId: `v${v}-${account.id}`,
        accountId: account.id,
        platform: account.platform,
        factors,
        publishedAt: new Date(Date.UTC(2025, 0, 1) + v * 3_600_000).toISOString(),
        snapshots: early
          ? [{ ageHours: 24, views: at24h }]
          : [
              { ageHours: 24, views: at24h },
              { ageHours: 168, views: Math.round(Math.exp(log)) },
            ],
      });
    }
  }
  return observations;
}
