import type { Brief, BuiltinMusicTrack, VisualSource } from '../../domain/content.js';
import type { MediaStore } from '../../ports/media-store.js';
import type { MediaTools } from '../../ports/media-tools.js';
import type { ScriptWriter } from '../../ports/script-writer.js';
import type { VisualsProvider } from '../../ports/visuals-provider.js';
import type { VoiceEngine } from '../../ports/voice-engine.js';

/** The configured visuals providers behind one call: library, then stock, then the offline generator. */
export interface VisualsPicker {
  /** The providers asked before the offline generator, joined by "+": part of the visuals stage's cache key. */
  readonly id: string;
  /** A source for one beat; always answers (the offline generator is the last resort). */
  choose(input: Parameters<VisualsProvider['choose']>[0], signal?: AbortSignal): Promise<VisualSource>;
}

/**
 * The engines the generation pipeline runs on, picked by the container: script writer, voices, visuals, ffmpeg,
 * the media store. The stages import their pure builders (captions, render arguments, metadata…) from the domain.
 */
export interface FactoryKit {
  scriptWriter: ScriptWriter;
  /** The voice engine to use for a brief's voice choice; null for "no voice". */
  voiceFor(brief: Brief): VoiceEngine | null;
  visuals: VisualsPicker;
  media: MediaTools;
  mediaStore: MediaStore;
  /** The media key of a built-in music track's WAV, synthesised into the media store on first use. */
  builtinMusic(track: BuiltinMusicTrack): Promise<string>;
  /** The TTF file of a font name (the shipped faces live in node_modules). */
  fontFile(fontName: string): string;
  /** Writes a text file (the ASS captions) for ffmpeg to read. */
  writeTextFile(path: string, text: string): Promise<void>;
}
