/** Where each dot of a quantile dotplot goes: dots in order along a log axis, stacked where they would touch. */
export interface DotplotLayout {
  dots: { value: number; cx: number; cy: number }[];
  /** Axis ticks (round numbers of views) inside the range. */
  ticks: { value: number; x: number }[];
  width: number;
  height: number;
  radius: number;
}

const NICE_STEPS = [1, 2, 5];

/** Round numbers (1, 2, 5 × 10ⁿ) between low and high, at most `max` of them, spread on the log axis. */
function niceTicks(low: number, high: number, max: number): number[] {
  const ticks: number[] = [];
  for (let power = Math.floor(Math.log10(low)); 10 ** power <= high; power++) {
    for (const step of NICE_STEPS) {
      const value = step * 10 ** power;
      if (value >= low && value <= high) ticks.push(value);
    }
  }
  if (ticks.length <= max) return ticks;
  const every = Math.ceil(ticks.length / max);
  return ticks.filter((_, i) => i % every === 0);
}

/**
 * Lays out a quantile dotplot `width` pixels wide: the x axis is log views, each dot sits at its quantile's value,
 * and a dot that would overlap the column before it stacks on top of that column instead (the classic dotplot
 * binning), so where outcomes are likelier the stacks are taller.
 */
export function layoutDotplot(values: readonly number[], width: number, radius = 7): DotplotLayout {
  const positive = values.filter((v) => v > 0);
  const low = Math.min(...positive);
  const high = Math.max(...positive);
  const pad = radius + 2;
  // A prediction with no spread still gets an axis around its one value.
  const [logLow, logHigh] =
    low === high ? [Math.log(low) - 1, Math.log(high) + 1] : [Math.log(low), Math.log(high)];
  const x = (value: number) => pad + ((Math.log(value) - logLow) / (logHigh - logLow)) * (width - 2 * pad);
  const columns: { x: number; count: number }[] = [];
  const placed = [...positive]
    .sort((a, b) => a - b)
    .map((value) => {
      const column = columns.at(-1);
      if (column && x(value) - column.x < 2 * radius) {
        column.count += 1;
        return { value, cx: column.x, level: column.count - 1 };
      }
      columns.push({ x: x(value), count: 1 });
      return { value, cx: x(value), level: 0 };
    });
  const tallest = Math.max(1, ...columns.map((c) => c.count));
  const height = tallest * 2 * radius + 2;
  return {
    dots: placed.map(({ value, cx, level }) => ({ value, cx, cy: height - radius - 1 - level * 2 * radius })),
    ticks: niceTicks(Math.exp(logLow), Math.exp(logHigh), 5).map((value) => ({ value, x: x(value) })),
    width,
    height,
    radius,
  };
}
