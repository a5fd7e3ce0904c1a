/** A small seeded generator (mulberry32): the model's own Monte Carlo must not depend on the caller's randomness. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw from uniform draws (Box–Muller; 1 − u keeps the logarithm finite). */
export function normalDraw(random: () => number): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** z such that P(Z ≤ z) = 0.9 for a standard normal: the half-width of an 80 % range in standard deviations. */
export const Z80 = 1.2815515655446004;
