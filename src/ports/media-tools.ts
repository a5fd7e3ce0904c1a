import type { MediaInfo } from '../domain/content.js';

export interface RunProgress {
  /** 0..1 of the expected output duration. */
  fraction: number;
}

/** ffmpeg and ffprobe, wherever they come from (the system's, else an npm-shipped binary). */
export interface MediaTools {
  /** Which ffmpeg is used and its version, e.g. "system ffmpeg 5.1.9". */
  readonly description: string;
  /** Capabilities that differ between builds (older npm builds lack some filters). */
  readonly features: { subtitles: boolean; drawtext: boolean; zoompan: boolean; loudnorm: boolean };
  /**
   * Runs ffmpeg with arguments built by a pure builder; writes to a temporary file and renames it to `output`
   * only on success; kills the process on abort. Reports progress for `expectedMs` of output.
   */
  ffmpeg(
    args: string[],
    output: string,
    options: { expectedMs: number; signal?: AbortSignal; onProgress?: (p: RunProgress) => void },
  ): Promise<void>;
  /** Streams and layout of a file; a music file's album cover (an attached picture) is not its video. */
  probe(file: string): Promise<MediaInfo>;
  /** Mean loudness in dBFS of the file's audio (for tests and preflight), or null without audio. */
  meanVolumeDb(file: string): Promise<number | null>;
}
