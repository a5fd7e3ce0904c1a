import type { TimedWord } from '../content.js';
import { endsClause, endsSentence, spokenWords, syllableWeight } from './words.js';

/** The pace captions follow when there is no voice. */
export const DEFAULT_READING_WORDS_PER_SECOND = 2.6;

const SENTENCE_GAP_MS = 450;
const CLAUSE_GAP_MS = 200;

/**
 * Caption timings for a text read silently: on average `wordsPerSecond` words a second, longer words a little
 * longer than short ones, a pause after commas and a longer one between sentences. The duration ends one sentence
 * pause after the last word.
 */
export function readingPaceTimings(
  text: string,
  wordsPerSecond = DEFAULT_READING_WORDS_PER_SECOND,
  language = '',
): { words: TimedWord[]; durationMs: number } {
  if (!(wordsPerSecond > 0)) throw new RangeError('wordsPerSecond must be positive');
  const words = spokenWords(text, language);
  if (words.length === 0) return { words: [], durationMs: 0 };
  const weights = words.map((w) => syllableWeight(w.text));
  const meanWeight = weights.reduce((a, b) => a + b, 0) / weights.length;
  const slotMs = 1000 / wordsPerSecond;
  let at = 0;
  const timed = words.map((word, i) => {
    // Half the slot is fixed, half follows the word's length, so the mean pace stays wordsPerSecond.
    const lengthMs = slotMs * (0.5 + (0.5 * (weights[i] ?? meanWeight)) / meanWeight);
    const startMs = Math.round(at);
    at += lengthMs;
    const endMs = Math.round(at);
    if (endsSentence(word.text)) at += SENTENCE_GAP_MS;
    else if (endsClause(word.text)) at += CLAUSE_GAP_MS;
    return { text: word.text, startMs, endMs };
  });
  const lastEnd = timed.at(-1)?.endMs ?? 0;
  return { words: timed, durationMs: lastEnd + SENTENCE_GAP_MS };
}
