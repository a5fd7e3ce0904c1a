/**
 * Measuring and shortening text the way platforms count it: TikTok counts UTF-16 code units, YouTube's
 * description counts UTF-8 bytes. Cuts happen between graphemes, so an emoji (a surrogate pair, or a family
 * joined with zero-width joiners) or a flag is never split in half.
 */

const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const ELLIPSIS = '…';

/** Length in UTF-16 code units (what JavaScript's `length` and TikTok count). */
export function utf16Length(text: string): number {
  return text.length;
}

/** Size in bytes once encoded as UTF-8 (a lone surrogate counts as U+FFFD, 3 bytes). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** The longest prefix within `maxUnits` UTF-16 code units, cut between graphemes; `ellipsis` is added if cut. */
export function truncateUtf16(text: string, maxUnits: number, ellipsis = ''): string {
  return truncateBy(text, maxUnits, utf16Length, ellipsis);
}

/** The longest prefix within `maxBytes` UTF-8 bytes, cut between graphemes; `ellipsis` is added if cut. */
export function truncateUtf8(text: string, maxBytes: number, ellipsis = ''): string {
  return truncateBy(text, maxBytes, utf8Bytes, ellipsis);
}

/**
 * Shortens text to fit `max` under `measure`, preferring to stop at a word boundary and ending with "…".
 * Text that already fits comes back unchanged.
 */
export function fitText(text: string, max: number, measure: (text: string) => number): string {
  if (measure(text) <= max) return text;
  const cut = truncateBy(text, max - measure(ELLIPSIS), measure, '');
  const lastSpace = cut.search(/\s\S*$/u);
  // Stop at the last word boundary unless that throws away more than a third of the text.
  const atWord = lastSpace > cut.length * (2 / 3) ? cut.slice(0, lastSpace) : cut;
  const trimmed = atWord.replace(/[\s,;:–—-]+$/u, '');
  return trimmed ? `${trimmed}${ELLIPSIS}` : truncateBy(text, max, measure, '');
}

/** Removes the characters YouTube refuses in titles and descriptions. */
export function withoutAngleBrackets(text: string): string {
  return text.replace(/[<>]/g, '');
}

function truncateBy(text: string, max: number, measure: (text: string) => number, ellipsis: string): string {
  if (measure(text) <= max) return text;
  const budget = max - measure(ellipsis);
  if (budget <= 0) return '';
  let kept = '';
  let size = 0;
  for (const { segment } of graphemeSegmenter.segment(text)) {
    const next = measure(segment);
    if (size + next > budget) break;
    kept += segment;
    size += next;
  }
  return `${kept}${ellipsis}`;
}
