import type { TimedWord } from '../domain/content.js';

export interface VoiceInfo {
  id: string;
  name: string;
  languages: string[];
}

export interface SynthesisResult {
  /** Path of a mono WAV file the engine wrote (the caller moves it into the media store). */
  wavPath: string;
  durationMs: number;
  /** Word timings in the audio, in order; every word of the text that is spoken. */
  words: TimedWord[];
  /** True when no voice was asked for: the WAV is silence as long as a reading of the text (store no audio). */
  silent?: boolean;
}

/** Text to speech with word timings. */
export interface VoiceEngine {
  /** Stable id, part of the stage cache key (e.g. "espeak-ng@1.51", "openai-tts:tts-1"). */
  readonly id: string;
  readonly offline: boolean;
  /**
   * The engine's usual pace over whole scripts, pauses included, when known: the first word target is set from
   * it so that most scripts fit the duration in one take (a miss is still corrected from the measured length).
   */
  readonly wordsPerSecond?: number;
  voices(): Promise<VoiceInfo[]>;
  synthesize(
    input: { text: string; language: string; voice: string; outDir: string },
    signal?: AbortSignal,
  ): Promise<SynthesisResult>;
}
