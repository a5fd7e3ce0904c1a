import { mediaInput } from './inputs.js';

/** ffmpeg arguments writing the frame at `atMs` of a video as a high-quality 1080×1920 JPEG. */
export function buildCoverArgs(videoPath: string, atMs: number, outPath: string): string[] {
  const seconds = (Math.max(0, atMs) / 1000).toFixed(3);
  return ['-ss', seconds, ...mediaInput(videoPath), '-frames:v', '1', '-q:v', '2', '-update', '1', outPath];
}
