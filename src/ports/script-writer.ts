import type { Brief, Script } from '../domain/content.js';

/** Writes a script (hook, 3–7 beats with visual cues, call to action) from a brief. */
export interface ScriptWriter {
  /** Stable id, part of the stage cache key (e.g. "offline-template@1", "openai:gpt-4o-mini"). */
  readonly id: string;
  /** True for the built-in writer that needs no network. */
  readonly offline: boolean;
  write(brief: Brief, signal?: AbortSignal): Promise<Script>;
}
