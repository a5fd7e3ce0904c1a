import { describe, expect, it } from 'vitest';
import { packFor } from '../../../src/adapters/ai/script/offline/packs/index.js';
import { fill, midSentence, withoutArticle } from '../../../src/adapters/ai/script/offline/phrasing.js';
import { hashSeed, SeededChooser } from '../../../src/adapters/ai/script/offline/seeded-random.js';
import { nounPhrase } from '../../../src/adapters/ai/script/offline/visual-cue.js';

describe('packFor', () => {
  it.each([
    ['en', 'en', false],
    ['fr-CA', 'fr', false],
    ['pt-BR', 'pt', false],
    ['ES', 'es', false],
    ['de_AT', 'de', false],
    ['it', 'it', false],
    ['ja', 'en', true],
    ['', 'en', true],
  ])('%j → %s (fallback %s)', (language, pack, fallback) => {
    expect(packFor(language).pack.language).toBe(pack);
    expect(packFor(language).fallback).toBe(fallback);
  });

  it('offers every tone, and hooks that name the topic (and the audience when meant to)', () => {
    for (const language of ['en', 'fr', 'es', 'de', 'pt', 'it']) {
      const { pack } = packFor(language);
      for (const hooks of Object.values(pack.hooks)) {
        for (const hook of hooks.general) expect(hook, hook).toMatch(/\{topic\}|\{Topic\}/);
        for (const hook of hooks.withAudience)
          expect(hook, hook).toMatch(/\{(audience|Audience|listeners)\}/);
      }
      expect(pack.visualCues.every((cue) => cue.includes('{noun}'))).toBe(true);
      const { contractions: _rules, ...phrases } = pack;
      const all = JSON.stringify(phrases);
      expect(all, language).not.toMatch(/\d/);
    }
  });
});

describe('fill', () => {
  const fr = packFor('fr').pack;
  const it_ = packFor('it').pack;
  const es = packFor('es').pack;
  const pt = packFor('pt').pack;
  it.each([
    [fr, 'Parlons de {topic}.', 'le café', 'Parlons du café.'],
    [fr, 'Parlons de {topic}.', 'les plantes', 'Parlons des plantes.'],
    [fr, 'Parlons de {topic}.', 'avocats', "Parlons d'avocats."],
    [fr, 'Parlons de {topic}.', 'la mer', 'Parlons de la mer.'],
    [it_, 'Parliamo di {topic}.', 'il caffè', 'Parliamo del caffè.'],
    [it_, 'Parliamo di {topic}.', 'gli strumenti', 'Parliamo degli strumenti.'],
    [it_, 'Parliamo di {topic}.', "l'acqua", "Parliamo dell'acqua."],
    [it_, 'Uno sguardo su {topic}.', 'le piante', 'Uno sguardo sulle piante.'],
    [es, 'Hablemos de {topic}.', 'el huerto', 'Hablemos del huerto.'],
    [pt, 'Por trás de {topic}.', 'as plantas', 'Por trás das plantas.'],
    [pt, 'Pense em {topic}.', 'o café', 'Pense no café.'],
  ])('%#: %s with %j', (pack, template, topic, expected) => {
    expect(fill(template, { topic }, pack)).toBe(expected);
  });

  it('capitalises the first letter past opening punctuation, and leaves unknown placeholders', () => {
    expect(fill('¿{topic}?', { topic: 'café' }, es)).toBe('¿Café?');
    expect(fill('aquí {noun}', {}, es)).toBe('Aquí {noun}');
  });
});

describe('midSentence and withoutArticle', () => {
  it.each([
    ['Cold brew at home', 'en', 'cold brew at home'],
    ['The best espresso', 'en', 'the best espresso'],
    ['AI tools for teachers', 'en', 'AI tools for teachers'],
    ['iPhone photography', 'en', 'iPhone photography'],
    ['New York Pizza', 'en', 'New York Pizza'],
    ['Kalter Kaffee', 'de', 'Kalter Kaffee'],
    ['Die Kaffeebohne', 'de', 'die Kaffeebohne'],
    ['Les plantes', 'fr', 'les plantes'],
    ['déjà en minuscules', 'fr', 'déjà en minuscules'],
  ])('%j (%s) reads %j inside a sentence', (text, language, expected) => {
    expect(midSentence(text, language)).toBe(expected);
  });

  it.each([
    ['les débutants', 'fr', 'débutants'],
    ["l'équipe", 'fr', 'équipe'],
    ['los principiantes', 'es', 'principiantes'],
    ['The parents', 'en', 'parents'],
    ['i principianti', 'it', 'principianti'],
    ['busy parents', 'en', 'busy parents'],
    ['les', 'fr', 'les'],
  ])('%j (%s) addressed directly is %j', (text, language, expected) => {
    expect(withoutArticle(text, packFor(language).pack)).toBe(expected);
  });
});

describe('nounPhrase', () => {
  it.each<[string, string, boolean, string | null]>([
    ['Use coarse ground coffee for a smoother taste', 'en', true, 'coarse ground coffee'],
    ['Steep it in the fridge for twelve hours', 'en', true, 'fridge'],
    ['Keep it simple with cold water', 'en', true, 'cold water'],
    ['Water less often', 'en', true, null],
    ['Cold brew coffee at home', 'en', false, 'cold brew coffee'],
    ['Visit Paris in spring', 'en', true, 'Paris'],
    ['Utilisez un café moulu grossièrement', 'fr', true, 'café moulu'],
    ["Les plantes d'intérieur", 'fr', false, 'plantes'],
    ['Riega por la mañana', 'es', true, 'mañana'],
    ['Verwende grob gemahlenen Kaffee', 'de', true, 'Kaffee'],
    ['Gieße seltener', 'de', true, null],
    ['Zimmerpflanzen für Anfänger', 'de', false, 'Zimmerpflanzen'],
    ['the and of', 'en', false, null],
  ])('%j (%s) → %j', (text, language, startsWithVerb, expected) => {
    expect(nounPhrase(text, language, packFor(language).pack.nounOrder, startsWithVerb)).toBe(expected);
  });
});

describe('seeded choices', () => {
  it('are stable for a seed and differ between seeds', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const one = new SeededChooser(hashSeed('brief one'));
    const again = new SeededChooser(hashSeed('brief one'));
    const other = new SeededChooser(hashSeed('brief two'));
    const first = one.shuffled(items);
    expect(again.shuffled(items)).toEqual(first);
    expect(other.shuffled(items)).not.toEqual(first);
    expect([...first].sort()).toEqual(items);
    expect(hashSeed('')).toBe(0x811c9dc5);
    expect(() => one.pick([])).toThrow(RangeError);
  });
});
