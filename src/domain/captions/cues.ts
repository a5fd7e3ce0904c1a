import type { CaptionCue, TimedWord } from '../content.js';

export interface CueOptions {
  /** Longest line, in characters (a single longer word gets a line of its own; words are never split). */
  maxCharsPerLine: number;
  maxLines: number;
  /** A cue is closed once it would last longer than this. */
  maxCueMs: number;
  /** A silence at least this long between two words starts a new cue. */
  minPauseMs?: number;
}

/** Short cues in big type read best on a phone: two lines of up to 18 characters, 3 s at most. */
export const DEFAULT_CUE_OPTIONS: Required<CueOptions> = {
  maxCharsPerLine: 18,
  maxLines: 2,
  maxCueMs: 3000,
  minPauseMs: 400,
};

const SENTENCE_END = /[.!?…。！？]["'”’)\]]*$/u;

/**
 * Groups timed words into caption cues. Sentences and pauses always start a new cue; a phrase too long for one
 * cue (line limits, maximum length) is cut into as few cues as possible, evenly filled and preferring a cut after
 * a comma, so no cue is left holding a lone last word.
 */
export function buildCaptionCues(words: readonly TimedWord[], options: CueOptions): CaptionCue[] {
  const opts = { ...DEFAULT_CUE_OPTIONS, ...options };
  const fits = (group: readonly TimedWord[]) =>
    group.length === 1 ||
    (wrapWords(group, opts.maxCharsPerLine).length <= opts.maxLines &&
      group[group.length - 1]!.endMs - group[0]!.startMs <= opts.maxCueMs);
  const capacity = opts.maxCharsPerLine * opts.maxLines;
  const groups = phrases(words, opts.minPauseMs).flatMap((phrase) => splitEvenly(phrase, fits, capacity));
  return groups.map((group, i) => toCue(group, groups[i + 1]?.[0]?.startMs));
}

/** Words cut at sentence ends and at pauses of at least `minPauseMs`. */
function phrases(words: readonly TimedWord[], minPauseMs: number): TimedWord[][] {
  const result: TimedWord[][] = [];
  let current: TimedWord[] = [];
  for (const word of words) {
    const previous = current[current.length - 1];
    if (
      previous !== undefined &&
      (SENTENCE_END.test(previous.text.trim()) || word.startMs - previous.endMs >= minPauseMs)
    ) {
      result.push(current);
      current = [];
    }
    current.push(word);
  }
  if (current.length > 0) result.push(current);
  return result;
}

// Each extra cue costs more than any imbalance, so the fewest cues win; among those, the evenest.
const CUE_COST = 10_000;
const CLAUSE_END = /[,;:，、；：]["'”’)\]]*$/u;
const CLAUSE_BONUS = 150;

/** Cuts a phrase into the fewest fitting cues, minimising the squared unused room (dynamic programming). */
function splitEvenly(
  phrase: TimedWord[],
  fits: (group: readonly TimedWord[]) => boolean,
  capacity: number,
): TimedWord[][] {
  if (fits(phrase)) return [phrase];
  const n = phrase.length;
  const best: { cost: number; cut: number }[] = [{ cost: 0, cut: 0 }];
  for (let end = 1; end <= n; end++) {
    best[end] = { cost: Infinity, cut: end - 1 };
    for (let start = end - 1; start >= 0; start--) {
      const group = phrase.slice(start, end);
      if (!fits(group)) break;
      const room = capacity - charCount(group.map((w) => w.text.trim()).join(' '));
      const clause = end < n && CLAUSE_END.test(group[group.length - 1]!.text.trim()) ? CLAUSE_BONUS : 0;
      const cost = best[start]!.cost + CUE_COST + room * room - clause;
      if (cost < best[end]!.cost) best[end] = { cost, cut: start };
    }
  }
  const groups: TimedWord[][] = [];
  for (let end = n; end > 0; end = best[end]!.cut) groups.unshift(phrase.slice(best[end]!.cut, end));
  return groups;
}

// A cue ends with its last word, but never after the next cue starts (engines may overlap words slightly).
function toCue(group: TimedWord[], nextStartMs: number | undefined): CaptionCue {
  const startMs = group[0]?.startMs ?? 0;
  const lastEnd = Math.max(...group.map((w) => w.endMs));
  const endMs = nextStartMs === undefined ? lastEnd : Math.min(lastEnd, nextStartMs);
  return { startMs, endMs: Math.max(startMs, endMs), words: group.map((w) => ({ ...w })) };
}

/** Splits words into lines of at most `maxChars` characters (greedy); a longer word stands alone. */
export function wrapWords<T extends { text: string }>(words: readonly T[], maxChars: number): T[][] {
  const lines: T[][] = [];
  let line: T[] = [];
  let length = 0;
  for (const word of words) {
    const wordLength = charCount(word.text.trim());
    const withWord = line.length === 0 ? wordLength : length + 1 + wordLength;
    if (line.length > 0 && withWord > maxChars) {
      lines.push(line);
      line = [word];
      length = wordLength;
    } else {
      line.push(word);
      length = withWord;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

function charCount(text: string): number {
  return [...text].length;
}
