import { joined, lowerFirst, taggedWords, verbForm, type TaggedWord } from './words.js';

/** What kind of phrase the person typed as a topic, which decides how the script is built around it. */
export type TopicForm = 'question' | 'how-to' | 'noun-phrase' | 'claim';

/**
 * The topic in the shapes the sentences need. Only the fields of its form are set, and a question has the forms
 * the writer could build with confidence: `direct` ("Why do octopuses have three hearts?") and/or `embedded`
 * ("why octopuses have three hearts", as in "that's why …").
 */
export interface TopicShape {
  form: TopicForm;
  direct?: string;
  embedded?: string;
  /** How-to: the action in its base form, "make cold brew coffee at home". */
  action?: string;
  /** Noun phrase: as it reads inside a sentence, "dog training basics". */
  subject?: string;
  /** Claim: the statement inside a sentence, "coffee improves focus". */
  claim?: string;
  /**
   * Any form, as it reads after "about": "why octopuses have three hearts", "whether coffee is bad for you",
   * "how to make cold brew", "dog training basics", "the idea that coffee improves focus". Unset for a question
   * the writer could only keep in its direct form ("What's the best way to learn guitar?").
   */
  about?: string;
}

const WH_WORDS = new Set(['why', 'how', 'what', 'when', 'where', 'who', 'which', 'whose']);
// Words that open a direct question: "Does …", "Is …", "Can …"; after a wh-word they mark a direct question too.
const AUXILIARIES = new Set([
  'do',
  'does',
  'did',
  'is',
  'are',
  'was',
  'were',
  'can',
  'could',
  'should',
  'would',
  'will',
  'shall',
  'may',
  'might',
  'must',
  'has',
  'have',
  'had',
]);
const DO_FORMS = new Set(['do', 'does', 'did']);
// "How much water …", "How long does …": words that belong to the question word.
const HOW_MODIFIERS = new Set(['much', 'many', 'long', 'often', 'far', 'old', 'big', 'fast', 'soon']);

/** Reads the form of an English topic; the topic is already one line, without a trailing full stop. */
export function shapeTopic(topic: string): TopicShape {
  const text = tidyCase(
    topic
      .replace(/[.!]+$/u, '')
      .replace(/\?+$/u, '?')
      .trim(),
  );
  const words = taggedWords(text);
  const first = words[0]?.text.toLowerCase() ?? '';
  const second = words[1]?.text.toLowerCase() ?? '';
  if (first === 'how' && second === 'to' && words.length > 2)
    return howTo(lowerFirst(joined(words.slice(2))));
  if (WH_WORDS.has(first) || text.endsWith('?') || (AUXILIARIES.has(first) && words.length > 2)) {
    const asked = text.replace(/\?+$/u, '').trim();
    const forms = questionForms(asked, words);
    const { direct, embedded, whether } = forms;
    return { form: 'question', direct, embedded, about: embedded ?? whether };
  }
  if (isImperative(words)) return howTo(lowerFirst(text));
  const phrase = lowerFirst(text);
  if (isClaim(words)) return { form: 'claim', claim: phrase, about: `the idea that ${phrase}` };
  return { form: 'noun-phrase', subject: phrase, about: phrase };
}

function howTo(action: string): TopicShape {
  return { form: 'how-to', action, about: `how to ${action}` };
}

/**
 * Shouting and Title Case are how a topic was typed, not how it is said: "WHY IS THE SKY BLUE" and "How To
 * Negotiate A Raise" read in sentence case, keeping names and acronyms ("New York", "AI").
 */
function tidyCase(text: string): string {
  const words = taggedWords(text);
  const lettered = words.filter((word) => /\p{L}/u.test(word.text));
  if (lettered.length < 2) return text;
  const shouting = !/\p{Ll}/u.test(text);
  const titleCase = lettered.every((word) => /^\P{L}*\p{Lu}/u.test(word.text));
  if (!shouting && !titleCase) return text;
  const tidied = words.map((word, index) => {
    const keep = !shouting && (word.tags.has('ProperNoun') || /\p{Lu}/u.test(word.text.slice(1)));
    if (keep || word.text === 'I') return word.text;
    const lower = word.text.toLocaleLowerCase();
    return index === 0 ? lower.replace(/\p{L}/u, (letter) => letter.toLocaleUpperCase()) : lower;
  });
  return tidied.join(' ') + (text.endsWith('?') ? '?' : '');
}

/** A topic that opens with a verb in its base form: "Save money on your phone bill", "Learn Spanish fast". */
function isImperative(words: TaggedWord[]): boolean {
  const [first, second] = words;
  if (!first || !first.tags.has('Verb') || !first.tags.has('Infinitive')) return false;
  // "Sleep better tonight" is an instruction; "Dog training basics" has no verb at all.
  const conjugated = second?.tags.has('Verb') && !second.tags.has('Infinitive') && !second.tags.has('Gerund');
  return words.length > 1 && !conjugated;
}

/** A statement with a conjugated main verb outside a relative clause: "Coffee improves focus". */
function isClaim(words: TaggedWord[]): boolean {
  return words.some((word, index) => {
    if (index === 0 || !word.tags.has('Verb')) return false;
    const before = words[index - 1]?.text.toLowerCase() ?? '';
    if (['that', 'which', 'who', 'to'].includes(before)) return false;
    if (word.tags.has('Gerund')) return false;
    return word.tags.has('PresentTense') || word.tags.has('PastTense') || word.tags.has('Copula');
  });
}

interface QuestionForms {
  direct?: string;
  embedded?: string;
  /** A yes/no question as it reads after "about": "whether coffee is bad for you". */
  whether?: string;
}

function questionForms(text: string, words: TaggedWord[]): QuestionForms {
  const first = words[0]?.text.toLowerCase() ?? '';
  const direct = `${text.replace(/\p{L}/u, (letter) => letter.toLocaleUpperCase())}?`;
  if (!WH_WORDS.has(first)) {
    const whether = AUXILIARIES.has(first) ? embeddedFromDirect(words, 0) : null;
    return whether ? { direct, whether } : { direct };
  }
  const phraseEnd = whPhraseEnd(words);
  const next = words[phraseEnd];
  if (!next) return { direct };
  const nextWord = next.text.toLowerCase();
  if (AUXILIARIES.has(nextWord)) {
    const embedded = embeddedFromDirect(words, phraseEnd);
    return embedded ? { direct, embedded } : { direct };
  }
  // "What makes a good password": the question word is the subject, so both forms are the same words.
  if (next.tags.has('Verb')) return { direct, embedded: lowerFirst(text) };
  // "Why octopuses have three hearts": typed as an embedded question.
  const asDirect = directFromEmbedded(words, phraseEnd);
  return asDirect ? { direct: asDirect, embedded: lowerFirst(text) } : { embedded: lowerFirst(text) };
}

/** Where the question phrase ends: "why" | "how much water" | "which plants". */
function whPhraseEnd(words: TaggedWord[]): number {
  let end = 1;
  if (words[0]?.text.toLowerCase() === 'how' && HOW_MODIFIERS.has(words[1]?.text.toLowerCase() ?? ''))
    end = 2;
  const wh = words[0]?.text.toLowerCase() ?? '';
  if (['what', 'which', 'whose'].includes(wh) || end === 2) {
    while (words[end]?.tags.has('Noun') && !words[end]?.tags.has('Pronoun')) end++;
  }
  return end;
}

/**
 * "How does sleep affect memory" → "how sleep affects memory"; "Why is the sky blue" → "why the sky is blue".
 * Null when the sentence does not have the expected parts.
 */
function embeddedFromDirect(words: TaggedWord[], auxIndex: number): string | null {
  const whPhrase = auxIndex === 0 ? 'whether' : joined(words.slice(0, auxIndex)).toLowerCase();
  const aux = words[auxIndex]?.text.toLowerCase() ?? '';
  const rest = words.slice(auxIndex + 1);
  if (DO_FORMS.has(aux)) {
    // The subject takes at least one word ("sleep" is also a verb); the main verb is the next verb after it.
    const tagged = rest.findIndex((word, index) => index > 0 && word.tags.has('Verb'));
    // "do cats purr": two words after "do" are a subject and its verb, even when the tagger saw two nouns.
    const verbAt = tagged < 1 && rest.length === 2 ? 1 : tagged;
    if (verbAt < 1) return null;
    const verb = rest[verbAt]?.text ?? '';
    const conjugated =
      aux === 'did' ? verbForm(verb, 'PastTense') : aux === 'does' ? verbForm(verb, 'PresentTense') : verb;
    return [whPhrase, joined(rest.slice(0, verbAt)), conjugated, joined(rest.slice(verbAt + 1))]
      .filter(Boolean)
      .join(' ');
  }
  // "What is dog training": the question word is the complement, so the whole rest is the subject.
  if (['what', 'who', 'which'].includes(whPhrase) && ['is', 'are', 'was', 'were'].includes(aux)) {
    return rest.length > 0 ? `${whPhrase} ${joined(rest)} ${aux}` : null;
  }
  const subjectEnd = subjectEndAfterAuxiliary(rest);
  if (subjectEnd < 1) return null;
  return [whPhrase, joined(rest.slice(0, subjectEnd)), aux, joined(rest.slice(subjectEnd))]
    .filter(Boolean)
    .join(' ');
}

/** After "is"/"can": the subject runs to the first verb, or past its nouns up to an adjective or preposition. */
function subjectEndAfterAuxiliary(rest: TaggedWord[]): number {
  let sawNoun = false;
  for (let index = 0; index < rest.length; index++) {
    const word = rest[index];
    if (!word) break;
    if (index > 0 && word.tags.has('Verb')) return index;
    if (sawNoun && !word.tags.has('Noun')) return index;
    if (word.tags.has('Noun')) sawNoun = true;
  }
  return sawNoun ? rest.length : -1;
}

/**
 * "Why octopuses have three hearts" → "Why do octopuses have three hearts?"; "Why the sky is blue" → "Why is the
 * sky blue?". Null without a verb after a subject ("Why cats purr" is tagged without one).
 */
function directFromEmbedded(words: TaggedWord[], subjectStart: number): string | null {
  const verbAt = words.findIndex((word, index) => index > subjectStart && word.tags.has('Verb'));
  const verbWord = words[verbAt];
  if (verbAt < 0 || !verbWord) return null;
  const whPhrase = joined(words.slice(0, subjectStart));
  const subject = joined(words.slice(subjectStart, verbAt));
  const rest = joined(words.slice(verbAt + 1));
  const verb = verbWord.text.toLowerCase();
  const sentence = invertsAlone(verb, words[verbAt + 1])
    ? [whPhrase, verb, subject, rest]
    : [whPhrase, doSupport(verbWord), subject, verbForm(verbWord.text, 'Infinitive'), rest];
  const question = sentence.filter(Boolean).join(' ');
  return `${question.replace(/\p{L}/u, (letter) => letter.toLocaleUpperCase())}?`;
}

/** "is", "can", or "has" before a participle move to the front themselves; "octopuses have three hearts" needs "do". */
function invertsAlone(verb: string, next: TaggedWord | undefined): boolean {
  if (['has', 'have', 'had'].includes(verb))
    return Boolean(next?.tags.has('Participle') || next?.tags.has('PastTense'));
  return AUXILIARIES.has(verb);
}

/** "do", "does" or "did" for a verb as it was conjugated: "have" → "do", "sends" → "does", "sent" → "did". */
function doSupport(verb: TaggedWord): string {
  if (verb.tags.has('PastTense')) return 'did';
  return verb.text.toLowerCase() === verbForm(verb.text, 'PresentTense').toLowerCase() &&
    verb.text.toLowerCase() !== verbForm(verb.text, 'Infinitive').toLowerCase()
    ? 'does'
    : 'do';
}
