import nlp from 'compromise';
import { extractKeywords, normalizeWord, stem } from '../../../domain/visual-cues.js';

/**
 * Everyday words whose picture has another name in the set (or a better one than a name match would find). Small on
 * purpose: every target must exist in the set (a test checks), and a name match covers the rest.
 */
export const ICON_SYNONYMS: Readonly<Record<string, string>> = {
  coffee: 'hot-beverage',
  espresso: 'hot-beverage',
  tea: 'teacup-without-handle',
  phone: 'mobile-phone',
  smartphone: 'mobile-phone',
  money: 'money-bag',
  cash: 'dollar-banknote',
  dollar: 'dollar-banknote',
  budget: 'money-bag',
  saving: 'money-bag',
  sleep: 'sleeping-face',
  nap: 'sleeping-face',
  heart: 'red-heart',
  love: 'red-heart',
  blood: 'drop-of-blood',
  water: 'droplet',
  memory: 'brain',
  mind: 'brain',
  idea: 'light-bulb',
  time: 'alarm-clock',
  clock: 'alarm-clock',
  car: 'automobile',
  home: 'house',
  book: 'open-book',
  reading: 'open-book',
  music: 'musical-note',
  song: 'musical-note',
  earth: 'globe-showing-americas',
  world: 'globe-showing-americas',
  planet: 'globe-showing-americas',
  growth: 'chart-increasing',
  computer: 'laptop',
  bean: 'beans',
  moon: 'crescent-moon',
  energy: 'high-voltage',
  exercise: 'person-running',
  running: 'person-running',
  launch: 'rocket',
  space: 'rocket',
  gift: 'wrapped-gift',
  reward: 'wrapped-gift',
  fruit: 'red-apple',
  apple: 'red-apple',
  salad: 'green-salad',
  plant: 'potted-plant',
  study: 'graduation-cap',
  school: 'school',
  email: 'envelope',
  dream: 'sleeping-face',
};

// Words that describe a shot or a person in it rather than its subject ("person looking at…", "in soft natural
// light"), and name parts shared by too many icons to mean anything alone: never matched.
const VAGUE = new Set(
  `person people man woman hand hands looking working holding pan slow wide detail overhead soft natural light
  across face button sign symbol mark medium dark close basic basics tip tips step steps`.split(/\s+/),
);

// Skin-tone and gendered variants of people emoji: the neutral icon is always preferred.
const VARIANT = /-(?:light|medium-light|medium|medium-dark|dark)$|^(?:man|woman)-/;

const LINKED = /-(?:on|of|with|without|in|behind|over|under|at|and|from)-/;

const MIN_PART_MATCH_LENGTH = 4;

/**
 * Picks icons of a set for words: a synonym, the icon named by the word, or the shortest icon whose name ends with
 * the word ("banknote" → "dollar-banknote").
 */
export class IconMatcher {
  private readonly names: Set<string>;
  private readonly byLastPart = new Map<string, string>();

  constructor(names: readonly string[]) {
    this.names = new Set(names);
    // "umbrella-on-ground" is an umbrella: a name with a linking word is about its first part, not its last.
    const usable = names.filter((name) => !VARIANT.test(name) && !LINKED.test(name));
    // Fewest parts first (the plainest picture), then alphabetical, so the choice never depends on the listing.
    const ordered = [...usable].sort((a, b) => parts(a) - parts(b) || a.localeCompare(b));
    for (const name of ordered) {
      const last = name.slice(name.lastIndexOf('-') + 1);
      if (!this.byLastPart.has(last)) this.byLastPart.set(last, name);
    }
  }

  /**
   * The icon for one word (any case, singular or plural), or null. Named icons win over part matches; a word used
   * as a verb ("hearts pump blood") gets no part match ("fuel-pump").
   */
  match(word: string, usedAsVerb = false): string | null {
    const forms = wordForms(word.toLowerCase());
    if (forms.some((form) => VAGUE.has(form))) return null;
    for (const form of forms) {
      const synonym = ICON_SYNONYMS[form];
      if (synonym !== undefined && this.names.has(synonym)) return synonym;
      if (this.names.has(form) && !VARIANT.test(form)) return form;
    }
    if (usedAsVerb) return null;
    for (const form of forms) {
      const partMatch = form.length >= MIN_PART_MATCH_LENGTH ? this.byLastPart.get(form) : undefined;
      if (partMatch !== undefined) return partMatch;
    }
    return null;
  }

  /** The distinct icons of the words of a text, in order, reading each word as the text uses it. */
  matchText(text: string, language?: string): string[] {
    const verbTerms = nlp(text).match('#Verb').json() as { terms: { normal: string }[] }[];
    const verbs = new Set(verbTerms.flatMap((match) => match.terms.map((t) => normalizeWord(t.normal))));
    return this.matchAll(extractKeywords(text, language), verbs);
  }

  /** The distinct icons of several words, in the words' order (`verbs`: the words used as verbs). */
  matchAll(words: readonly string[], verbs: ReadonlySet<string> = new Set()): string[] {
    const found = words
      .map((w) => this.match(w, verbs.has(w)))
      .filter((icon): icon is string => icon !== null);
    return [...new Set(found)];
  }
}

/** The word as written, then its singular ("octopuses" → "octopus", "hearts" → "heart", "launches" → "launch"). */
export function wordForms(word: string): string[] {
  const singular = nlp(word).nouns().toSingular().text('normal');
  return [...new Set([word, singular, stem(word)].filter((form) => form !== ''))];
}

function parts(name: string): number {
  return name.split('-').length;
}
