import type { Brief } from '../content.js';
import { firstSentenceAsks, writtenHookStyle } from '../hook-style.js';
import { keywordsOf } from '../metadata/keywords.js';
import { musicOf } from '../music/music-choice.js';

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

export { HOOK_STYLES, type HookStyle } from '../content.js';

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

/**
 * The topic as a level: its longest meaningful word (the first of equally long ones), lower-cased and without accents ("How a password manager
 * helps" → "password"), so that videos on one subject share a level; the free text would never repeat. Null when
 * no word of the topic carries meaning.
 */
export function topicLevel(topic: string, language: string): string | null {
  let longest = '';
  for (const word of keywordsOf(topic, language)) if (word.length > longest.length) longest = word;
  return longest ? longest.normalize('NFD').replace(/\p{M}/gu, '') : null;
}

/**
 * The factors fixed when a video is made (all but its posting time), under the factor names; every version records
 * them in its parameters. The hook style is the one written (a statistic without a number is a question), and is
 * absent when the brief left the hook to the tone.
 */
export function factorsOfMaking(brief: Brief): Record<string, string> {
  const hookStyle = writtenHookStyle(brief);
  const topic = topicLevel(brief.topic, brief.language);
  return {
    ...(hookStyle ? { hookStyle } : {}),
    duration: durationLevel(brief.durationSeconds),
    voice: brief.voice,
    captionStyle: brief.captionStyle,
    stylePreset: brief.stylePreset,
    music: musicLevel(musicOf(brief)),
    ...(topic ? { topic } : {}),
  };
}

/** The factors of a video the product made from `brief` and published at `publishedAt`. */
export function factorsOfBrief(
  brief: Brief,
  publishedAt: string,
  timeZone: string | null,
): Record<string, string> {
  return { ...factorsOfMaking(brief), ...postingTimeLevels(publishedAt, timeZone) };
}

/**
 * What can be observed of an imported post: its duration, its posting time (UTC: the account's zone is unknown)
 * and, from its caption or title, a 'question' hook when the first sentence asks. Other hook styles cannot be told
 * apart from the text, so they are left unknown rather than guessed; so is the topic.
 */
export function observedFactors(post: {
  durationSec: number | null;
  publishedAt: string;
  /** The caption (TikTok, Instagram) or title (YouTube) as the platform lists it. */
  title?: string | null;
}): Record<string, string> {
  return {
    ...(post.durationSec === null ? {} : { duration: durationLevel(post.durationSec) }),
    ...postingTimeLevels(post.publishedAt, null),
    ...(post.title && firstSentenceAsks(post.title) ? { hookStyle: 'question' } : {}),
  };
}
