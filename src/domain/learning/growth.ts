import { COMPARISON_AGE_HOURS, SNAPSHOT_AGES_HOURS } from '../analytics/snapshot-schedule.js';
import type { Platform } from '../connection.js';
import type { Observation } from './types.js';

/**
 * How views grow with age, to place every video at the comparison age (7 days) before its 7-day reading exists.
 * The shift of a reading at age t is ln(views at 7 d) − ln(views at t). Before any data a default curve is used
 * (views grow as t^0.4 up to 7 days, as t^0.1 after; its spread grows with the distance in log-age); each platform
 * then learns an offset from that curve, and its spread, per planned age from the videos that have both readings.
 */
const EARLY_EXPONENT = 0.4;
const LATE_EXPONENT = 0.1;
const DEFAULT_SD_PER_LOG_AGE = 0.2;
/** The default curve counts as this many pairs against the learned ones. */
const DEFAULT_WEIGHT = 3;

export interface GrowthCell {
  pairs: number;
  /** Mean difference from the default curve. */
  meanOffset: number;
  /** Spread of the differences around their mean. */
  variance: number;
}

/** Learned offsets from the default curve, by `${platform}:${planned age}`. */
export interface GrowthRelation {
  readonly cells: Record<string, GrowthCell>;
}

export interface Shift {
  mean: number;
  variance: number;
}

/** ln(1 + views): the model's scale (0 views stays finite; a count of 0 is a real count). */
export function logViews(views: number): number {
  return Math.log1p(views);
}

function defaultShift(ageHours: number): number {
  const ratio = Math.log(COMPARISON_AGE_HOURS / ageHours);
  return ratio > 0 ? EARLY_EXPONENT * ratio : LATE_EXPONENT * ratio;
}

function defaultVariance(ageHours: number): number {
  return (DEFAULT_SD_PER_LOG_AGE * Math.log(COMPARISON_AGE_HOURS / ageHours)) ** 2;
}

/** The planned age nearest to an actual one on the log scale (readings are taken "about" on time). */
function plannedAge(ageHours: number): number {
  let best = SNAPSHOT_AGES_HOURS[0]!;
  for (const age of SNAPSHOT_AGES_HOURS) {
    if (Math.abs(Math.log(age / ageHours)) < Math.abs(Math.log(best / ageHours))) best = age;
  }
  return best;
}

interface Reading {
  ageHours: number;
  views: number;
}

/** Readings with numbers: `views: null` means no data and is never read as 0. */
export function usableReadings(observation: Observation): Reading[] {
  return observation.snapshots.filter(
    (s): s is Reading => s.views !== null && Number.isFinite(s.views) && s.views >= 0 && s.ageHours > 0,
  );
}

/** The reading closest to 7 days when one was planned for 7 days, else null. */
function sevenDayReading(readings: Reading[]): Reading | null {
  let best: Reading | null = null;
  for (const reading of readings) {
    if (plannedAge(reading.ageHours) !== COMPARISON_AGE_HOURS) continue;
    const distance = Math.abs(Math.log(reading.ageHours / COMPARISON_AGE_HOURS));
    if (!best || distance < Math.abs(Math.log(best.ageHours / COMPARISON_AGE_HOURS))) best = reading;
  }
  return best;
}

export function learnGrowth(observations: Observation[]): GrowthRelation {
  const sums: Record<string, { n: number; sum: number; sumSquares: number }> = {};
  for (const observation of observations) {
    const readings = usableReadings(observation);
    const seven = sevenDayReading(readings);
    if (!seven) continue;
    const at7d = logViews(seven.views) + defaultShift(seven.ageHours);
    for (const reading of readings) {
      const planned = plannedAge(reading.ageHours);
      if (planned === COMPARISON_AGE_HOURS) continue;
      const offset = at7d - logViews(reading.views) - defaultShift(reading.ageHours);
      const key = `${observation.platform}:${planned}`;
      const cell = (sums[key] ??= { n: 0, sum: 0, sumSquares: 0 });
      cell.n += 1;
      cell.sum += offset;
      cell.sumSquares += offset * offset;
    }
  }
  const cells: Record<string, GrowthCell> = {};
  for (const [key, { n, sum, sumSquares }] of Object.entries(sums)) {
    const meanOffset = sum / n;
    cells[key] = { pairs: n, meanOffset, variance: Math.max(0, sumSquares / n - meanOffset * meanOffset) };
  }
  return { cells };
}

/** ln(views at 7 d) − ln(views at `ageHours`) on `platform`, with its uncertainty. */
export function shiftTo7d(relation: GrowthRelation, platform: Platform, ageHours: number): Shift {
  const planned = plannedAge(ageHours);
  const base = { mean: defaultShift(ageHours), variance: defaultVariance(ageHours) };
  const cell = relation.cells[`${platform}:${planned}`];
  if (planned === COMPARISON_AGE_HOURS || !cell) return base;
  // The learned offset is shrunk toward the default curve, and its spread pooled with the default spread.
  const weight = cell.pairs / (cell.pairs + DEFAULT_WEIGHT);
  const spread =
    (DEFAULT_WEIGHT * base.variance + cell.pairs * cell.variance) / (cell.pairs + DEFAULT_WEIGHT);
  return {
    mean: base.mean + weight * cell.meanOffset,
    variance: spread * (1 + 1 / (cell.pairs + DEFAULT_WEIGHT)),
  };
}

/** Log views at 7 days from the reading that places it most surely, or null when there is no usable reading. */
export function logViewsAt7d(
  relation: GrowthRelation,
  observation: Observation,
): { value: number; variance: number } | null {
  let best: { value: number; variance: number } | null = null;
  for (const reading of usableReadings(observation)) {
    const shift = shiftTo7d(relation, observation.platform, reading.ageHours);
    if (!best || shift.variance < best.variance) {
      best = { value: logViews(reading.views) + shift.mean, variance: shift.variance };
    }
  }
  return best;
}
