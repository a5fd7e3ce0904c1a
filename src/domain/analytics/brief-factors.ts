import { BUILTIN_MUSIC_TRACKS, CAPTION_STYLES, STYLE_PRESETS } from '../content.js';
import { DURATION_LEVELS, HOOK_STYLES, POSTING_HOUR_LEVELS, WEEKDAY_LEVELS } from './factors.js';

/**
 * Factors the product can set for a next video: the brief's own fields, and the posting time and day, which
 * become a suggested schedule. Topic is the person's to write; a library track cannot be named from a level.
 */
export const SETTABLE_FACTORS = [
  'hookStyle',
  'duration',
  'postingHour',
  'weekday',
  'voice',
  'captionStyle',
  'stylePreset',
  'music',
] as const;
export type SettableFactor = (typeof SETTABLE_FACTORS)[number];

/** The levels to choose from per settable factor; voices are the engine's default, none, and those used before. */
export function settableSpace(usedVoices: readonly string[]): Record<SettableFactor, string[]> {
  return {
    hookStyle: [...HOOK_STYLES],
    duration: [...DURATION_LEVELS],
    postingHour: [...POSTING_HOUR_LEVELS],
    weekday: [...WEEKDAY_LEVELS],
    voice: [...new Set(['default', 'none', ...usedVoices])],
    captionStyle: [...CAPTION_STYLES],
    stylePreset: [...STYLE_PRESETS],
    music: ['none', ...BUILTIN_MUSIC_TRACKS.map((track) => `builtin:${track}`)],
  };
}

// The middle of each duration level, so the made video lands inside it after the writer's fitting.
const SECONDS_OF_DURATION: Record<string, number> = {
  '10-20s': 15,
  '21-40s': 30,
  '41-60s': 50,
  '61-90s': 75,
};

/** The brief fields a set of levels fixes (posting time and day are a schedule, not a brief field). */
export interface BriefFieldsOfLevels {
  hookStyle?: string;
  durationSeconds?: number;
  voice?: string;
  captionStyle?: string;
  stylePreset?: string;
  music?: string;
}

/** Turns chosen levels into brief fields; levels outside the brief's choices are left out. */
export function briefFieldsOf(levels: Record<string, string>): BriefFieldsOfLevels {
  const space = settableSpace(levels.voice ? [levels.voice] : []);
  const pick = (factor: SettableFactor): string | undefined => {
    const level = levels[factor];
    return level !== undefined && space[factor].includes(level) ? level : undefined;
  };
  const fields: BriefFieldsOfLevels = {};
  const duration = pick('duration');
  if (duration) fields.durationSeconds = SECONDS_OF_DURATION[duration];
  for (const factor of ['hookStyle', 'voice', 'captionStyle', 'stylePreset', 'music'] as const) {
    const level = pick(factor);
    if (level) fields[factor] = level;
  }
  return fields;
}
