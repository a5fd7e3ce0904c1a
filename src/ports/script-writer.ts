import type { Brief, Script } from '../domain/content.js';

export interface ScriptLength {
  targetWords: number;
}

/** Writes a script (hook, 3–7 beats with visual cues, call to action) from a brief. */
export interface ScriptWriter {
  /** Stable id, part of the stage cache key (e.g. "offline-template@3", "openai:gpt-4o-mini"). */
  readonly id: string;
  /** True for the built-in writer that needs no network. */
  readonly offline: boolean;
  /**
   * `targetWords`: how many spoken words to aim for (hook + beats + call to action); the pipeline sets it from
   * the brief's duration, and corrects it once when the voice-over comes out too long or too short.
   */
  write(brief: Brief, length: ScriptLength, signal?: AbortSignal): Promise<Script>;
}
