import { describe, expect, it } from 'vitest';
import { fitModel, predictViews } from '../../../src/domain/learning/index.js';
import { ACCOUNTS, syntheticObservations, trueLogViews } from './synthetic.js';

const FACTORS = { hookStyle: 'question', duration: '10-20s', voice: 'alto', music: 'none' };

function width(range: { low80: number; high80: number }): number {
  return Math.log(range.high80 / range.low80);
}

describe('predictViews', () => {
  it('gives a wider range with fewer videos behind it', () => {
    // Averaged over a few histories: one small sample can happen to look tight.
    const seeds = [30, 31, 32, 33, 34];
    const averageWidth = (videos: number): number =>
      seeds
        .map((seed) => fitModel(syntheticObservations({ videos, seed })))
        .map((model) => width(predictViews(model, 'tt', 'tiktok', FACTORS, 168)))
        .reduce((sum, w) => sum + w, 0) / seeds.length;
    expect(averageWidth(5)).toBeGreaterThan(averageWidth(300) * 1.1);
    const narrow = predictViews(
      fitModel(syntheticObservations({ videos: 300, seed: 30 })),
      'tt',
      'tiktok',
      FACTORS,
      168,
    );
    expect(narrow.low80).toBeLessThan(narrow.median);
    expect(narrow.median).toBeLessThan(narrow.high80);
  });

  it('covers about 80 % of the next videos’ 7-day views', () => {
    const model = fitModel(syntheticObservations({ videos: 300, seed: 31 }));
    const next = syntheticObservations({ videos: 300, seed: 32 });
    const inside = next.filter((o) => {
      const range = predictViews(model, o.accountId, o.platform, o.factors, 168);
      const views = o.snapshots.find((s) => s.ageHours === 168)!.views!;
      return views >= range.low80 && views <= range.high80;
    }).length;
    expect(inside / next.length).toBeGreaterThan(0.74);
    expect(inside / next.length).toBeLessThan(0.86);
  });

  it('centres on the true typical views and expects fewer views at a younger age', () => {
    const model = fitModel(syntheticObservations({ videos: 300, seed: 33 }));
    const at7d = predictViews(model, 'tt', 'tiktok', FACTORS, 168);
    const truth = Math.exp(trueLogViews(ACCOUNTS[0]!, FACTORS));
    expect(Math.abs(Math.log(at7d.median / truth))).toBeLessThan(0.25);
    const at24h = predictViews(model, 'tt', 'tiktok', FACTORS, 24);
    expect(at24h.median / at7d.median).toBeGreaterThan(0.35);
    expect(at24h.median / at7d.median).toBeLessThan(0.65);
  });

  it('is less sure of an account it has never seen', () => {
    const model = fitModel(syntheticObservations({ videos: 100, seed: 34 }));
    const known = predictViews(model, 'tt', 'tiktok', FACTORS, 168);
    const unknown = predictViews(model, 'new', 'tiktok', FACTORS, 168);
    expect(width(unknown)).toBeGreaterThan(width(known));
  });
});
