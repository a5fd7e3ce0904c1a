import { describe, expect, it } from 'vitest';
import {
  MAX_TERM_LENGTH,
  searchQueryTerms,
  searchTokens,
  titleSearchTerms,
} from '../../src/domain/search-terms.js';

describe('searchTokens', () => {
  it.each([
    ['Café Crème', ['cafe', 'creme']],
    ['MORNING habits', ['morning', 'habits']],
    ["rock'n'roll — 3 tips!", ['rock', 'n', 'roll', '3', 'tips']],
    ['  spaced\tout\nlines  ', ['spaced', 'out', 'lines']],
    ['São Paulo, Zürich & Łódź', ['sao', 'paulo', 'zurich', 'łodz']],
    ['Ｆｕｌｌｗｉｄｔｈ ２０２６', ['fullwidth', '2026']],
    ['emoji 🎬 split', ['emoji', 'split']],
    ['!!! ---', []],
    ['', []],
  ])('%j → %j', (text, expected) => expect(searchTokens(text)).toEqual(expected));

  it(`keeps the first ${MAX_TERM_LENGTH} characters of a long token`, () => {
    expect(searchTokens('x'.repeat(40))).toEqual(['x'.repeat(MAX_TERM_LENGTH)]);
  });
});

describe('titleSearchTerms', () => {
  it('indexes every prefix of every token once', () => {
    expect(titleSearchTerms('Tip top')).toEqual(['t', 'ti', 'tip', 'to', 'top']);
  });

  it('has no terms for a title without letters or digits', () => {
    expect(titleSearchTerms('— !')).toEqual([]);
  });
});

describe('searchQueryTerms', () => {
  it.each([
    ['CAFÉ', ['cafe']],
    ['vid, caf', ['vid', 'caf']],
    ['tip tip TIP', ['tip']],
    ['...', []],
  ])('%j → %j', (query, expected) => expect(searchQueryTerms(query)).toEqual(expected));
});
