import { STYLE_PRESET_CATALOG } from '../style-preset-catalog.js';

/** What people call each factor on the recommendation cards and in Create. */
const FACTOR_LABELS: Record<string, string> = {
  hookStyle: 'Hook style',
  duration: 'Length',
  postingHour: 'Posting time',
  weekday: 'Posting day',
  voice: 'Voice',
  captionStyle: 'Caption style',
  stylePreset: 'Style',
  music: 'Music',
  topic: 'Topic',
};

const HOOK_STYLE_LABELS: Record<string, string> = {
  question: 'Question',
  statistic: 'Statistic',
  story: 'Story',
  'bold-claim': 'Bold claim',
  'how-to': 'How-to',
};

const WEEKDAY_LABELS: Record<string, string> = {
  sun: 'Sunday',
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
};

const CAPTION_STYLE_LABELS: Record<string, string> = { karaoke: 'Karaoke', pop: 'Pop', clean: 'Clean' };

const STYLE_LABELS: Record<string, string> = Object.fromEntries(
  STYLE_PRESET_CATALOG.map((preset) => [preset.id, preset.name]),
);

const MUSIC_LABELS: Record<string, string> = {
  none: 'No music',
  'builtin:calm': 'Calm (built-in)',
  'builtin:bright': 'Bright (built-in)',
  library: 'Your own music',
};

const VOICE_LABELS: Record<string, string> = { default: 'Default voice', none: 'No voice-over' };

/** "10-20s" → "10–20 s"; "18-21" → "18:00–21:00": ranges as people read them. */
const rangeLabel = (level: string, format: (n: string) => string): string | null => {
  const match = /^(\d+)-(\d+)s?$/.exec(level);
  return match ? `${format(match[1] ?? '')}–${format(match[2] ?? '')}` : null;
};

const LEVEL_LABELS: Record<string, (level: string) => string | null | undefined> = {
  hookStyle: (level) => HOOK_STYLE_LABELS[level],
  duration: (level) => {
    const range = rangeLabel(level, (n) => n);
    return range && `${range} s`;
  },
  postingHour: (level) => rangeLabel(level, (n) => `${n.padStart(2, '0')}:00`),
  weekday: (level) => WEEKDAY_LABELS[level],
  voice: (level) => VOICE_LABELS[level],
  captionStyle: (level) => CAPTION_STYLE_LABELS[level],
  stylePreset: (level) => STYLE_LABELS[level],
  music: (level) => MUSIC_LABELS[level],
};

/** The factor's name for people ("Posting time"); an unknown factor keeps its own name. */
export function factorLabel(factor: string): string {
  return FACTOR_LABELS[factor] ?? factor;
}

/** A level's name for people ("18:00–21:00", "Question"); an unknown level (a voice id, a topic) as it is. */
export function levelLabel(factor: string, level: string): string {
  return LEVEL_LABELS[factor]?.(level) ?? level;
}
