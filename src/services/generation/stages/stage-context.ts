import type { Brief, CaptionStyle } from '../../../domain/content.js';
import type { Stage, VersionEdits } from '../../../domain/content-item.js';
import { resolveStyle } from '../../../domain/style-presets.js';
import type { Store } from '../../../ports/store.js';
import type { FactoryKit } from '../factory-kit.js';
import type { ProgressTracker } from '../progress-tracker.js';

/** What every stage of one generation works with. */
export interface StageContext {
  kit: FactoryKit;
  store: Store;
  workspaceId: string;
  brief: Brief;
  edits: VersionEdits;
  signal?: AbortSignal;
  /**
   * Runs a stage through the content-addressed cache and tracks it: the same stage, engine and input give the
   * stored output (when `stillValid` agrees) instead of running `compute` again.
   */
  run<T>(
    stage: Stage,
    engine: string,
    input: unknown,
    compute: (key: string) => Promise<T>,
    stillValid?: (output: T) => Promise<boolean>,
    retake?: boolean,
  ): Promise<T>;
  progress: ProgressTracker;
}

/** Where a stage keeps a file it made: the workspace's cache, under the stage key. */
export function cacheMediaKey(workspaceId: string, kind: string, key: string, ext: string): string {
  return `workspaces/${workspaceId}/cache/${kind}/${key}.${ext}`;
}

/** Whether a cached output's file is still in the media store (an output without a file always is). */
export function fileStillThere(kit: FactoryKit, key: string | null): Promise<boolean> {
  return key ? kit.mediaStore.exists(key) : Promise.resolve(true);
}

/** A resolved look: the brief's palette and font over its style preset, with the font's file. */
export interface Look {
  palette: string[];
  captionStyle: CaptionStyle;
  fontName: string;
  fontFile: string;
}

/** The look of a brief's video (part of the visuals and render cache keys: keep its fields as they are). */
export function lookOf(brief: Brief, kit: FactoryKit): Look {
  const style = resolveStyle(brief);
  return {
    palette: style.palette,
    captionStyle: style.captionStyle,
    fontName: style.fontName,
    fontFile: kit.fontFile(style.fontName),
  };
}
