import type { MultiplierRange } from '../../domain/learning/index.js';

// Acklam's rational approximation of the standard normal quantile (relative error below 1.2e-9).
const A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

const poly = (coefficients: number[], x: number): number => coefficients.reduce((sum, c) => sum * x + c, 0);

/** The standard normal quantile Φ⁻¹(p) for 0 < p < 1. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`a probability strictly between 0 and 1, got ${p}`);
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(C, q) / (poly(D, q) * q + 1);
  }
  if (p > 1 - P_LOW) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (poly(A, r) * q) / (poly(B, r) * r + 1);
}

const Z_90 = normalQuantile(0.9);

/**
 * `count` quantiles of the log-normal whose median and 80 % range are given, at (i + 0.5) / count: each dot of
 * a quantile dotplot stands for an equally likely 1/count of outcomes. The log-scale spread is read from the
 * width of the 80 % range, so a prediction that is surer draws tighter dots.
 */
export function quantileDots(range: MultiplierRange, count = 20): number[] {
  const mu = Math.log(range.median);
  const sigma = Math.max(0, (Math.log(range.high80) - Math.log(range.low80)) / (2 * Z_90));
  return Array.from({ length: count }, (_, i) => Math.exp(mu + sigma * normalQuantile((i + 0.5) / count)));
}
