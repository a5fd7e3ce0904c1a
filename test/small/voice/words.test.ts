import { describe, expect, it } from 'vitest';
import { endsClause, endsSentence, spokenWords, syllableWeight } from '../../../src/domain/speech/words.js';

describe('spokenWords', () => {
  it.each([
    ['Hello, world.', ['Hello,', 'world.']],
    ['  spaced\tout\nlines  ', ['spaced', 'out', 'lines']],
    ['cats — dogs - birds', ['cats', 'dogs', 'birds']],
    ['salt & pepper, 100 % sure', ['salt', '&', 'pepper,', '100', '%', 'sure']],
    ['"Quoted" (aside) e.g. 1,000', ['"Quoted"', '(aside)', 'e.g.', '1,000']],
    ['Ça va ? Très bien !', ['Ça', 'va', 'Très', 'bien']],
    ['🚀 launch 🎉', ['launch']],
    ['', []],
  ])('%j → %j', (text, expected) => {
    expect(spokenWords(text).map((w) => w.text)).toEqual(expected);
  });

  it('keeps each word’s place in the text', () => {
    const text = 'À côté 😀 de';
    for (const word of spokenWords(text)) expect(text.slice(word.start, word.end)).toBe(word.text);
  });

  it('cuts Chinese and Japanese runs into words, punctuation kept with the word before', () => {
    expect(spokenWords('你好世界。今天天气很好。', 'zh').map((w) => w.text)).toEqual([
      '你好',
      '世界。',
      '今天',
      '天气',
      '很好。',
    ]);
    const text = '「東京」へ行きます。';
    const words = spokenWords(text, 'ja');
    expect(words.length).toBeGreaterThan(1);
    expect(words.map((w) => w.text).join('')).toBe(text);
    for (const word of words) expect(text.slice(word.start, word.end)).toBe(word.text);
  });
});

describe('sentence and clause ends', () => {
  it.each([
    ['end.', true, false],
    ['really?!', true, false],
    ['“quoted.”', true, false],
    ['wait…', true, false],
    ['好。', true, false],
    ['first,', false, true],
    ['then;', false, true],
    ['note:', false, true],
    ['e.g', false, false],
    ['word', false, false],
  ])('%s: sentence %s, clause %s', (word, sentence, clause) => {
    expect(endsSentence(word)).toBe(sentence);
    expect(endsClause(word)).toBe(clause);
  });
});

describe('syllableWeight', () => {
  it.each([
    ['a', 1],
    ['cat', 1],
    ['people', 2],
    ['productivity', 5],
    ['élève', 3],
    ['1,000', 4],
    ['7', 3],
    ['你好', 2],
    ['привет', 2],
    ['&', 1],
  ])('%s ≈ %i', (word, weight) => {
    expect(syllableWeight(word)).toBe(weight);
  });
});
