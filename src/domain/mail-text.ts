/**
 * Names people chose (a user's, a workspace's) shown in mail the app sends. A name must read as plain text: mail
 * clients turn anything that looks like a URL, a domain or an address into a link, so a name such as
 * "Visit evil.example" would put an attacker's link in a mail signed by us.
 */

const DEFAULT_MAX_LENGTH = 60;
// Control and format characters (C0/C1 controls, bidi overrides, zero-width joiners): they forge line breaks in
// headers or reorder what the reader sees.
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]+/gu;
// URL schemes ("https://", "mailto:", "javascript:") and "www."; a plain colon ("Team: Alpha") stays.
const SCHEME = /\b[a-z][a-z0-9+.-]*:\/\/|\b(?:mailto|tel|sms|sip|callto|javascript|data):|\bwww\./giu;
// Every character some client treats as a dot between domain labels (ASCII, ideographic, full-width, halfwidth).
const DOT_BEFORE_LABEL = /[.\u3002\uFF0E\uFF61](?=[\p{L}\p{N}])/gu;
const SLASH_OR_AT = /[/\\@]+/gu;

/** A name fit for a mail subject or body: no links, domains or control characters, at most `maxLength` long. */
export function plainMailName(name: string, maxLength = DEFAULT_MAX_LENGTH): string {
  const plain = name
    .normalize('NFKC')
    .replace(INVISIBLE, ' ')
    .replace(SCHEME, '')
    .replace(SLASH_OR_AT, ' ')
    // "evil.example" becomes "evil. example", which no client links, and "J.R. Smith" still reads the same.
    .replace(DOT_BEFORE_LABEL, '. ')
    .replace(/\s+/gu, ' ')
    .trim();
  const chars = [...plain];
  return chars.length <= maxLength
    ? plain
    : `${chars
        .slice(0, maxLength - 1)
        .join('')
        .trimEnd()}…`;
}
