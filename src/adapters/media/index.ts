import { FfmpegMediaTools, type MediaToolsOptions } from './ffmpeg-media-tools.js';

export { FfmpegMediaTools, parseFeatures, type MediaToolsOptions } from './ffmpeg-media-tools.js';
export { defaultFontFile, fontFileFor, fontFileOf, FONT_NAMES } from './fonts.js';

/** The MediaTools adapter: the system's ffmpeg (or FFMPEG_PATH), else the npm-shipped one. */
export function createMediaTools(options: MediaToolsOptions = {}): Promise<FfmpegMediaTools> {
  return FfmpegMediaTools.create(options);
}
