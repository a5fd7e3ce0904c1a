/** Integers longer than this may be past 2^53 (9007199254740992 has 16 digits), so they are kept as text. */
const SAFE_DIGITS = 15;

/**
 * Parses TikTok JSON keeping every integer of more than 15 digits as a string: post ids in
 * `publicaly_available_post_id` are int64 values written as bare numbers, which `JSON.parse` would round.
 * Returns null when the text is empty or not JSON.
 */
export function parseTiktokJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(quoteLongIntegers(text));
  } catch {
    return null;
  }
}

/** Rewrites bare integer literals of more than 15 digits as JSON strings, leaving string contents untouched. */
export function quoteLongIntegers(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"') {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      let end = i + 1;
      while (end < text.length && /[0-9eE.+-]/.test(text[end] as string)) end += 1;
      const literal = text.slice(i, end);
      const digits = literal.replace(/^-/, '');
      out += /^-?\d+$/.test(literal) && digits.length > SAFE_DIGITS ? `"${literal}"` : literal;
      i = end;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

/** The index just past the string literal that opens at `start` (or the end of the text if it never closes). */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === '"') return i + 1;
    else i += 1;
  }
  return text.length;
}
