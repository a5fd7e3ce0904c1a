/** A word of the voice-over text, as captions show it (punctuation kept), with its place in the text. */
export interface SpokenWord {
  text: string;
  /** UTF-16 offsets into the text: [start, end). */
  start: number;
  end: number;
}

// A token is spoken when it has a letter, a digit or a symbol engines read aloud ("&" → "and", "%", "$").
const SPOKEN = /[\p{L}\p{N}\p{Sc}&%@+]/u;
// Scripts written without spaces between words; their runs are cut into words with Intl.Segmenter.
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const SENTENCE_END = /[.!?…。！？]["'”’»)\]]*$/u;
const CLAUSE_END = /[,;:，、；：—–]["'”’»)\]]*$/u;

/**
 * The spoken words of a text, in order: whitespace-separated tokens that carry a letter, digit or spoken symbol,
 * with scripts written without spaces (Chinese, Japanese, Thai…) cut into words by the language's segmenter.
 */
export function spokenWords(text: string, language = ''): SpokenWord[] {
  const words: SpokenWord[] = [];
  for (const match of text.matchAll(/\S+/gu)) {
    const start = match.index;
    const token = match[0];
    const pieces = UNSPACED.test(token) ? segmentUnspaced(token, language) : [{ text: token, start: 0 }];
    for (const piece of pieces) {
      if (!SPOKEN.test(piece.text)) continue;
      words.push({
        text: piece.text,
        start: start + piece.start,
        end: start + piece.start + piece.text.length,
      });
    }
  }
  return words;
}

/** Cuts a run without spaces into words; punctuation sticks to the word before it (or after it, at the start). */
function segmentUnspaced(token: string, language: string): { text: string; start: number }[] {
  const segmenter = new Intl.Segmenter(language || undefined, { granularity: 'word' });
  const pieces: { text: string; start: number; hasWord: boolean }[] = [];
  for (const segment of segmenter.segment(token)) {
    const last = pieces.at(-1);
    if (segment.isWordLike && last?.hasWord !== false) {
      pieces.push({ text: segment.segment, start: segment.index, hasWord: true });
    } else if (last) {
      last.text += segment.segment;
      last.hasWord ||= segment.isWordLike === true;
    } else {
      pieces.push({ text: segment.segment, start: segment.index, hasWord: segment.isWordLike === true });
    }
  }
  return pieces;
}

/** True when the word closes a sentence (ends with . ! ? … and maybe a closing quote or bracket). */
export function endsSentence(word: string): boolean {
  return SENTENCE_END.test(word);
}

/** True when the word closes a clause (comma, semicolon, colon, dash) but not a sentence. */
export function endsClause(word: string): boolean {
  return CLAUSE_END.test(word);
}

const VOWEL_GROUPS = /[aeiouyàáâãäåæèéêëìíîïòóôõöøœùúûüýÿąęėįųůőűаеёиоуыэюяіїєαεηιουωάέήίόύώ]+/giu;
const SYLLABIC_CHARS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/**
 * A rough count of syllables, used to share time between words when an engine gives no timings:
 * vowel groups in alphabetic scripts, one per character in Chinese/Japanese/Korean, and for numbers about one
 * and a half per non-zero digit plus one per digit group ("1,000" → "one thousand").
 */
export function syllableWeight(word: string): number {
  const syllabic = word.match(SYLLABIC_CHARS)?.length ?? 0;
  if (syllabic > 0) return syllabic;
  const nonZeroDigits = word.match(/[1-9]/g)?.length ?? 0;
  const digitGroups = word.match(/\d+/g)?.length ?? 0;
  const vowels = word.replace(/\d/g, '').match(VOWEL_GROUPS)?.length ?? 0;
  const letters = word.match(/\p{L}/gu)?.length ?? 0;
  // Scripts whose vowels the pattern does not know (Arabic, Hindi…): about one syllable per two letters.
  const alphabetic = vowels > 0 ? vowels : Math.ceil(letters / 2);
  return Math.max(1, alphabetic + Math.ceil(nonZeroDigits * 1.5 + digitGroups));
}
