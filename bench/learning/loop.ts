import type { Observation } from '../../src/domain/learning/index.js';
import { seededRandom } from '../../src/domain/learning/random.js';
import type { Strategy } from './strategies.js';
import { expectedViews, observationOn, oracleFactors, publish, type Post, type World } from './world.js';

export const WEEKS = 8;
export const DAYS = WEEKS * 7;

export interface LoopResult {
  posts: Post[];
  /** Expected views of the posts under the strategy's choices, and under the oracle's. */
  earned: number;
  oracle: number;
  /** Posts whose 7-day views fell inside the 80 % range predicted before publishing, of those predicted. */
  covered: number;
  predicted: number;
}

export function observationsOn(posts: Post[], today: number): Observation[] {
  return posts.flatMap((post) => observationOn(post, today) ?? []);
}

/**
 * One world under one strategy: `videos` videos spread evenly over `days`, each published on every account of the
 * workspace. Before each day's videos the strategy sees what is known by then. The world's noise comes from
 * `noiseSeed` in the same order for every strategy, so strategies are compared on the same luck.
 */
export function runLoop(
  world: World,
  strategy: Strategy,
  options: { videos: number; days: number; noiseSeed: number; choiceSeed: number },
): LoopResult {
  const noise = seededRandom(options.noiseSeed);
  const choice = seededRandom(options.choiceSeed);
  const posts: Post[] = [];
  const result: LoopResult = { posts, earned: 0, oracle: 0, covered: 0, predicted: 0 };
  let video = 0;
  for (let day = 0; day < options.days; day++) {
    const dueBy = Math.round(((day + 1) * options.videos) / options.days);
    if (video >= dueBy) continue;
    const chooser = strategy(day, posts, observationsOn(posts, day));
    for (; video < dueBy; video++) {
      const factors = chooser.next(choice);
      for (const account of world.accounts) {
        const range = chooser.predict?.(account, factors);
        const post = publish(account, `${account.id}-v${video}`, factors, day, noise);
        posts.push(post);
        result.earned += expectedViews(account, factors);
        result.oracle += expectedViews(account, oracleFactors(account));
        if (range) {
          result.predicted += 1;
          if (post.views7d >= range.low80 && post.views7d <= range.high80) result.covered += 1;
        }
      }
    }
  }
  return result;
}
