import { describe, expect, it } from 'vitest';
import { packFor } from '../../../src/adapters/ai/script/offline/packs/index.js';
import type { LanguagePack } from '../../../src/adapters/ai/script/offline/packs/language-pack.js';
import { fill, midSentence, withoutArticle } from '../../../src/adapters/ai/script/offline/phrasing.js';
import { hashSeed, SeededChooser } from '../../../src/adapters/ai/script/offline/seeded-random.js';
import { nounPhrase } from '../../../src/adapters/ai/script/offline/visual-cue.js';

/** The pack of a language that has one. */
function pack(language: string): LanguagePack {
  const found = packFor(language);
  if (!found) throw new Error(`no pack for ${language}`);
  return found;
}

describe('packFor', () => {
  it.each([
    ['fr-CA', 'fr'],
    ['pt-BR', 'pt'],
    ['ES', 'es'],
    ['de_AT', 'de'],
    ['it', 'it'],
    ['en', null],
    ['ja', null],
    ['', null],
  ])('%j → %s (English and other languages have their own writer)', (language, expected) => {
    expect(packFor(language)?.language ?? null).toBe(expected);
  });

  it('offers every tone, and hooks that name the topic (and the audience when meant to)', () => {
    for (const language of ['fr', 'es', 'de', 'pt', 'it']) {
      const pack = packFor(language);
      if (!pack) throw new Error(language);
      for (const hooks of Object.values(pack.hooks)) {
        for (const hook of hooks.general) expect(hook, hook).toMatch(/\{topic\}|\{Topic\}/);
        for (const hook of hooks.withAudience)
          expect(hook, hook).toMatch(/\{(audience|Audience|listeners)\}/);
      }
      expect(pack.visualCues.every((cue) => cue.includes('{noun}'))).toBe(true);
      for (const hook of [...pack.standaloneHooks.question, ...pack.standaloneHooks.howTo]) {
        expect(hook, hook).toContain('{Standalone}');
      }
      const { contractions: _rules, howToTopic: _howTo, questionTopic: _question, ...phrases } = pack;
      const all = JSON.stringify(phrases);
      expect(all, language).not.toMatch(/\d/);
    }
  });
});

describe('fill', () => {
  const fr = pack('fr');
  const it_ = pack('it');
  const es = pack('es');
  const pt = pack('pt');
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
    expect(fill(template, { topic }, pack.contractions)).toBe(expected);
  });

  it('capitalises the first letter past opening punctuation, and leaves unknown placeholders', () => {
    expect(fill('¿{topic}?', { topic: 'café' }, es.contractions)).toBe('¿Café?');
    expect(fill('aquí {noun}', {}, es.contractions)).toBe('Aquí {noun}');
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
    ['i principianti', 'it', 'principianti'],
    ['les', 'fr', 'les'],
  ])('%j (%s) addressed directly is %j', (text, language, expected) => {
    expect(withoutArticle(text, pack(language).articles)).toBe(expected);
  });

  it('drops an English article too', () => {
    expect(withoutArticle('The parents', ['the', 'a', 'an'])).toBe('parents');
    expect(withoutArticle('busy parents', ['the', 'a', 'an'])).toBe('busy parents');
  });
});

describe('nounPhrase', () => {
  it.each<[string, string, boolean, string | null]>([
    ['Visitez Paris au printemps', 'fr', true, 'Paris'],
    ['Arrosez moins souvent', 'fr', true, null],
    ['Utilisez un café moulu grossièrement', 'fr', true, 'café moulu'],
    ["Les plantes d'intérieur", 'fr', false, 'plantes'],
    ['Riega por la mañana', 'es', true, 'mañana'],
    ['Verwende grob gemahlenen Kaffee', 'de', true, 'Kaffee'],
    ['Gieße seltener', 'de', true, null],
    ['Zimmerpflanzen für Anfänger', 'de', false, 'Zimmerpflanzen'],
    ['le et de', 'fr', false, null],
  ])('%j (%s) → %j', (text, language, startsWithVerb, expected) => {
    expect(nounPhrase(text, language, pack(language).nounOrder, startsWithVerb)).toBe(expected);
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
