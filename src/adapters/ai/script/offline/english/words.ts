import nlp from 'compromise';

/** A word of an English text with the part-of-speech tags the tagger gave it ("Noun", "Plural", "Verb" ...). */
export interface TaggedWord {
  text: string;
  tags: ReadonlySet<string>;
}

/** The words of a text, tagged in context by compromise; punctuation is left out. */
export function taggedWords(text: string): TaggedWord[] {
  const sentences = nlp(text).json() as { terms: { text: string; tags: string[] }[] }[];
  return sentences
    .flatMap((sentence) => sentence.terms)
    .filter((term) => term.text.length > 0)
    .map((term) => ({ text: term.text, tags: new Set(term.tags) }));
}

/** The joined text of some tagged words. */
export function joined(words: readonly TaggedWord[]): string {
  return words.map((word) => word.text).join(' ');
}

/** A noun in its singular form ("gills" → "gill"); the word itself when it has none ("money"). */
export function singular(noun: string): string {
  // Tagged as a noun first: alone, "launches" reads as a verb.
  const doc = nlp(noun);
  doc.tag('Noun');
  const form = doc.nouns().toSingular().text().trim();
  return form.length > 0 ? form : noun;
}

/** Whether a noun phrase is plural ("rocket launches", "dog training basics"), so verbs can agree with it. */
export function isPluralPhrase(phrase: string): boolean {
  return nlp(phrase).nouns().isPlural().length > 0;
}

export type VerbForm = 'Infinitive' | 'PresentTense' | 'PastTense';

/** A verb in another form: "carries" → "carry" (Infinitive), "affect" → "affects" (PresentTense). */
export function verbForm(verb: string, form: VerbForm): string {
  const [forms] = nlp(verb).verbs().conjugate() as Partial<Record<VerbForm, string>>[];
  return forms?.[form] ?? verb;
}

/**
 * The text with its first letter lowered, as it reads after "First," or inside a sentence, unless the first
 * word is a name, an acronym or "I" ("Spanish", "AI", "iPhone").
 */
export function lowerFirst(text: string): string {
  const [first] = taggedWords(text);
  if (!first) return text;
  const keepsCase = first.text === 'I' || /\p{Lu}/u.test(first.text.slice(1)) || isName(first);
  return keepsCase ? text : text.replace(/\p{L}/u, (letter) => letter.toLocaleLowerCase());
}

const NAME_TAGS = ['ProperNoun', 'Acronym', 'WeekDay', 'Month'];

function isName(word: TaggedWord): boolean {
  return NAME_TAGS.some((tag) => word.tags.has(tag));
}
