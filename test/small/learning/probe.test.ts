import { it } from 'vitest';
import { fitModel, recommend, predictViews } from '../../../src/domain/learning/index.js';
import { syntheticObservations } from './synthetic.js';
it('probe', () => {
  for (const v of [8, 20, 300]) {
    const m = fitModel(syntheticObservations({ videos: v, seed: 30 }));
    console.log(v, m.noiseSd, m.factors.map(f => f.effectSd.toFixed(3)).join(' '), m.deviationSd, predictViews(m, 'tt', 'tiktok', { hookStyle: 'question', duration: '10-20s', voice: 'alto', music: 'none' }, 168));
  }
  for (const seed of [2,3,4,5,6]) {
    const m = fitModel(syntheticObservations({ videos: 200, seed }));
    const r = recommend(m);
    console.log(seed, m.factors.map(f => f.effectSd.toFixed(3)).join(' '), m.deviationSd.toFixed(3), r.map(x => `${x.factor}:${x.bestLevel}:${x.multiplier.median.toFixed(3)}[${x.multiplier.low80.toFixed(3)},${x.multiplier.high80.toFixed(3)}]p=${x.probabilityBest.toFixed(2)}:${x.verdict}`).join('  '));
  }
});
