import type { Script, TimedWord } from './content.js';

export interface TimedPart {
  /** 'hook', 'beat', or 'cta'. */
  kind: 'hook' | 'beat' | 'cta';
  /** Index of the beat for kind 'beat'. */
  beatIndex: number;
  startMs: number;
  endMs: number;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * Splits the voice-over's timeline into the script's parts (hook, each beat, call to action) by counting words,
 * so each beat's visual is on screen exactly while its words are spoken. Parts are back to back from 0 to the end.
 */
export function timeScriptParts(script: Script, words: TimedWord[], totalMs: number): TimedPart[] {
  const parts: Omit<TimedPart, 'startMs' | 'endMs'>[] = [
    { kind: 'hook', beatIndex: -1 },
    ...script.beats.map((_b, i) => ({ kind: 'beat' as const, beatIndex: i })),
    { kind: 'cta', beatIndex: -1 },
  ];
  const counts = [
    wordCount(script.hook),
    ...script.beats.map((b) => wordCount(b.text)),
    wordCount(script.callToAction),
  ];
  const totalWords = counts.reduce((a, b) => a + b, 0);
  const timed: TimedPart[] = [];
  let wordIndex = 0;
  let start = 0;
  parts.forEach((part, i) => {
    wordIndex += counts[i] ?? 0;
    const last = i === parts.length - 1;
    // The part ends where its last word ends, scaled when the engine spoke a different number of words.
    const boundaryWord =
      words[Math.min(words.length - 1, Math.round((wordIndex / Math.max(1, totalWords)) * words.length) - 1)];
    const end = last || !boundaryWord ? totalMs : Math.min(totalMs, Math.max(start + 1, boundaryWord.endMs));
    timed.push({ ...part, startMs: start, endMs: end });
    start = end;
  });
  return timed;
}
