import { describe, expect, it } from 'vitest';
import { fitModel, priorFrom, recommend } from '../../../src/domain/learning/index.js';
import { ACCOUNTS, syntheticObservations } from './synthetic.js';

const others = ACCOUNTS.map((account, i) =>
  fitModel(syntheticObservations({ videos: 250, seed: 40 + i, accounts: [account] })),
);
const newcomer = { id: 'new', platform: 'tiktok' as const, baseline: 5 };

function hookCard(model: ReturnType<typeof fitModel>) {
  return recommend(model).find((r) => r.factor === 'hookStyle')!;
}

describe('priorFrom', () => {
  it('averages what other accounts learned, relative to their typical level', () => {
    const prior = priorFrom(others);
    const hook = prior.effects.hookStyle!;
    expect(hook.question!.mean).toBeGreaterThan(0.25);
    expect(hook['bold-claim']!.mean).toBeLessThan(0);
    const sum = Object.values(hook).reduce((s, e) => s + e.mean, 0);
    expect(Math.abs(sum)).toBeLessThan(1e-9);
    expect(prior.noiseSd).toBeGreaterThan(0.8);
    expect(prior.noiseSd).toBeLessThan(1.2);
    expect(prior.baselineMean).toBeGreaterThan(6);
    expect(prior.baselineMean).toBeLessThan(8);
  });

  it("shrinks a new account with a handful of videos toward the others' effects", () => {
    const few = syntheticObservations({ videos: 5, seed: 50, accounts: [newcomer] });
    const alone = hookCard(fitModel(few));
    const helped = hookCard(fitModel(few, { prior: priorFrom(others) }));
    expect(helped.bestLevel).toBe('question');
    expect(helped.multiplier.median).toBeGreaterThan(1.3);
    expect(helped.probabilityBest).toBeGreaterThan(alone.probabilityBest);
  });

  it('lets the new account’s own data win over the prior once it has plenty', () => {
    // The new account's audience prefers stories, unlike the others.
    const effects = { hookStyle: { story: 0.6 } };
    const many = syntheticObservations({ videos: 300, seed: 51, accounts: [newcomer], effects });
    expect(hookCard(fitModel(many, { prior: priorFrom(others) })).bestLevel).toBe('story');
  });

  it('starts from wide defaults when there are no other accounts', () => {
    const prior = priorFrom([]);
    expect(prior.effects).toEqual({});
    expect(Number.isFinite(prior.baselineMean)).toBe(true);
    expect(prior.baselineSd).toBeGreaterThan(1);
  });
});
