import { contentWordRuns, isStopword, wordsOf } from '../../../../domain/metadata/keywords.js';
import type { LanguagePack } from './packs/language-pack.js';

/**
 * The picture-carrying words of a text in French, Spanish, Portuguese, Italian or German, e.g. "Utilisez un café
 * moulu grossièrement" → "café moulu" (English cues name singular nouns instead, see english/concrete-nouns). Heuristics, no tagger: with `startsWithVerb` (key points often
 * start with an imperative) the first word is skipped when others follow; a run of two or more meaningful words beats a single word,
 * else the earliest wins; the run keeps its first words, where these languages keep the main noun. In German, the
 * first capitalised noun. Null when the text has no meaningful word besides the verb.
 */
export function nounPhrase(
  text: string,
  language: string,
  order: LanguagePack['nounOrder'],
  startsWithVerb: boolean,
): string | null {
  if (order === 'capitalized') return germanNoun(text, language, startsWithVerb);
  const runs = contentWordRuns(text, language);
  const [firstWord] = wordsOf(text);
  const withoutVerb = runs
    .map((run, index) => (startsWithVerb && index === 0 && run[0] === firstWord ? run.slice(1) : run))
    .filter((run) => run.length > 0);
  // Only the verb had meaning ("Water less often"): no picture in these words.
  if (withoutVerb.length === 0) return null;
  let best: string[] | undefined;
  for (const run of withoutVerb) if (!best || Math.min(run.length, 2) > Math.min(best.length, 2)) best = run;
  if (!best) return null;
  const words = best.slice(0, 2);
  return words.map((word) => (isName(word, word === firstWord) ? word : word.toLocaleLowerCase())).join(' ');
}

/** A shot description around the noun phrase, e.g. "close-up of ground coffee". */
export function visualCue(template: string, noun: string): string {
  return template.replace('{noun}', noun);
}

function germanNoun(text: string, language: string, startsWithVerb: boolean): string | null {
  const [firstWord, ...rest] = wordsOf(text);
  // Every sentence starts with a capital, so the first word is a noun only when no verb can stand there.
  const words = startsWithVerb ? rest : [firstWord ?? '', ...rest];
  return words.find((word) => /^\p{Lu}/u.test(word) && !isStopword(word, language)) ?? null;
}

/** Acronyms and names keep their case: inner capitals ("AI", "iPhone"), or a capital inside a sentence ("Paris"). */
function isName(word: string, startsText: boolean): boolean {
  return /\p{Lu}/u.test(word.slice(1)) || (!startsText && /^\p{Lu}/u.test(word));
}
