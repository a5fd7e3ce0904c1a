import type { Beat, Brief, VisualSource } from '../domain/content.js';

/** Picks what is shown during one beat; the beat's visual cue drives the choice, so visuals follow the words. */
export interface VisualsProvider {
  /** Stable id, part of the stage cache key. */
  readonly id: string;
  /**
   * A source for the beat, or null when this provider has nothing fitting (the next provider is asked; the
   * offline generator always answers). `workspaceId` scopes the user's own media library; `previous` is what
   * the beat before shows, so a provider can avoid showing the same file twice in a row.
   */
  choose(
    input: {
      workspaceId: string;
      brief: Brief;
      beat: Beat;
      beatIndex: number;
      previous?: VisualSource | null;
    },
    signal?: AbortSignal,
  ): Promise<VisualSource | null>;
}
