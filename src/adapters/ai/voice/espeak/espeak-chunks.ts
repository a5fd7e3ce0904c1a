import type { EspeakEvent } from '@echogarden/espeak-ng-emscripten';
import type { TimeSpan } from '../timings.js';
import { endsSentence, type SpokenWord } from '../../../../domain/speech/words.js';

/** One sentence of the text as eSpeak gets it (SSML-escaped), with its words' places in code points. */
export interface EspeakChunk {
  ssml: string;
  /** Index of the chunk's first word in the whole text's word list. */
  firstWord: number;
  /** Code-point ranges [start, end) of the chunk's words in `ssml`. */
  ranges: { start: number; end: number }[];
}

/**
 * Cuts the text into sentences for eSpeak, each keeping the punctuation and spacing that shape its prosody.
 * Synthesizing sentence by sentence lets other work run in between and an abort stop between sentences.
 */
export function espeakChunks(text: string, words: SpokenWord[]): EspeakChunk[] {
  const chunks: EspeakChunk[] = [];
  let current: EspeakChunk | null = null;
  let length = 0;
  words.forEach((word, i) => {
    if (!current) {
      current = { ssml: '', firstWord: i, ranges: [] };
      chunks.push(current);
      length = 0;
    } else {
      const gap = escapeSsml(text.slice(words[i - 1]?.end ?? word.start, word.start));
      current.ssml += gap;
      length += codePoints(gap);
    }
    const escaped = escapeSsml(word.text);
    current.ranges.push({ start: length, end: length + codePoints(escaped) });
    current.ssml += escaped;
    length += codePoints(escaped);
    if (endsSentence(word.text)) current = null;
  });
  return chunks;
}

/** Escapes the characters SSML would read as markup. */
export function escapeSsml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * Each chunk word's span (ms from the chunk's start) from eSpeak's events: a word starts at its word event and
 * ends at the next pause, word, clause end or sentence; null for a word eSpeak did not report.
 */
export function spansFromEvents(
  chunk: EspeakChunk,
  events: EspeakEvent[],
  durationMs: number,
): (TimeSpan | null)[] {
  const spans: (TimeSpan | null)[] = chunk.ranges.map(() => null);
  let speaking: number | null = null;
  // The word the latest word event belongs to: a pause inside a word ("1,000") must not end it for good.
  let owner: number | null = null;
  const stop = (at: number): void => {
    const span = speaking === null ? null : spans[speaking];
    if (span) span.endMs = Math.max(span.endMs, at);
    speaking = null;
  };
  for (const event of events) {
    const at = event.audio_position;
    if (event.type === 'word') {
      stop(at);
      const position = event.text_position - 1;
      const index = chunk.ranges.findIndex((r) => position >= r.start && position < r.end);
      owner = index >= 0 ? index : null;
      if (owner !== null) spans[owner] ??= { startMs: at, endMs: at };
      speaking = owner;
    } else if (event.type === 'phoneme') {
      if (event.id === '' || event.id === undefined) stop(at);
      else speaking ??= owner;
    } else if (event.type === 'end' || event.type === 'sentence' || event.type === 'msg_terminated') {
      stop(at);
      owner = null;
    }
  }
  stop(durationMs);
  return spans;
}
