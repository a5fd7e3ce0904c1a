import type { Script } from './content.js';
import { UserError } from './errors.js';

export const MIN_BEATS = 3;
export const MAX_BEATS = 7;
/** An unhurried narration pace; writers aim for it and captions fall back to it when there is no voice. */
export const SPOKEN_WORDS_PER_SECOND = 2.4;
export const MAX_VIDEO_SECONDS = 90;
/** A brisk voice's pace (eSpeak speaks about 3 words a second): the fastest the length check allows for. */
export const BRISK_WORDS_PER_SECOND = 3.2;
/** What 90 seconds hold at a brisk pace: past it, no voice can keep the video within 90 seconds. */
export const MAX_SPOKEN_WORDS = Math.floor(MAX_VIDEO_SECONDS * BRISK_WORDS_PER_SECOND);
/** How far a voice-over may run from the brief's duration before the script is rewritten once to fit. */
export const LENGTH_TOLERANCE = 0.1;
const MIN_SPOKEN_WORDS = 12;

/** One thing wrong with a script, in plain words. */
export interface ScriptProblem {
  code: 'script_empty' | 'script_too_long';
  message: string;
}

// Word-like segments, so languages written without spaces (Chinese, Japanese, Thai) are counted too.
const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** How many words a text holds, as a listener would count them. */
export function countWords(text: string): number {
  let count = 0;
  for (const segment of wordSegmenter.segment(text)) if (segment.isWordLike) count++;
  return count;
}

/** The parts of a script in the order they are voiced: hook, each beat, call to action. */
export function spokenParts(script: Script): string[] {
  return [script.hook, ...script.beats.map((beat) => beat.text), script.callToAction]
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** The whole voiced text: hook, beats and call to action in order, one space apart. */
export function spokenText(script: Script): string {
  return spokenParts(script).join(' ');
}

/** How long the script takes to say at the given pace. */
export function estimatedSpeechMs(script: Script, wordsPerSecond: number = SPOKEN_WORDS_PER_SECOND): number {
  if (!(wordsPerSecond > 0)) throw new RangeError('wordsPerSecond must be positive');
  return Math.round((countWords(spokenText(script)) / wordsPerSecond) * 1000);
}

/** How many words a video of this length should say (hook + beats + call to action) at a voice's pace. */
export function targetWordCount(
  durationSeconds: number,
  wordsPerSecond: number = SPOKEN_WORDS_PER_SECOND,
): number {
  return Math.min(MAX_SPOKEN_WORDS, Math.round(clampSeconds(durationSeconds) * wordsPerSecond));
}

/** Whether a voice-over of `voiceMs` is within the tolerance of the brief's duration. */
export function lengthFits(voiceMs: number, durationSeconds: number): boolean {
  const targetMs = clampSeconds(durationSeconds) * 1000;
  return Math.abs(voiceMs - targetMs) <= Math.round(targetMs * LENGTH_TOLERANCE);
}

/**
 * How many words to ask a writer for next, given that asking for `askedWords` came out `voiceMs` long. Speech
 * length grows with the word count, so scaling the ask corrects both the voice's real pace and the writer's
 * habit of writing a little more or less than asked.
 */
export function refitWordCount(askedWords: number, voiceMs: number, durationSeconds: number): number {
  const scaled = Math.round((askedWords * clampSeconds(durationSeconds) * 1000) / Math.max(1, voiceMs));
  return Math.min(MAX_SPOKEN_WORDS, Math.max(MIN_SPOKEN_WORDS, scaled));
}

/** How many beats suit a video of this length: 3 for 10–15 s, one more per 15 s, at most 7. */
export function suggestedBeatCount(durationSeconds: number): number {
  return Math.min(MAX_BEATS, Math.max(MIN_BEATS, Math.round(2 + clampSeconds(durationSeconds) / 15)));
}

/** Everything wrong with a script (empty parts, beat count, length), in plain words; empty when it is usable. */
export function scriptProblems(script: Script): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  const empty = (message: string) => problems.push({ code: 'script_empty', message });
  if (!script.hook.trim()) empty('The hook (the opening line) is empty.');
  if (script.beats.length < MIN_BEATS) {
    empty(`The script needs ${MIN_BEATS} to ${MAX_BEATS} beats; it has ${script.beats.length}.`);
  }
  if (script.beats.length > MAX_BEATS) {
    problems.push({
      code: 'script_too_long',
      message: `The script needs ${MIN_BEATS} to ${MAX_BEATS} beats; it has ${script.beats.length}.`,
    });
  }
  script.beats.forEach((beat, index) => {
    if (!beat.text.trim()) empty(`Beat ${index + 1} has nothing to say.`);
    if (!beat.visualCue.trim()) empty(`Beat ${index + 1} has no picture description (visual cue).`);
  });
  if (!script.callToAction.trim()) empty('The call to action (the closing line) is empty.');
  const words = countWords(spokenText(script));
  if (words > MAX_SPOKEN_WORDS) {
    problems.push({
      code: 'script_too_long',
      message: `The script has ${words} words, but ${MAX_VIDEO_SECONDS} seconds hold about ${MAX_SPOKEN_WORDS}. Shorten it.`,
    });
  }
  return problems;
}

/** Throws UserError('validation', 'script_empty' | 'script_too_long') with the first problem; all in details. */
export function validateScript(script: Script): void {
  const [first, ...rest] = scriptProblems(script);
  if (!first) return;
  throw new UserError('validation', first.code, first.message, { problems: [first, ...rest] });
}

function clampSeconds(durationSeconds: number): number {
  return Math.min(MAX_VIDEO_SECONDS, Math.max(10, durationSeconds));
}
