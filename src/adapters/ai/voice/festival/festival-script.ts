import type { TimeSpan } from '../timings.js';
import type { SpokenWord } from '../../../../domain/speech/words.js';

/** A top-level token of Festival's Token relation with the times (s) of the words it was read as. */
export interface FestivalToken {
  name: string;
  words: { startS: number; endS: number }[];
}

const VOICE_NAME = /^[a-z0-9_]+$/;

/** True for a name that can only be a Festival voice (it becomes a Scheme function name). */
export function isFestivalVoiceName(name: string): boolean {
  return VOICE_NAME.test(name);
}

/**
 * The words as Festival (Latin-1, English) reads them, one token per word: accents dropped, typographic quotes and
 * dashes made plain, anything else outside printable ASCII removed.
 */
export function festivalText(words: SpokenWord[]): string {
  return words.map((w) => foldToAscii(w.text)).join(' ');
}

function foldToAscii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟«»″]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/…/g, '...')
    .replace(/[^\x20-\x7e]/g, '');
}

/** A Scheme string literal. */
function schemeString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * The Scheme program Festival runs in --pipe mode: synthesize the text with the voice, save a RIFF wave, then
 * print each top-level token and the start/end of each word it became, one line each, tab-separated.
 */
export function festivalScript(input: { text: string; voice: string; wavPath: string }): string {
  if (!isFestivalVoiceName(input.voice)) throw new Error(`not a Festival voice name: ${input.voice}`);
  return [
    `(voice_${input.voice})`,
    `(set! af_utt (Utterance Text ${schemeString(input.text)}))`,
    '(utt.synth af_utt)',
    `(utt.save.wave af_utt ${schemeString(input.wavPath)} 'riff)`,
    "(set! af_tok (utt.relation.first af_utt 'Token))",
    '(while af_tok',
    '  (format t "@@T\\t%s\\n" (item.name af_tok))',
    '  (mapcar (lambda (w) (format t "@@W\\t%s\\t%s\\n"',
    '      (item.feat w "R:SylStructure.daughter1.daughter1.segment_start") (item.feat w "word_end")))',
    "    (item.relation.daughters af_tok 'Token))",
    '  (set! af_tok (item.next af_tok)))',
    '',
  ].join('\n');
}

/** The tokens the script printed; words without sound (punctuation Festival keeps as words) are left out. */
export function parseFestivalOutput(stdout: string): FestivalToken[] {
  const tokens: FestivalToken[] = [];
  for (const line of stdout.split('\n')) {
    const [tag, first = '', second = ''] = line.replace(/\r$/, '').split('\t');
    if (tag === '@@T') {
      tokens.push({ name: first, words: [] });
    } else if (tag === '@@W') {
      const startS = Number(first);
      const endS = Number(second);
      if (Number.isFinite(startS) && Number.isFinite(endS) && endS > 0)
        tokens.at(-1)?.words.push({ startS, endS });
    }
  }
  return tokens;
}

const comparable = (text: string): string =>
  foldToAscii(text)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
// How far ahead to look for a word's token when Festival split the text differently.
const LOOKAHEAD = 3;

/**
 * Each word's span from Festival's tokens: token i is word i when the counts agree, else each word takes the next
 * token with the same letters and digits within a few tokens; null for a word with no token or no sound.
 */
export function festivalSpans(words: SpokenWord[], tokens: FestivalToken[]): (TimeSpan | null)[] {
  const aligned = tokens.length === words.length;
  let cursor = 0;
  return words.map((word, i) => {
    let token: FestivalToken | undefined;
    if (aligned) {
      token = tokens[i];
    } else {
      const wanted = comparable(word.text);
      const found = tokens.slice(cursor, cursor + LOOKAHEAD).findIndex((t) => comparable(t.name) === wanted);
      if (found >= 0) {
        token = tokens[cursor + found];
        cursor += found + 1;
      }
    }
    if (!token || token.words.length === 0) return null;
    const startMs = Math.min(...token.words.map((w) => w.startS)) * 1000;
    const endMs = Math.max(...token.words.map((w) => w.endS)) * 1000;
    return { startMs, endMs };
  });
}
