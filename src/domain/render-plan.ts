import type { CaptionCue, CaptionStyle, VisualSegment } from './content.js';

/** Everything the renderer needs, resolved to files: one pure builder turns it into ffmpeg arguments. */
export interface RenderPlan {
  width: 1080;
  height: 1920;
  fps: 30;
  durationMs: number;
  /** Back to back, covering 0..durationMs; asset/stock sources carry absolute file paths in `files`. */
  segments: VisualSegment[];
  /** Absolute paths of the media keys used by segments. */
  files: Record<string, string>;
  captions: CaptionCue[];
  captionStyle: CaptionStyle;
  /** Absolute path of the TTF font used for captions and kinetic text. */
  fontFile: string;
  palette: string[];
  voicePath: string | null;
  /** Optional background music, ducked under the voice. */
  musicPath: string | null;
}
