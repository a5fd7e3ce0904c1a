import { describe, expect, it } from 'vitest';
import { ICON_SYNONYMS, IconMatcher, wordForms } from '../../../src/adapters/ai/visuals/icon-matcher.js';
import { iconNames, iconSvg } from '../../../src/adapters/ai/visuals/icon-pictures.js';

const matcher = new IconMatcher(iconNames());

describe('IconMatcher on the bundled emoji set', () => {
  it.each([
    ['octopus', 'octopus'],
    ['dog', 'dog'],
    ['rocket', 'rocket'],
    ['brain', 'brain'],
  ])('finds the icon named by the word: %s → %s', (word, icon) => {
    expect(matcher.match(word)).toBe(icon);
  });

  it.each([
    ['octopuses', 'octopus'],
    ['hearts', 'red-heart'],
    ['dogs', 'dog'],
    ['launches', 'rocket'],
    ['Rockets', 'rocket'],
  ])('folds plurals and case: %s → %s', (word, icon) => {
    expect(matcher.match(word)).toBe(icon);
  });

  it.each([
    ['coffee', 'hot-beverage'],
    ['phone', 'mobile-phone'],
    ['money', 'money-bag'],
    ['sleep', 'sleeping-face'],
    ['memory', 'brain'],
  ])('uses the synonym table: %s → %s', (word, icon) => {
    expect(matcher.match(word)).toBe(icon);
  });

  it('falls back to the shortest icon whose name ends with the word', () => {
    // "banknote" names no icon itself; the four "…-banknote" icons share the fewest parts, the first by name wins.
    expect(matcher.match('banknote')).toBe('dollar-banknote');
    expect(matcher.match('banknotes')).toBe('dollar-banknote');
  });

  it('does not take a linked name for its last word ("umbrella-on-ground" is no ground)', () => {
    expect(matcher.match('ground')).toBeNull();
    expect(matcher.match('straw')).toBeNull();
  });

  it('answers null for words with no picture and for words that describe the shot', () => {
    expect(matcher.match('consistency')).toBeNull();
    expect(matcher.match('xyzzy')).toBeNull();
    expect(matcher.match('person')).toBeNull();
    expect(matcher.match('light')).toBeNull();
    expect(matcher.match('hands')).toBeNull();
  });

  it('never picks a skin-tone or gendered variant', () => {
    const picked = ['runner', 'running', 'swimmer', 'surfing', 'cook'].map((w) => matcher.match(w));
    for (const icon of picked.filter((i): i is string => i !== null)) {
      expect(icon).not.toMatch(/-(light|medium|dark)$|^(man|woman)-/);
    }
    expect(matcher.match('running')).toBe('person-running');
  });

  it('gives the distinct icons of several words in order', () => {
    expect(matcher.matchAll(['hearts', 'pump', 'blood', 'heart', 'gills'])).toEqual([
      'red-heart',
      'fuel-pump',
      'drop-of-blood',
    ]);
    expect(matcher.matchAll([])).toEqual([]);
  });

  it('reads words as the text uses them: a verb gets no part match, a noun does', () => {
    expect(matcher.matchText('detail shot of hearts pump blood')).toEqual(['red-heart', 'drop-of-blood']);
    expect(matcher.matchText('a pump on the counter')).toEqual(['fuel-pump']);
    expect(matcher.matchText('Why octopuses have three hearts', 'en')).toEqual(['octopus', 'red-heart']);
  });

  it('only names synonyms the set has', () => {
    const names = new Set(iconNames());
    expect(Object.values(ICON_SYNONYMS).filter((icon) => !names.has(icon))).toEqual([]);
  });

  it('lists singular forms of a word', () => {
    expect(wordForms('octopuses')).toContain('octopus');
    expect(wordForms('cities')).toContain('city');
    expect(wordForms('coffee')).toEqual(['coffee']);
  });
});

describe('iconSvg', () => {
  it('wraps the icon in a padded view box with a shadow, and knows no unknown icon', () => {
    const svg = iconSvg('octopus');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="-2 -2 36 36">/);
    expect(svg).toContain('feDropShadow');
    expect(iconSvg('no-such-icon')).toBeNull();
  });
});
