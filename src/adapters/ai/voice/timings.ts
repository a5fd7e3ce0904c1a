import type { TimedWord } from '../../../domain/content.js';
import { endsClause, endsSentence, syllableWeight, type SpokenWord } from '../../../domain/speech/words.js';

/** A word's place in the audio as an engine reported it. */
export interface TimeSpan {
  startMs: number;
  endMs: number;
}

// A word squeezed into less than this gets a share of its neighbour's time instead.
const MIN_WORD_MS = 80;

/**
 * One timed word per spoken word: engine spans where known (clamped into the audio and made monotonic: each word
 * starts at or after the previous one's end), and words the engine did not report placed in the gap around them,
 * sharing it by syllables.
 */
export function completeTimings(
  words: SpokenWord[],
  spans: (TimeSpan | null | undefined)[],
  durationMs: number,
): TimedWord[] {
  const out: (TimeSpan | null)[] = [];
  let cursor = 0;
  for (let i = 0; i < words.length; i++) {
    const span = spans[i];
    if (!span || !Number.isFinite(span.startMs) || !Number.isFinite(span.endMs)) {
      out.push(null);
      continue;
    }
    const startMs = clamp(Math.max(span.startMs, cursor), 0, durationMs);
    const endMs = clamp(Math.max(span.endMs, startMs), startMs, durationMs);
    out.push({ startMs, endMs });
    cursor = endMs;
  }
  fillMissing(words, out, durationMs);
  return words.map((w, i) => {
    const span = out[i] ?? { startMs: durationMs, endMs: durationMs };
    return { text: w.text, startMs: Math.round(span.startMs), endMs: Math.round(span.endMs) };
  });
}

function fillMissing(words: SpokenWord[], out: (TimeSpan | null)[], durationMs: number): void {
  let i = 0;
  while (i < out.length) {
    if (out[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < out.length && !out[j]) j++;
    let first = i;
    let last = j;
    let from = out[i - 1]?.endMs ?? 0;
    let to = out[j]?.startMs ?? durationMs;
    if (to - from < MIN_WORD_MS * (j - i)) {
      // Too little room: share a neighbour's span too (the previous word's, else the next one's).
      const previous = out[i - 1];
      const next = out[j];
      if (previous) {
        first = i - 1;
        from = previous.startMs;
      } else if (next) {
        last = j + 1;
        to = next.endMs;
      }
    }
    const shared = estimateTimings(words.slice(first, last), { startMs: from, endMs: to });
    shared.forEach((t, k) => (out[first + k] = { startMs: t.startMs, endMs: t.endMs }));
    i = last;
  }
}

// Pauses after punctuation, in syllables, when time is shared by estimate.
const SENTENCE_PAUSE = 1.5;
const CLAUSE_PAUSE = 0.6;

/**
 * Word timings estimated by sharing a span of speech between words by syllables, with short pauses after commas
 * and sentence ends. For engines that return audio without timings.
 */
export function estimateTimings(words: SpokenWord[], speech: TimeSpan): TimedWord[] {
  const weights = words.map((w) => syllableWeight(w.text));
  const pauses = words.map((w, i): number =>
    i === words.length - 1
      ? 0
      : endsSentence(w.text)
        ? SENTENCE_PAUSE
        : endsClause(w.text)
          ? CLAUSE_PAUSE
          : 0,
  );
  const total = weights.reduce((a, b) => a + b, 0) + pauses.reduce((a, b) => a + b, 0);
  const span = Math.max(0, speech.endMs - speech.startMs);
  const msPerUnit = total > 0 ? span / total : 0;
  let at = 0;
  return words.map((w, i) => {
    const startMs = Math.round(speech.startMs + at * msPerUnit);
    at += weights[i] ?? 1;
    const endMs = Math.round(speech.startMs + at * msPerUnit);
    at += pauses[i] ?? 0;
    return { text: w.text, startMs, endMs };
  });
}

/** Span ends from starts alone: each word ends where the next begins, the last at the given end. */
export function spansFromStarts(starts: (number | null)[], lastEndMs: number): (TimeSpan | null)[] {
  return starts.map((startMs, i) => {
    if (startMs === null) return null;
    const next = starts.slice(i + 1).find((s): s is number => s !== null);
    return { startMs, endMs: next ?? lastEndMs };
  });
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
