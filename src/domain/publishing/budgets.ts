/**
 * Platform budgets checked before a publication starts, so a limit defers it with a visible reason instead of
 * failing it. Pure: the caller counts what already started and passes the numbers.
 */

const MINUTE_MS = 60_000;
// A little after the reset, so our clock and the platform's need not agree to the second.
const RESET_MARGIN_MS = 5 * MINUTE_MS;
/** YouTube's quota day ends at midnight Pacific time. */
export const YOUTUBE_QUOTA_ZONE = 'America/Los_Angeles';
/** TikTok's daily cap is counted here per UTC day (TikTok's own window rolls; its refusal also defers). */
export const TIKTOK_DAY_ZONE = 'UTC';

export type BudgetVerdict = 'go' | { reason: string; until: number };

/** The start (epoch ms) of the calendar day that contains `ms` in `zone`. */
export function dayStart(zone: string, ms: number): number {
  const local = ms + zoneOffsetMs(zone, ms);
  const localMidnight = local - mod(local, 86_400_000);
  // The offset at midnight may differ from the offset now (a daylight-saving change that day).
  const guess = localMidnight - zoneOffsetMs(zone, ms);
  return localMidnight - zoneOffsetMs(zone, guess);
}

/** The start of the next calendar day after the one containing `ms` in `zone` (days are 23 to 25 h long). */
export function nextDayStart(zone: string, ms: number): number {
  return dayStart(zone, dayStart(zone, ms) + 36 * 3_600_000);
}

/** "14:05": the time of day of `ms` in `zone`, as the deferral sentence shows it. */
export function clockTime(ms: number, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(ms));
}

/** True when `zone` is an IANA zone this runtime knows. */
export function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * TikTok: at most `perMinute` inits a minute from one account, and `dailyCap` posts a day per creator.
 * `displayZone` is the person's zone, for the time in the sentence.
 */
export function tiktokBudget(input: {
  startedLastMinute: number;
  startedToday: number;
  perMinute: number;
  dailyCap: number;
  now: number;
  displayZone: string;
}): BudgetVerdict {
  const { now, displayZone } = input;
  if (input.startedToday >= input.dailyCap) {
    const until = nextDayStart(TIKTOK_DAY_ZONE, now) + RESET_MARGIN_MS;
    return {
      reason: `TikTok's daily limit for this account is reached; it will go at ${clockTime(until, displayZone)}`,
      until,
    };
  }
  if (input.startedLastMinute >= input.perMinute) {
    const until = now + MINUTE_MS;
    return {
      reason: `TikTok takes at most ${input.perMinute} posts a minute from one account; it will go at ${clockTime(until, displayZone)}`,
      until,
    };
  }
  return 'go';
}

/** YouTube: the project's daily quota, in units, against the cost of one upload; it resets at midnight Pacific. */
export function youtubeBudget(input: {
  startedToday: number;
  dailyUnits: number;
  costPerUpload: number;
  now: number;
  displayZone: string;
}): BudgetVerdict {
  const used = input.startedToday * input.costPerUpload;
  if (used + input.costPerUpload <= input.dailyUnits) return 'go';
  const until = nextDayStart(YOUTUBE_QUOTA_ZONE, input.now) + RESET_MARGIN_MS;
  return {
    reason: `YouTube's daily upload quota is used up; it will go at ${clockTime(until, input.displayZone)}`,
    until,
  };
}

// How far the zone's wall clock is ahead of UTC at `ms` (whole seconds).
function zoneOffsetMs(zone: string, ms: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - (ms - mod(ms, 1000));
}

function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}
