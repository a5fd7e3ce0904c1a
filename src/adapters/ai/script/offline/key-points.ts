import { MAX_BEATS } from '../../../../domain/script-rules.js';
import { asSentence, capitalizeFirst } from './phrasing.js';

// People paste key points as lists ("- Use…", "• Use…", "1. Use…", "2) Use…") or label them ("Step 1: Use…",
// "Tip: …"); the writer adds its own connectors, so the labels go.
const LIST_MARKER = /^(?:[-–—•*]|\d{1,2}[.)])\s+/u;
const LABEL =
  /^(?:step|point|tip|reason)(?:\s+(?:\d{1,2}|one|two|three|four|five|six|seven))?\s*[:.)–-]\s+/iu;

/**
 * Key points in clean spoken form: one line, without list markers or labels, capitalised and ending with
 * punctuation. Past the seventh, the rest join the seventh beat so nothing the person asked for is lost.
 */
export function keyPointsForBeats(keyPoints: string[]): string[] {
  const points = keyPoints
    .map((point) => point.replace(/\s+/g, ' ').trim().replace(LIST_MARKER, '').replace(LABEL, ''))
    .filter(Boolean)
    .map((point) => capitalizeFirst(asSentence(point)));
  if (points.length <= MAX_BEATS) return points;
  return [...points.slice(0, MAX_BEATS - 1), points.slice(MAX_BEATS - 1).join(' ')];
}
