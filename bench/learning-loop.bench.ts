import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  fitModel,
  priorFrom,
  recommend,
  type LearningModel,
  type Observation,
} from '../src/domain/learning/index.js';
import { normalDraw, seededRandom } from '../src/domain/learning/random.js';
import { coverageLine, runStatsSync } from './analytics/stats-sync-run.js';
import { DAYS, observationsOn, runLoop, type LoopResult } from './learning/loop.js';
import { expectedCalibrationError, mean, worstShareMean } from './learning/metrics.js';
import { PLANTED, randomChoiceRatio, SPACE, WITH_EFFECT, WITHOUT_EFFECT } from './learning/space.js';
import { bestTimeHeatmap, productChoice, randomChoice } from './learning/strategies.js';
import { makeWorld, type Effects, type World } from './learning/world.js';

/**
 * `npm run bench:learning-loop`: simulated workspaces (three platform accounts each) publish their videos in sequence
 * while the product refits every day and picks the next videos' levels; random choice and a best-time heatmap run on
 * the same worlds with the same luck, and an oracle that knows the true effects sets the yardstick (L1–L4).
 */
const { values: args } = parseArgs({
  options: {
    worlds: { type: 'string', default: '100' },
    videos: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
    quick: { type: 'boolean', default: false },
  },
});
const quick = args.quick ?? false;
const WORLDS = quick ? 6 : Number(args.worlds);
const VIDEOS = quick ? 80 : Number(args.videos);
const SEED = Number(args.seed);
/** A new account's first videos (L4), and the ages at which probabilityBest is checked (L3). */
const COLD_START_VIDEOS = 30;
const CHECK_DAYS = [14, 28, 42, DAYS];
/** Spread of the random effect sizes of the calibration worlds: each factor gets its own, up to this. */
const MAX_RANDOM_EFFECT_SD = 0.3;

function progress(label: string, done: number, total: number): void {
  if (done % 10 === 0 || done === total) process.stderr.write(`  ${label} ${done}/${total}\n`);
}

function ratio(result: LoopResult): number {
  return result.earned / result.oracle;
}

function loopOptions(w: number, videos: number, days: number) {
  return { videos, days, noiseSeed: SEED * 1_000_003 + w, choiceSeed: SEED * 7919 + w };
}

/** L1–L3 on worlds with the planted effects. */
function plantedWorlds() {
  const ratios = { product: [] as number[], random: [] as number[], heatmap: [] as number[] };
  const models: LearningModel[] = [];
  let allFound = 0;
  const foundByFactor = new Map<string, number>();
  let nullWinners = 0;
  let covered = 0;
  let predicted = 0;
  for (let w = 0; w < WORLDS; w++) {
    const world = makeWorld(`w${w}`, PLANTED, seededRandom(SEED * 31 + w));
    const options = loopOptions(w, VIDEOS, DAYS);
    const product = runLoop(world, productChoice(), options);
    ratios.product.push(ratio(product));
    ratios.random.push(ratio(runLoop(world, randomChoice, options)));
    ratios.heatmap.push(ratio(runLoop(world, bestTimeHeatmap, options)));
    covered += product.covered;
    predicted += product.predicted;

    const model = fitModel(observationsOn(product.posts, DAYS));
    models.push(model);
    const cards = recommend(model);
    const found = WITH_EFFECT.filter((factor) => {
      const best = Object.entries(PLANTED[factor]!).sort((a, b) => b[1] - a[1])[0]![0];
      return cards.find((c) => c.factor === factor)?.bestLevel === best;
    });
    for (const factor of found) foundByFactor.set(factor, (foundByFactor.get(factor) ?? 0) + 1);
    if (found.length === WITH_EFFECT.length) allFound += 1;
    nullWinners += cards.filter((c) => WITHOUT_EFFECT.includes(c.factor) && c.verdict === 'winner').length;
    progress('planted worlds', w + 1, WORLDS);
  }
  return { ratios, models, allFound, foundByFactor, nullWinners, covered, predicted };
}

function randomEffects(random: () => number): Effects {
  return Object.fromEntries(
    Object.entries(SPACE).map(([factor, levels]) => {
      const sd = MAX_RANDOM_EFFECT_SD * random();
      return [factor, Object.fromEntries(levels.map((level) => [level, sd * normalDraw(random)]))];
    }),
  );
}

/** L3's calibration of probabilityBest: worlds whose effect sizes are random, checked every other week. */
function calibrationWorlds(count: number) {
  const pairs: { probability: number; correct: boolean }[] = [];
  const ratios: number[] = [];
  const randomRatios: number[] = [];
  for (let w = 0; w < count; w++) {
    const index = 10_000 + w;
    const random = seededRandom(SEED * 31 + index);
    const world = makeWorld(`c${w}`, randomEffects(random), random);
    const options = loopOptions(index, VIDEOS, DAYS);
    const result = runLoop(world, productChoice(), options);
    ratios.push(ratio(result));
    randomRatios.push(ratio(runLoop(world, randomChoice, options)));
    for (const day of CHECK_DAYS) {
      for (const card of recommend(fitModel(observationsOn(result.posts, day)))) {
        const effects = world.effects[card.factor]!;
        const best = Math.max(...Object.values(effects));
        pairs.push({ probability: card.probabilityBest, correct: effects[card.bestLevel] === best });
      }
    }
    progress('calibration worlds', w + 1, count);
  }
  return { ece: expectedCalibrationError(pairs), pairs: pairs.length, ratios, randomRatios };
}

/** L4: new workspaces' first videos, with the prior from the planted worlds' models and without it. */
function coldStart(count: number, models: LearningModel[]) {
  const prior = priorFrom(models);
  const days = Math.ceil((COLD_START_VIDEOS * DAYS) / VIDEOS);
  const ratios = { withPrior: [] as number[], withoutPrior: [] as number[], random: [] as number[] };
  for (let w = 0; w < count; w++) {
    const index = 20_000 + w;
    const world: World = makeWorld(`n${w}`, PLANTED, seededRandom(SEED * 31 + index));
    const options = loopOptions(index, COLD_START_VIDEOS, days);
    ratios.withPrior.push(ratio(runLoop(world, productChoice(prior), options)));
    ratios.withoutPrior.push(ratio(runLoop(world, productChoice(), options)));
    ratios.random.push(ratio(runLoop(world, randomChoice, options)));
  }
  return ratios;
}

/** Median time of fitModel on one workspace's full history. */
function fitMilliseconds(observations: Observation[]): number {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    fitModel(observations);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[3]!;
}

const f2 = (x: number): string => x.toFixed(2);
const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;

async function main(): Promise<void> {
  const started = performance.now();
  console.log(
    `Learning loop: ${WORLDS} workspaces × ${VIDEOS} videos over ${DAYS} days, each on 3 platform accounts, seed ${SEED}`,
  );
  const planted = plantedWorlds();
  const calibration = calibrationWorlds(Math.max(4, Math.ceil(WORLDS / 2)));
  const cold = coldStart(Math.max(4, Math.ceil(WORLDS / 5)), planted.models);

  // One workspace's full history (200 videos on 3 accounts = 600 observations) to time a fit on.
  const world = makeWorld('timing', PLANTED, seededRandom(SEED));
  const timingRun = runLoop(world, randomChoice, loopOptions(-1, 200, DAYS));
  const observations = observationsOn(timingRun.posts, DAYS + 7);
  const fitMs = fitMilliseconds(observations);

  console.log('');
  console.log('L1 expected views ÷ oracle (same worlds, same luck)   mean    worst 10 %   target');
  console.log(
    `  product (tempered Thompson sampling)             ${f2(mean(planted.ratios.product))}    ${f2(worstShareMean(planted.ratios.product, 0.1))}         ≥ 0.75 / ≥ 0.65`,
  );
  console.log(
    `  best-time heatmap, other factors random          ${f2(mean(planted.ratios.heatmap))}    ${f2(worstShareMean(planted.ratios.heatmap, 0.1))}         (about 0.70)`,
  );
  console.log(
    `  random choice                                    ${f2(mean(planted.ratios.random))}    ${f2(worstShareMean(planted.ratios.random, 0.1))}         (about 0.52; exact expectation ${f2(randomChoiceRatio(PLANTED))})`,
  );
  console.log(
    `  product in the random-effect worlds              ${f2(mean(calibration.ratios))}    ${f2(worstShareMean(calibration.ratios, 0.1))}         (random choice there: ${f2(mean(calibration.randomRatios))})`,
  );
  console.log('L2');
  console.log(
    `  worlds where every planted best level is bestLevel   ${pct(planted.allFound / WORLDS)}   target ≥ 75 %`,
  );
  const byFactor = WITH_EFFECT.map((f) => `${f} ${pct((planted.foundByFactor.get(f) ?? 0) / WORLDS)}`);
  console.log(`    found per factor: ${byFactor.join(', ')}`);
  console.log(
    `  factors without an effect called "winner"            ${pct(planted.nullWinners / (WORLDS * WITHOUT_EFFECT.length))}   target ≤ 5 %`,
  );
  console.log('L3');
  console.log(
    `  next video's 7-day views inside its 80 % range       ${pct(planted.covered / planted.predicted)}   target 75–85 %  (${planted.predicted} posts)`,
  );
  console.log(
    `  expected calibration error of probabilityBest        ${calibration.ece.toFixed(3)}    target ≤ 0.07  (${calibration.pairs} cards)`,
  );
  console.log(`L4 a new workspace's first ${COLD_START_VIDEOS} videos ÷ oracle`);
  console.log(
    `  with priorFrom(other workspaces)                     ${f2(mean(cold.withPrior))}    target ≥ 0.60`,
  );
  console.log(`  without a prior                                      ${f2(mean(cold.withoutPrior))}`);
  console.log(`  random choice                                        ${f2(mean(cold.random))}`);
  console.log(`fitModel with ${observations.length} observations: ${fitMs.toFixed(1)} ms (median of 7)`);
  await reportSnapshotCoverage();
  console.log(`elapsed ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * L5 against the sandbox: a smaller stats sync run than bench:stats-sync's (one account per platform, 60 earlier
 * posts each, 90 days), through the same code and readers.
 */
async function reportSnapshotCoverage(): Promise<void> {
  const run = await runStatsSync({ accounts: 1, posts: 60, days: 90 });
  console.log(coverageLine(run.coverage) + `  target 100 %, 0  (${run.sweeps} sweeps, sandbox)`);
}

void main();
