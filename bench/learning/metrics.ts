/** Mean of a list (NaN when empty). */
export function mean(values: number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** Mean of the worst `share` of the values (e.g. the worst 10 % of worlds). */
export function worstShareMean(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return mean(sorted.slice(0, Math.max(1, Math.round(sorted.length * share))));
}

/**
 * Expected calibration error of stated probabilities against outcomes: bins of width 0.1, each bin's
 * |mean stated − share true| weighted by its size.
 */
export function expectedCalibrationError(pairs: { probability: number; correct: boolean }[]): number {
  const bins = Array.from({ length: 10 }, () => ({ stated: 0, correct: 0, count: 0 }));
  for (const { probability, correct } of pairs) {
    const bin = bins[Math.min(9, Math.floor(probability * 10))]!;
    bin.stated += probability;
    bin.correct += correct ? 1 : 0;
    bin.count += 1;
  }
  return bins.reduce((s, b) => s + (b.count === 0 ? 0 : Math.abs(b.stated - b.correct)), 0) / pairs.length;
}
