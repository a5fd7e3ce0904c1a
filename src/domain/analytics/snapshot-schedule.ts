const DAY = 24;

/** Planned reading ages in hours: 1 h, 6 h, 24 h, 48 h, 7 d, 28 d, then weekly to 90 d. */
export const SNAPSHOT_AGES_HOURS: readonly number[] = [
  1,
  6,
  DAY,
  2 * DAY,
  7 * DAY,
  28 * DAY,
  35 * DAY,
  42 * DAY,
  49 * DAY,
  56 * DAY,
  63 * DAY,
  70 * DAY,
  77 * DAY,
  84 * DAY,
  90 * DAY,
];

/** The age videos are compared at (leaderboard, learning loop): 7 days. */
export const COMPARISON_AGE_HOURS = 7 * DAY;

/** The first planned age strictly after `ageHours`, or null when the schedule is over. */
export function nextSnapshotAge(ageHours: number): number | null {
  return SNAPSHOT_AGES_HOURS.find((age) => age > ageHours) ?? null;
}
