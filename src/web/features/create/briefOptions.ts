import { BRIEF_LIMITS, type BriefView } from '../../../api/content.js';
import { STYLE_PRESET_CATALOG } from '../../../domain/style-preset-catalog.js';

export type Tone = BriefView['tone'];
export type StylePresetId = BriefView['stylePreset'];
export type CaptionStyle = BriefView['captionStyle'];
/** 'tone': no hook style is sent, and the writer matches the hook to the tone. */
export type HookChoice = NonNullable<BriefView['hookStyle']> | 'tone';

export const tones: { value: Tone; label: string }[] = [
  { value: 'friendly', label: 'Friendly' },
  { value: 'bold', label: 'Bold' },
  { value: 'calm', label: 'Calm' },
  { value: 'funny', label: 'Funny' },
  { value: 'expert', label: 'Expert' },
];

/** Common languages, by BCP 47 tag; the script, voice and captions are made in the one chosen. */
export const languages: { value: string; label: string }[] = [
  { value: 'en', label: 'English' },
  { value: 'es', label: 'Spanish (Español)' },
  { value: 'fr', label: 'French (Français)' },
  { value: 'de', label: 'German (Deutsch)' },
  { value: 'it', label: 'Italian (Italiano)' },
  { value: 'pt', label: 'Portuguese (Português)' },
  { value: 'pt-BR', label: 'Portuguese, Brazil (Português do Brasil)' },
  { value: 'nl', label: 'Dutch (Nederlands)' },
  { value: 'pl', label: 'Polish (Polski)' },
  { value: 'sv', label: 'Swedish (Svenska)' },
  { value: 'tr', label: 'Turkish (Türkçe)' },
  { value: 'ru', label: 'Russian (Русский)' },
  { value: 'ar', label: 'Arabic (العربية)' },
  { value: 'hi', label: 'Hindi (हिन्दी)' },
  { value: 'id', label: 'Indonesian (Bahasa Indonesia)' },
  { value: 'ja', label: 'Japanese (日本語)' },
  { value: 'ko', label: 'Korean (한국어)' },
  { value: 'zh', label: 'Chinese (中文)' },
];

export interface StylePresetOption {
  id: StylePresetId;
  name: string;
  description: string;
  palette: string[];
}

// The server's own presets, so a swatch shows the colours the video is rendered with.
export const stylePresets: StylePresetOption[] = STYLE_PRESET_CATALOG.map((p) => ({
  id: p.id,
  name: p.name,
  description: p.description,
  palette: [...p.palette],
}));

/** A swatch of colours as one diagonal gradient, as the video's backgrounds blend them. */
export function paletteGradient(palette: string[]): string {
  if (palette.length === 0) return 'var(--color-surface-muted)';
  if (palette.length === 1) return palette[0] ?? '';
  return `linear-gradient(135deg, ${palette.join(', ')})`;
}

export const captionStyles: { value: CaptionStyle; label: string; description: string }[] = [
  { value: 'karaoke', label: 'Karaoke', description: 'Each word lights up as it is spoken.' },
  { value: 'pop', label: 'Pop', description: 'Words pop onto the screen one by one.' },
  { value: 'clean', label: 'Clean', description: 'Plain lines of text, no animation.' },
];

export const hookStyles: { value: HookChoice; label: string; description: string }[] = [
  { value: 'tone', label: 'Match the tone', description: 'An opening line in the tone you chose.' },
  { value: 'question', label: 'Question', description: 'Opens by asking the viewer something.' },
  {
    value: 'statistic',
    label: 'Statistic',
    description: 'Opens on a number from your topic or key points; a question when you gave none.',
  },
  { value: 'story', label: 'Story', description: 'Opens like a short story: “The first time I…”.' },
  { value: 'bold-claim', label: 'Bold claim', description: 'Opens with one confident statement.' },
  { value: 'how-to', label: 'How-to', description: 'Opens with “Here’s how to…”.' },
];

/** The brief field for a hook choice: none for 'tone', so the server's writer matches the hook to the tone. */
export function hookStyleField(choice: HookChoice): { hookStyle?: NonNullable<BriefView['hookStyle']> } {
  return choice === 'tone' ? {} : { hookStyle: choice };
}

export const MIN_DURATION = BRIEF_LIMITS.durationMin;
export const MAX_DURATION = BRIEF_LIMITS.durationMax;
export const MAX_KEY_POINTS = BRIEF_LIMITS.keyPoints;
export const MAX_PALETTE_COLOURS = BRIEF_LIMITS.paletteColours;
