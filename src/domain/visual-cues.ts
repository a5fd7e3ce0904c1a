import type { Beat, Brief } from './content.js';
import { presetById } from './style-presets.js';

// Stop words, written without accents (words are de-accented before the lookup).
const STOP_WORDS: Record<string, string> = {
  en: `a an the and or but if then else of to in on at by for with from into onto about over under up down out
    off as is are was were be been being am do does did done have has had having it its this that these those
    there here what which who whom whose when where why how all any both each few more most other some such no
    nor not only own same so than too very can will just should would could may might must shall i me my we
    our you your yours he him his she her they them their us let get gets got make makes made also like way
    ways thing things one two new now today really every into while after before again than s t don`,
  fr: `le la les l un une des du de d au aux et ou mais donc or ni car que qu qui quoi dont ou ce cet cette
    ces c se s sa son ses mon ma mes ton ta tes notre nos votre vos leur leurs je j tu il elle on nous vous
    ils elles me m te t lui y en est sont etre ete etait avoir a ont avait pour par avec sans dans sur sous
    vers chez plus moins tres trop pas ne n non oui comme si tout tous toute toutes aussi bien fait faire
    peut cela ca voici voila entre`,
  es: `el la los las lo un una unos unas y e o u pero de del al a en con sin por para sobre entre que quien
    cual como cuando donde es son ser fue era esta estan estar hay ha han haber su sus mi mis tu tus nuestro
    nuestra se le les me te nos yo el ella ellos ellas nosotros usted ustedes este esta estos estas ese esa
    eso muy mas menos no si ya tambien todo todos toda todas puede hace hacer`,
  de: `der die das den dem des ein eine einer eines einem einen und oder aber doch zu zum zur im in am an auf
    aus bei mit nach von vor fur uber unter durch ohne um ist sind war waren sein bin bist hat haben hatte
    wird werden kann konnen es er sie wir ihr ich du man sich mein dein unser euer nicht kein keine auch noch
    nur sehr so wie wenn als dass dies diese dieser dieses hier da was wer wo alle alles mehr`,
  pt: `o a os as um uma uns umas e ou mas de do da dos das em no na nos nas ao aos por pelo pela para com sem
    sobre entre que quem qual como quando onde e sao ser foi era esta estao estar ha tem ter seu sua seus
    suas meu minha teu tua nosso nossa se lhe me te eu tu ele ela eles elas nos voce voces este esta isto
    esse essa isso muito mais menos nao sim ja tambem todo todos toda todas pode faz fazer`,
  it: `il lo la i gli le un uno una e ed o ma di del dello della dei degli delle a al allo alla ai agli alle
    da dal dalla in nel nello nella nei con su sul sulla per tra fra che chi cui come quando dove e sono
    essere era ha hanno avere suo sua suoi sue mio mia tuo tua nostro nostra si mi ti ci vi io tu lui lei
    noi voi loro questo questa questi queste quello quella molto piu meno non gia anche tutto tutti tutta
    tutte puo fa fare`,
};

// Words that describe the shot rather than its subject ("close-up shot of…"): never worth matching.
const CUE_FILLER = `shot shots scene footage clip video image picture photo view closeup close showing shows
  show camera frame`;

// Stop words in one language that are real subjects in another; kept when the language is unknown.
const CROSS_LANGUAGE_NOUNS = new Set([
  'man',
  'hat',
  'war',
  'die',
  'bin',
  'son',
  'sin',
  'hay',
  'car',
  'era',
  'dove',
]);

const words = (list: string): string[] => list.split(/\s+/).filter(Boolean);
const STOP_SETS = new Map(Object.entries(STOP_WORDS).map(([lang, list]) => [lang, new Set(words(list))]));
const FILLER = new Set(words(CUE_FILLER));
const ANY_LANGUAGE_STOP = new Set(
  [...STOP_SETS.values()].flatMap((set) => [...set]).filter((w) => !CROSS_LANGUAGE_NOUNS.has(w)),
);

/** Lowercase, without accents or ligatures: "Été" → "ete", "Straße" → "strasse". */
export function normalizeWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
}

/** True for words not worth matching in this language (English's are always included, cues are often English). */
export function isStopWord(normalized: string, language?: string): boolean {
  if (FILLER.has(normalized)) return true;
  const base = language?.toLowerCase().split('-')[0];
  const own = base ? STOP_SETS.get(base) : undefined;
  if (!own) return ANY_LANGUAGE_STOP.has(normalized);
  return own.has(normalized) || (STOP_SETS.get('en')?.has(normalized) ?? false);
}

/** Distinct normalized content words of a text, in order of appearance. */
export function extractKeywords(text: string, language?: string): string[] {
  const found = normalizeWord(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2 && !/^\p{N}+$/u.test(w) && !isStopWord(w, language));
  return [...new Set(found)];
}

/**
 * A crude plural-folding stem, the same for every language, applied to both sides of a match:
 * "cities"/"city" → "citi", "beaches" → "beach", "gateaux" → "gateau", "flores" → "flore".
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (/(?:ches|shes|sses|xes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (/(?:eaux|eux)$/.test(w)) w = w.slice(0, -1);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (/[^aeiou]y$/.test(w)) w = `${w.slice(0, -1)}i`;
  else if (w.endsWith('ie')) w = w.slice(0, -1);
  return w;
}

/** The words of a beat worth matching: its visual cue's first (they describe the picture), then its text's. */
export interface BeatKeywords {
  cue: string[];
  text: string[];
}

/** Keywords of a beat's visual cue and of its spoken text (without the cue's). */
export function beatKeywords(beat: Beat, language?: string): BeatKeywords {
  const cue = extractKeywords(beat.visualCue, language);
  const cueStems = new Set(cue.map(stem));
  const text = extractKeywords(beat.text, language).filter((w) => !cueStems.has(stem(w)));
  return { cue, text };
}

const CUE_WEIGHT = 2;
const TEXT_WEIGHT = 1;
const PREFIX_CREDIT = 0.5;
const MIN_PREFIX_LENGTH = 4;

/**
 * How well tags fit a beat: each keyword adds its weight (cue 2, text 1) when a tag has the same stem, half
 * of it when one stem starts the other ("run"/"running" are too short; "flor"/"flores" count). 0 = no fit.
 */
export function scoreTags(keywords: BeatKeywords, tags: readonly string[]): number {
  const tagStems = tags.map((t) => stem(normalizeWord(t)));
  const credit = (keyword: string): number => {
    const k = stem(keyword);
    let best = 0;
    for (const t of tagStems) {
      if (t === k) return 1;
      const [short, long] = t.length < k.length ? [t, k] : [k, t];
      if (short.length >= MIN_PREFIX_LENGTH && long.startsWith(short)) best = PREFIX_CREDIT;
    }
    return best;
  };
  const sum = (list: string[], weight: number): number =>
    list.reduce((total, k) => total + credit(k) * weight, 0);
  return sum(keywords.cue, CUE_WEIGHT) + sum(keywords.text, TEXT_WEIGHT);
}

// Camera and messenger file names carry no meaning ("IMG_2034", "PXL_2024…", "WhatsApp Video").
const FILENAME_NOISE = new Set([
  'img',
  'dsc',
  'dscn',
  'dscf',
  'pxl',
  'vid',
  'mvimg',
  'gopr',
  'dji',
  'whatsapp',
]);
const MAX_TAGS = 30;

/** Readable tags (normalized, not stemmed) from a file name and a description, in any language. */
export function tagsFromText(filename: string, description: string): string[] {
  const base = filename
    .replace(/\.[a-z0-9]{2,5}$/i, '')
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .replace(/[_.-]+/g, ' ');
  const fromName = extractKeywords(base).filter((w) => !FILENAME_NOISE.has(w));
  return [...new Set([...fromName, ...extractKeywords(description)])].slice(0, MAX_TAGS);
}

const MAX_OVERLAY_WORDS = 3;
const MIN_OVERLAY_WORD_LENGTH = 3;

/**
 * Up to three key words of a beat, as written, in spoken order: the longest content words (a fair proxy for
 * the informative ones). Null when the beat has none.
 */
export function kineticWords(text: string, language?: string): string | null {
  const tokens = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  const candidates = tokens
    .map((token, position) => ({ token, position, key: longestPart(normalizeWord(token)) }))
    .filter((c) => c.key.length >= MIN_OVERLAY_WORD_LENGTH && !isStopWord(c.key, language))
    .filter((c, i, all) => all.findIndex((o) => o.key === c.key) === i);
  if (candidates.length === 0) return null;
  const picked = [...candidates]
    .sort((a, b) => b.key.length - a.key.length || a.position - b.position)
    .slice(0, MAX_OVERLAY_WORDS)
    .sort((a, b) => a.position - b.position);
  return picked.map((c) => c.token).join(' ');
}

// "world's" → "world", "l'eau" → "eau", "c'est" → "est" (a stop word).
const longestPart = (word: string): string =>
  word.split(/['’]/).reduce((longest, part) => (part.length > longest.length ? part : longest), '');

/** The kinetic text over one beat when the brief's style calls for it, else null. */
export function overlayTextFor(beat: Beat, brief: Pick<Brief, 'stylePreset' | 'language'>): string | null {
  return presetById(brief.stylePreset).kineticText ? kineticWords(beat.text, brief.language) : null;
}
