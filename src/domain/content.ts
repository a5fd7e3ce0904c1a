import type { Platform } from './connection.js';

/** What a person asks the factory for; kept with every version so the learning loop can use it. */
export interface Brief {
  topic: string;
  keyPoints: string[];
  audience: string;
  tone: 'friendly' | 'bold' | 'calm' | 'funny' | 'expert';
  /** BCP 47 language tag, e.g. "en", "fr", "pt-BR". */
  language: string;
  /** Target duration, 10–90 s. */
  durationSeconds: number;
  stylePreset: StylePresetId;
  palette: string[];
  font: string;
  platforms: Platform[];
  /** A voice id of the engine, 'default', or 'none' for no voice-over. */
  voice: string;
  captionStyle: CaptionStyle;
  /** Background music under the voice: 'none', a built-in track ('builtin:calm'), or an upload ('library:<asset id>'). */
  music: MusicChoice;
  /**
   * How the hook opens. Absent (left to the writer, or a brief from before the field existed): a hook matched to
   * the tone, as before; an absent field keeps the brief's content hashes what they were.
   */
  hookStyle?: HookStyle;
}

/** The ways a hook can open; the learning loop compares them (see domain/hook-style.ts for how each is written). */
export const HOOK_STYLES = ['question', 'statistic', 'story', 'bold-claim', 'how-to'] as const;
export type HookStyle = (typeof HOOK_STYLES)[number];

export const BUILTIN_MUSIC_TRACKS = ['calm', 'bright'] as const;
export type BuiltinMusicTrack = (typeof BUILTIN_MUSIC_TRACKS)[number];
export type MusicChoice = 'none' | `builtin:${BuiltinMusicTrack}` | `library:${string}`;

export const STYLE_PRESETS = ['clean', 'bold-pop', 'calm-gradient', 'tech-grid'] as const;
export type StylePresetId = (typeof STYLE_PRESETS)[number];
export const CAPTION_STYLES = ['karaoke', 'pop', 'clean'] as const;
export type CaptionStyle = (typeof CAPTION_STYLES)[number];

/** One beat of the script: what is said and what is shown while it is said. */
export interface Beat {
  text: string;
  /** A short description of the picture (drives the visual choice). */
  visualCue: string;
}

export interface Script {
  language: string;
  hook: string;
  beats: Beat[];
  callToAction: string;
  /** Which writer produced it (e.g. "offline-template", "openai:gpt-4o-mini"). */
  writer: string;
}

/** A spoken word with its place in the voice-over. */
export interface TimedWord {
  text: string;
  startMs: number;
  endMs: number;
}

export interface VoiceOver {
  /** Media key of a WAV file, or null for "no voice" (captions then follow a reading pace). */
  audioKey: string | null;
  durationMs: number;
  words: TimedWord[];
  engine: string;
  voice: string;
}

/** A background the renderer draws itself: a palette gradient with a pattern, moving. */
export interface GeneratedBackground {
  pattern: 'gradient' | 'waves' | 'grid' | 'dots';
  colors: string[];
  motion: 'zoom-in' | 'zoom-out' | 'pan-left' | 'pan-right';
}

/** One picture of an illustration: an icon of a bundled set, rasterized to a transparent PNG in the media store. */
export interface IllustrationIcon {
  /** The icon's name in its set, e.g. "octopus". */
  iconId: string;
  mediaKey: string;
}

/** What is on screen for one time span. */
export type VisualSource =
  | ({ kind: 'generated' } & GeneratedBackground)
  | { kind: 'asset'; mediaKey: string; mediaType: 'image' | 'video' }
  | { kind: 'stock'; mediaKey: string; mediaType: 'image' | 'video'; credit: string }
  | {
      kind: 'illustration';
      /** The subject first (large, in the middle), then up to two supporting pictures. */
      icons: IllustrationIcon[];
      background: GeneratedBackground;
      /** The icon set and its licence, e.g. "Fluent Emoji Flat (MIT)". */
      credit: string;
    };

export interface VisualSegment {
  startMs: number;
  endMs: number;
  source: VisualSource;
  /** Large on-screen words for kinetic text, if any. */
  overlayText: string | null;
}

/** A caption line shown on screen, with its words for word-level highlighting. */
export interface CaptionCue {
  startMs: number;
  endMs: number;
  words: TimedWord[];
}

export interface PlatformMetadata {
  tiktok?: { caption: string; aiGenerated: boolean };
  youtube?: { title: string; description: string; tags: string[]; aiGenerated: boolean };
  instagram?: { caption: string; aiGenerated: boolean };
}

/** A rule a rendered file breaks for one platform, in plain words. */
export interface PreflightViolation {
  platform: Platform;
  rule: string;
  message: string;
  /** 'warning': the platform takes the file but treats it differently (e.g. not as a YouTube Short). Absent: an error. */
  severity?: 'warning';
}

export interface MediaInfo {
  container: string;
  durationMs: number;
  sizeBytes: number;
  video: {
    codec: string;
    profile: string | null;
    width: number;
    height: number;
    fps: number;
    pixelFormat: string;
  } | null;
  audio: { codec: string; sampleRate: number; channels: number } | null;
  /** True when the MP4 'moov' box comes before 'mdat' (+faststart). */
  faststart: boolean;
}
