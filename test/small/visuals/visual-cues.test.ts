import { describe, expect, it } from 'vitest';
import {
  beatKeywords,
  extractKeywords,
  kineticWords,
  normalizeWord,
  overlayTextFor,
  scoreTags,
  stem,
  tagsFromText,
} from '../../../src/domain/visual-cues.js';

describe('normalizeWord', () => {
  it.each([
    ['Été', 'ete'],
    ['Straße', 'strasse'],
    ['Œuvre', 'oeuvre'],
    ['NIÑO', 'nino'],
    ['São', 'sao'],
  ])('%s → %s', (word, expected) => expect(normalizeWord(word)).toBe(expected));
});

describe('extractKeywords', () => {
  it.each([
    [
      'en',
      'Close-up shot of a steaming coffee cup on a wooden desk',
      ['steaming', 'coffee', 'cup', 'wooden', 'desk'],
    ],
    ['fr', "Les vagues de l'océan au lever du soleil", ['vagues', 'ocean', 'lever', 'soleil']],
    ['es', 'Las olas del océano al amanecer', ['olas', 'oceano', 'amanecer']],
    ['de', 'Die Wellen des Ozeans bei Sonnenaufgang', ['wellen', 'ozeans', 'sonnenaufgang']],
    ['pt-BR', 'As ondas do oceano ao nascer do sol', ['ondas', 'oceano', 'nascer', 'sol']],
    ['it', "Le onde del mare all'alba", ['onde', 'mare', 'alba']],
    ['en', 'Data, data and 2024 DATA!', ['data']],
  ])('%s: %s', (language, text, expected) => expect(extractKeywords(text, language)).toEqual(expected));

  it("keeps another language's stop words that are subjects when the language is unknown", () => {
    expect(extractKeywords('a man with a hat next to the car')).toEqual(['man', 'hat', 'next', 'car']);
    expect(extractKeywords('Der Mann hat ein Auto', 'de')).toEqual(['mann', 'auto']);
  });
});

describe('stem', () => {
  it.each([
    ['cities', 'city'],
    ['beaches', 'beach'],
    ['boxes', 'box'],
    ['glasses', 'glass'],
    ['cookies', 'cookie'],
    ['gateaux', 'gateau'],
    ['houses', 'house'],
    ['days', 'day'],
  ])('%s and %s share a stem', (plural, singular) => expect(stem(plural)).toBe(stem(singular)));

  it.each(['analysis', 'status', 'bus', 'glass', 'sea'])('leaves %s alone', (word) =>
    expect(stem(word)).toBe(word),
  );
});

describe('scoreTags', () => {
  const keywords = beatKeywords(
    { text: 'Coffee gives you energy', visualCue: 'Steaming coffee cups on a desk' },
    'en',
  );

  it('splits cue words from text words, without repeating the cue', () => {
    expect(keywords).toEqual({ cue: ['steaming', 'coffee', 'cups', 'desk'], text: ['gives', 'energy'] });
  });

  it.each([
    [['coffee'], 2],
    [['cup', 'coffee'], 4],
    [['energy'], 1],
    [['Desks', 'ENERGY'], 3],
    [['steam'], 1],
    [['sunset', 'beach'], 0],
    [[], 0],
  ])('tags %o score %d', (tags, score) => expect(scoreTags(keywords, tags)).toBe(score));
});

describe('tagsFromText', () => {
  it('takes words from the file name (camel case, separators, no camera noise) and the description', () => {
    expect(
      tagsFromText('IMG_2034 sunsetBeach-Dog.JPG', 'Mon chien sur la plage au coucher du soleil'),
    ).toEqual(['sunset', 'beach', 'dog', 'chien', 'plage', 'coucher', 'soleil']);
  });

  it('keeps at most 30 tags', () => {
    const many = Array.from({ length: 40 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i}`).join(
      ' ',
    );
    expect(tagsFromText('x.png', many)).toHaveLength(30);
  });
});

describe('kinetic text', () => {
  it.each([
    ['en', 'Your morning coffee is secretly slowing you down', 'morning secretly slowing'],
    ['en', 'Drink water.', 'Drink water'],
    ['fr', "C'est l'heure de boire de l'eau", "l'heure boire l'eau"],
    ['en', 'It is what it is', null],
  ])('%s: %s → %s', (language, text, expected) => expect(kineticWords(text, language)).toBe(expected));

  it('appears only with styles that call for it', () => {
    const beat = { text: 'Automate your reports with three formulas', visualCue: 'spreadsheet' };
    expect(overlayTextFor(beat, { stylePreset: 'tech-grid', language: 'en' })).toBe(
      'Automate reports formulas',
    );
    expect(overlayTextFor(beat, { stylePreset: 'calm-gradient', language: 'en' })).toBeNull();
  });
});
