import type { Brief } from '../content.js';

/** The parameters the product controls and the learning loop varies, by name. */
export const FACTORS = [
  'hookStyle',
  'duration',
  'postingHour',
  'weekday',
  'voice',
  'captionStyle',
  'stylePreset',
  'music',
  'topic',
] as const;
export type FactorName = (typeof FACTORS)[number];

export const HOOK_STYLES = ['question', 'statistic', 'story', 'bold-claim', 'how-to'] as const;
export type HookStyle = (typeof HOOK_STYLES)[number];

export const DURATION_LEVELS = ['10-20s', '21-40s', '41-60s', '61-90s'] as const;
/** Posting time in three-hour blocks of the account's time zone: enough videos per level to learn from. */
export const POSTING_HOUR_LEVELS = [
  '00-03',
  '03-06',
  '06-09',
  '09-12',
  '12-15',
  '15-18',
  '18-21',
  '21-24',
] as const;
export const WEEKDAY_LEVELS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export function durationLevel(seconds: number): string {
  if (seconds <= 20) return '10-20s';
  if (seconds <= 40) return '21-40s';
  if (seconds <= 60) return '41-60s';
  return '61-90s';
}

/** Hour block and weekday of an instant in a time zone (UTC when none or unknown). */
export function postingTimeLevels(
  at: string,
  timeZone: string | null,
): { postingHour: string; weekday: string } {
  const date = new Date(at);
  let hour = date.getUTCHours();
  let day = date.getUTCDay();
  if (timeZone) {
    try {
      const parts = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hour: 'numeric',
        hourCycle: 'h23',
        weekday: 'short',
      }).formatToParts(date);
      hour = Number(parts.find((p) => p.type === 'hour')?.value ?? hour);
      const weekday = parts
        .find((p) => p.type === 'weekday')
        ?.value.toLowerCase()
        .slice(0, 3);
      const index = WEEKDAY_LEVELS.findIndex((w) => w === weekday);
      if (index >= 0) day = index;
    } catch {
      // An unknown zone falls back to UTC.
    }
  }
  const block = Math.floor(hour / 3);
  return { postingHour: POSTING_HOUR_LEVELS[block] ?? '00-03', weekday: WEEKDAY_LEVELS[day] ?? 'sun' };
}

/** Music as a level: library uploads are one level (their ids would never repeat enough to learn from). */
export function musicLevel(music: string): string {
  return music.startsWith('library:') ? 'library' : music;
}

/** The factors of a video the product made from `brief` and published at `publishedAt`. */
export function factorsOfBrief(
  brief: Brief & { hookStyle?: string },
  publishedAt: string,
  timeZone: string | null,
): Record<string, string> {
  return {
    ...(brief.hookStyle ? { hookStyle: brief.hookStyle } : {}),
    duration: durationLevel(brief.durationSeconds),
    ...postingTimeLevels(publishedAt, timeZone),
    voice: brief.voice,
    captionStyle: brief.captionStyle,
    stylePreset: brief.stylePreset,
    music: musicLevel(brief.music),
  };
}

/** What can be observed of an imported post: its duration and posting time. */
export function observedFactors(post: {
  durationSec: number | null;
  publishedAt: string;
}): Record<string, string> {
  return {
    ...(post.durationSec === null ? {} : { duration: durationLevel(post.durationSec) }),
    ...postingTimeLevels(post.publishedAt, null),
  };
}
