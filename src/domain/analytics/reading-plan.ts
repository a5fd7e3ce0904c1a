import { COMPARISON_AGE_HOURS, nextSnapshotAge, SNAPSHOT_AGES_HOURS } from './snapshot-schedule.js';
import type { StatsSnapshot, TrackedVideo } from './stats.js';

const HOUR_MS = 3_600_000;
/** A reading may be taken this share of its age early, to fill a call that is made anyway… */
const PULL_FORWARD_SHARE = 0.1;
/** …but never more than an hour early ("about 1 h, 6 h, 24 h…"). */
const PULL_FORWARD_MAX_HOURS = 1;

/** Hours between `publishedAt` and `at` (fractional). */
export function ageInHours(publishedAt: string, at: number): number {
  return (at - Date.parse(publishedAt)) / HOUR_MS;
}

/** The instant a video published at `publishedAt` reaches `ageHours`. */
export function instantAtAge(publishedAt: string, ageHours: number): string {
  return new Date(Date.parse(publishedAt) + ageHours * HOUR_MS).toISOString();
}

/** The largest planned age at or below `ageHours`; null when younger than the first (1 h). */
export function plannedAgeAtOrBefore(ageHours: number): number | null {
  let found: number | null = null;
  for (const age of SNAPSHOT_AGES_HOURS) if (age <= ageHours) found = age;
  return found;
}

/**
 * The planned age a reading stands for: the age it was due for, or, when it comes late (the app was down, the
 * clock jumped, the account waited for a reconnect), the latest planned age it has reached. Ages it slept
 * through are gone: the past cannot be read.
 */
export function readingAge(dueAgeHours: number, actualAgeHours: number): number {
  return Math.max(dueAgeHours, plannedAgeAtOrBefore(actualAgeHours) ?? dueAgeHours);
}

/** How long before it is due a reading at `ageHours` may be pulled forward: 10 % of the age, at most 1 h. */
export function pullForwardMs(ageHours: number): number {
  return Math.min(PULL_FORWARD_SHARE * ageHours, PULL_FORWARD_MAX_HOURS) * HOUR_MS;
}

/**
 * Splits one connection's readings into calls of at most `maxIds`: every due reading, in the fewest calls
 * (ceil(due / maxIds)), with the free places of the last call filled by readings due soon (earliest first,
 * within their pull-forward window). Filling never adds a call, so calls stay the theoretical minimum.
 */
export function planCalls<V extends Pick<TrackedVideo, 'nextSnapshotAt'>>(
  due: V[],
  soon: V[],
  maxIds: number,
): V[][] {
  const calls: V[][] = [];
  for (let i = 0; i < due.length; i += maxIds) calls.push(due.slice(i, i + maxIds));
  const last = calls[calls.length - 1];
  if (last) last.push(...soon.slice(0, maxIds - last.length));
  return calls;
}

/** Whether `video`'s next reading is due at `now` (ms), or may be pulled forward to it. */
export function dueness(video: TrackedVideo, now: number): 'due' | 'soon' | 'later' {
  if (!video.nextSnapshotAt || video.nextSnapshotAgeHours === null) return 'later';
  const at = Date.parse(video.nextSnapshotAt);
  if (at <= now) return 'due';
  return at - now <= pullForwardMs(video.nextSnapshotAgeHours) ? 'soon' : 'later';
}

/**
 * The video after a reading: the newest numbers (ok readings only), the state of this reading, views at the
 * comparison age, and the next planned reading (none after 90 days).
 */
export function afterReading(video: TrackedVideo, reading: StatsSnapshot): TrackedVideo {
  const ok = reading.state === 'ok' && reading.counters !== null;
  const next = nextSnapshotAge(reading.scheduledAgeHours);
  const comparison = ok && reading.scheduledAgeHours === COMPARISON_AGE_HOURS;
  return {
    ...video,
    latest: ok ? reading.counters : video.latest,
    latestAt: ok ? reading.takenAt : video.latestAt,
    latestState: reading.state,
    viewsAt7d: comparison ? (reading.counters?.views ?? video.viewsAt7d) : video.viewsAt7d,
    nextSnapshotAgeHours: next,
    nextSnapshotAt: next === null ? null : instantAtAge(video.publishedAt, next),
    updatedAt: reading.takenAt,
  };
}

/**
 * Where a newly tracked video's schedule starts: its first planned age, or for an older post (an import, a post
 * id that came late), the latest planned age it has reached, due now. A post past 90 days gets that one reading.
 */
export function firstReading(publishedAt: string, now: number): { ageHours: number; at: string } {
  const reached = plannedAgeAtOrBefore(ageInHours(publishedAt, now));
  if (reached === null) {
    const first = SNAPSHOT_AGES_HOURS[0] ?? 1;
    return { ageHours: first, at: instantAtAge(publishedAt, first) };
  }
  return { ageHours: reached, at: new Date(now).toISOString() };
}
