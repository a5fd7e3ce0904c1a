import { countWords } from '../../../../domain/script-rules.js';
import { isStopword, primaryLanguage, wordsOf } from '../../../../domain/metadata/keywords.js';
import type { LanguagePack } from './packs/language-pack.js';
import type { SeededChooser } from './seeded-random.js';

/** Values for a template's placeholders, e.g. {topic}, {Audience}, {point}; a phrase needs all of its own. */
export type Placeholders = Partial<Record<string, string>>;

/** Fills a template's placeholders, repairs article contractions and capitalises the first letter. */
export function fill(
  template: string,
  values: Placeholders,
  contractions: LanguagePack['contractions'] = [],
): string {
  const filled = template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  const contracted = contractions.reduce(
    (text, [pattern, replacement]) => text.replace(pattern, replacement),
    filled,
  );
  return capitalizeFirst(contracted);
}

/** The placeholders a template needs are all available (an empty audience rules out "{audience}" phrases). */
export function canFill(template: string, values: Placeholders): boolean {
  return [...template.matchAll(/\{(\w+)\}/g)].every((match) => Boolean(values[match[1] ?? '']));
}

/**
 * Upper-cases the first letter, past any leading punctuation such as "¿" or "¡"; text that opens with a number
 * stays as it is ("12 hours", not "12 Hours").
 */
export function capitalizeFirst(text: string): string {
  return text.replace(/^([^\p{L}\p{N}]*)(\p{L})/u, (_whole, lead: string, letter: string) => {
    return lead + letter.toLocaleUpperCase();
  });
}

/**
 * A phrase as it reads inside a sentence. People type topics in sentence case ("Cold brew at home"), so a
 * leading capital is lowered, except in German (nouns keep capitals), for acronyms and inner capitals ("AI",
 * "iPhone") and for Title Case phrases ("New York Pizza"), which are likely names. A leading article is always
 * lowered.
 */
export function midSentence(text: string, language: string): string {
  const words = wordsOf(text);
  const [first] = words;
  if (!first || first !== capitalizeFirst(first.slice(0, 1) + first.slice(1).toLocaleLowerCase()))
    return text;
  const article = isStopword(first, language);
  const titleCase =
    words.length > 1 && words.every((word) => /^\p{Lu}/u.test(word) || isStopword(word, language));
  if (!article && (primaryLanguage(language) === 'de' || titleCase)) return text;
  return text.replace(/\p{L}/u, (letter) => letter.toLocaleLowerCase());
}

/** A phrase without its leading article, for addressing people directly ("les débutants" → "débutants"). */
export function withoutArticle(text: string, articles: readonly string[]): string {
  const match = /^(\p{L}+['’]?)\s*/u.exec(text);
  const article = match?.[1]?.replace('’', "'").toLocaleLowerCase();
  if (!match || !article || !articles.includes(article)) return text;
  const rest = text.slice(match[0].length);
  return rest.length > 0 ? rest : text;
}

/** Text ending with sentence punctuation, so that joined beats read as separate sentences. */
export function asSentence(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return /[.!?…。！？]["'”»)]*$/u.test(clean) ? clean : `${clean}.`;
}

/**
 * Draws phrases without repeating one within a script: each pool is shuffled once from the seed, and a draw
 * takes the next phrase that fits the word budget (or, when none fits, the shortest left).
 */
export class PhraseDrawer {
  private readonly remaining = new Map<readonly string[], string[]>();

  constructor(
    private readonly chooser: SeededChooser,
    private readonly values: Placeholders,
  ) {}

  /** The next unused phrase of the pool within `maxWords` words, or null when the pool is used up. */
  draw(pool: readonly string[], maxWords: number): string | null {
    let left = this.remaining.get(pool);
    if (!left) {
      left = this.chooser.shuffled(pool.filter((phrase) => canFill(phrase, this.values)));
      this.remaining.set(pool, left);
    }
    if (left.length === 0) return null;
    const fitting = left.findIndex((phrase) => countWords(this.estimate(phrase)) <= maxWords);
    const index = fitting >= 0 ? fitting : this.shortestIndex(left);
    const [phrase] = left.splice(index, 1);
    return phrase ?? null;
  }

  private shortestIndex(phrases: string[]): number {
    let best = 0;
    phrases.forEach((phrase, index) => {
      if (countWords(this.estimate(phrase)) < countWords(this.estimate(phrases[best] ?? ''))) best = index;
    });
    return best;
  }

  /** The phrase with its placeholders filled, for counting words. */
  private estimate(phrase: string): string {
    return phrase.replace(/\{(\w+)\}/g, (whole, name: string) => this.values[name] ?? whole);
  }
}
