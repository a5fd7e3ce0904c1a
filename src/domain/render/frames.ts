import type { VisualSegment } from '../content.js';

export const FPS = 30;

/** A segment with its place in whole output frames. */
export interface FramedSegment {
  segment: VisualSegment;
  firstFrame: number;
  frames: number;
}

/** The output's frame count for a duration (rounded to the nearest frame). */
export function frameCount(durationMs: number): number {
  return Math.max(1, Math.round((durationMs * FPS) / 1000));
}

/**
 * Places segments on whole frames back to back: each starts at its own rounded start, the first at frame 0 and
 * the last runs to the end, so the frames add up to the output's exactly. Empty segments are dropped.
 */
export function frameSegments(segments: readonly VisualSegment[], durationMs: number): FramedSegment[] {
  const total = frameCount(durationMs);
  const starts = segments.map((s, i) =>
    i === 0 ? 0 : Math.min(total, Math.max(0, Math.round((s.startMs * FPS) / 1000))),
  );
  const framed: FramedSegment[] = [];
  let cursor = 0;
  segments.forEach((segment, i) => {
    const start = Math.max(cursor, starts[i] ?? 0);
    const end = i === segments.length - 1 ? total : Math.max(start, starts[i + 1] ?? total);
    if (end > start) framed.push({ segment, firstFrame: start, frames: end - start });
    cursor = Math.max(cursor, end);
  });
  return framed;
}
