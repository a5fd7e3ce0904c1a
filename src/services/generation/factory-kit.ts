import type {
  Brief,
  BuiltinMusicTrack,
  CaptionCue,
  CaptionStyle,
  MediaInfo,
  PlatformMetadata,
  PreflightViolation,
  Script,
  TimedWord,
  VisualSource,
} from '../../domain/content.js';
import type { Platform } from '../../domain/connection.js';
import type { RenderPlan } from '../../domain/render-plan.js';
import type { MediaStore } from '../../ports/media-store.js';
import type { MediaTools } from '../../ports/media-tools.js';
import type { ScriptWriter } from '../../ports/script-writer.js';
import type { VisualsProvider } from '../../ports/visuals-provider.js';
import type { VoiceEngine } from '../../ports/voice-engine.js';

/** A resolved look: the brief's palette and font over its style preset. */
export interface ResolvedStyle {
  palette: string[];
  captionStyle: CaptionStyle;
  fontName: string;
  fontFile: string;
}

/**
 * Everything the generation pipeline uses, injected by the container: adapters (engines, ffmpeg, media store)
 * and the pure builders of each stage.
 */
export interface FactoryKit {
  scriptWriter: ScriptWriter;
  /** The voice engine to use for a brief's voice choice; null for "no voice". */
  voiceFor(brief: Brief): VoiceEngine | null;
  visuals: VisualsProvider[];
  media: MediaTools;
  /** What a render depends on besides its inputs (ffmpeg build, encoder settings, graph version): part of its cache key. */
  renderIdentity: string;
  mediaStore: MediaStore;
  /** The media key of a built-in music track's WAV, synthesised into the media store on first use. */
  builtinMusic(track: BuiltinMusicTrack): Promise<string>;
  validateScript(script: Script): void;
  spokenText(script: Script): string;
  readingPaceTimings(text: string): { words: TimedWord[]; durationMs: number };
  resolveStyle(brief: Brief): ResolvedStyle;
  chooseVisuals(
    providers: VisualsProvider[],
    input: Parameters<VisualsProvider['choose']>[0],
    signal?: AbortSignal,
  ): Promise<VisualSource>;
  /** Kinetic on-screen words for a beat, or null when the style shows none. */
  overlayTextFor(beat: { text: string; visualCue: string }, brief: Brief): string | null;
  buildCaptionCues(words: TimedWord[]): CaptionCue[];
  /** The ASS subtitles (captions and kinetic text) of a render plan. */
  buildAss(plan: RenderPlan): string;
  buildRenderArgs(plan: RenderPlan, outputPath: string, assPath: string): string[];
  buildCoverArgs(videoPath: string, atMs: number, outputPath: string): string[];
  buildPlatformMetadata(script: Script, brief: Brief): PlatformMetadata;
  validateMetadata(metadata: PlatformMetadata): { platform: string; field: string; message: string }[];
  preflight(media: MediaInfo, platforms: Platform[]): PreflightViolation[];
  /** Writes a text file (the ASS captions) for ffmpeg to read. */
  writeTextFile(path: string, text: string): Promise<void>;
}
