import { singular, taggedWords } from './words.js';

// Nouns that name no picture: "the rest of the body", "a few things", "the basics".
const ABSTRACT_NOUNS = new Set([
  'answer',
  'basic',
  'bit',
  'case',
  'detail',
  'fact',
  'idea',
  'kind',
  'lot',
  'part',
  'piece',
  'point',
  'question',
  'reason',
  'rest',
  'step',
  'thing',
  'tip',
  'way',
  'less',
  'more',
  'most',
  'much',
  'few',
  'today',
  'tonight',
  'tomorrow',
  'yesterday',
  'anything',
  'everything',
  'nothing',
  'something',
]);

// Pronouns, numbers and times ("tonight", "Monday") are not pictures.
const SKIPPED_TAGS = ['Pronoun', 'Possessive', 'Value', 'Date'];

/**
 * The nouns of a text that a picture can show, singular, lower-case and in order of appearance: "Two hearts pump
 * blood through the gills" → ["heart", "blood", "gill"]. Pronouns, numbers, times and abstract nouns are left out;
 * names keep their capitals.
 */
export function concreteNouns(text: string): string[] {
  const nouns: string[] = [];
  for (const word of taggedWords(text)) {
    const { tags } = word;
    if (!tags.has('Noun') || SKIPPED_TAGS.some((tag) => tags.has(tag))) continue;
    const name = tags.has('ProperNoun') && /^\p{Lu}/u.test(word.text) && !tags.has('FirstName');
    // Only a plural is made singular: the library turns "focus" into "focu".
    const lower = word.text.toLowerCase();
    const base = name ? word.text : tags.has('Plural') ? singular(lower) : lower;
    const clean = base.replace(/[^\p{L}\p{N}' -]/gu, '');
    if (clean.length > 1 && !ABSTRACT_NOUNS.has(clean) && !nouns.includes(clean)) nouns.push(clean);
  }
  return nouns;
}

/** A beat's picture: its own nouns first, then the topic's, at most four words, e.g. "heart, gill, octopus". */
export function nounCue(beatNouns: readonly string[], topicNouns: readonly string[]): string {
  const unique = [...new Set([...beatNouns, ...topicNouns])];
  return unique.slice(0, 4).join(', ');
}
