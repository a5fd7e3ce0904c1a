/**
 * Title search that any store can serve with equality lookups: a title is cut into normalized tokens, and the
 * index keeps every prefix of every token. A query matches an item when each of its words is a prefix of one of
 * the title's tokens ("vid caf" finds "Café videos"), so a store answers it with one exact-term lookup per word
 * (SQLite: an index table; Firestore: `array-contains` on the item's term list) instead of scanning titles.
 */

/** Longer tokens are indexed by their first characters only; query words are cut the same way. */
export const MAX_TERM_LENGTH = 24;

/** Lower-cased, accents removed, cut on every character that is not a letter or a digit. */
export function searchTokens(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0)
    .map((token) => [...token].slice(0, MAX_TERM_LENGTH).join(''));
}

/** Every prefix of every title token, once each: what the store indexes for one item. */
export function titleSearchTerms(title: string): string[] {
  const terms = new Set<string>();
  for (const token of searchTokens(title)) {
    const chars = [...token];
    for (let end = 1; end <= chars.length; end += 1) terms.add(chars.slice(0, end).join(''));
  }
  return [...terms];
}

/** The distinct words of a search query; empty when it holds no letter or digit (then it filters nothing). */
export function searchQueryTerms(search: string): string[] {
  return [...new Set(searchTokens(search))];
}
