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

/** Groups timed words into caption cues: breaks at sentence ends, pauses, line limits and a maximum length. */
export function buildCaptionCues(words: readonly TimedWord[], options: CueOptions): CaptionCue[] {
  const opts = { ...DEFAULT_CUE_OPTIONS, ...options };
  const groups: TimedWord[][] = [];
  let current: TimedWord[] = [];
  for (const word of words) {
    const previous = current[current.length - 1];
    const startsNewCue =
      previous !== undefined &&
      (SENTENCE_END.test(previous.text.trim()) ||
        word.startMs - previous.endMs >= opts.minPauseMs ||
        word.endMs - (current[0]?.startMs ?? word.startMs) > opts.maxCueMs ||
        wrapWords([...current, word], opts.maxCharsPerLine).length > opts.maxLines);
    if (startsNewCue) {
      groups.push(current);
      current = [];
    }
    current.push(word);
  }
  if (current.length > 0) groups.push(current);
  return groups.map((group, i) => toCue(group, groups[i + 1]?.[0]?.startMs));
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
