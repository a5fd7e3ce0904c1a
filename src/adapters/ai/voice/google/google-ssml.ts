import { spansFromStarts, type TimeSpan } from '../timings.js';
import { endsSentence, type SpokenWord } from '../../../../domain/speech/words.js';

/** A Google time point: when a named SSML mark was reached in the audio. */
export interface GoogleTimepoint {
  markName: string;
  timeSeconds: number;
}

/** Escapes text for an SSML document. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Google refuses input over 5000 bytes; a margin keeps each request under it. */
export const GOOGLE_SSML_MAX_BYTES = 4800;

/**
 * The text as SSML documents of at most `maxBytes` each (cut between sentences when it must be cut), with
 * `<mark name="w{i}"/>` before word i and `<mark name="e{i}"/>` after a word that ends a sentence or a document,
 * so a word before a pause ends where its sound does rather than after the pause.
 */
export function markedSsmlParts(
  text: string,
  words: SpokenWord[],
  maxBytes = GOOGLE_SSML_MAX_BYTES,
): string[] {
  const parts: string[] = [];
  let from = 0;
  while (from < words.length) {
    let to = from + 1;
    while (to < words.length && Buffer.byteLength(renderPart(text, words, from, to + 1)) <= maxBytes) to++;
    if (to < words.length) {
      // Prefer to cut after the last sentence end that fits.
      const sentenceEnd = words.slice(from, to).findLastIndex((w) => endsSentence(w.text));
      if (sentenceEnd >= 0) to = from + sentenceEnd + 1;
    }
    parts.push(renderPart(text, words, from, to));
    from = to;
  }
  return parts;
}

/** SSML for words [from, to), with the text around them (before the first word, after the last). */
function renderPart(text: string, words: SpokenWord[], from: number, to: number): string {
  let ssml = '<speak>';
  let at = from === 0 ? 0 : (words[from]?.start ?? 0);
  for (let i = from; i < to; i++) {
    const word = words[i];
    if (!word) break;
    ssml += `${escapeXml(text.slice(at, word.start))}<mark name="w${i}"/>${escapeXml(word.text)}`;
    if (endsSentence(word.text) || i === to - 1) ssml += `<mark name="e${i}"/>`;
    at = word.end;
  }
  const tail = to === words.length ? escapeXml(text.slice(at)) : '';
  return `${ssml}${tail}</speak>`;
}

/** Each word's span from the time points of its marks; null where Google reported no start mark. */
export function spansFromTimepoints(
  wordCount: number,
  timepoints: GoogleTimepoint[],
  durationMs: number,
): (TimeSpan | null)[] {
  const starts: (number | null)[] = Array.from({ length: wordCount }, () => null);
  const ends = new Map<number, number>();
  for (const point of timepoints) {
    const match = /^([we])(\d+)$/.exec(point.markName);
    const index = Number(match?.[2]);
    if (!match || !(index < wordCount)) continue;
    if (match[1] === 'w') starts[index] = point.timeSeconds * 1000;
    else ends.set(index, point.timeSeconds * 1000);
  }
  return spansFromStarts(starts, durationMs).map((span, i) => {
    const end = ends.get(i);
    return span && end !== undefined && end >= span.startMs ? { startMs: span.startMs, endMs: end } : span;
  });
}

/** Google's language code for a BCP 47 tag: script subtags dropped ("zh-Hant-TW" → "zh-TW"). */
export function googleLanguageCode(language: string): string {
  return language
    .replace(/_/g, '-')
    .split('-')
    .filter((part, i) => i === 0 || !/^[A-Za-z]{4}$/.test(part))
    .join('-');
}
