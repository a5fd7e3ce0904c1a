import { createHash, randomBytes } from 'node:crypto';

/** A deterministic float in [0, 1) from the seed and any labels. */
export function seededUnit(seed: number, ...labels: string[]): number {
  const digest = createHash('sha256')
    .update([String(seed), ...labels].join('|'))
    .digest();
  return digest.readUInt32BE(0) / 0x1_0000_0000;
}

/** A deterministic base64url string of `length` characters from the seed and labels. */
export function seededId(length: number, seed: number, ...labels: string[]): string {
  let out = '';
  for (let round = 0; out.length < length; round += 1) {
    out += createHash('sha256')
      .update([String(seed), String(round), ...labels].join('|'))
      .digest('base64url');
  }
  return out.slice(0, length);
}

/** A deterministic run of decimal digits (Google account ids are 21 digits). */
export function seededDigits(length: number, seed: number, ...labels: string[]): string {
  const digest = createHash('sha256')
    .update([String(seed), ...labels].join('|'))
    .digest();
  let out = '1';
  for (let i = 0; out.length < length; i += 1) out += String((digest[i % digest.length] ?? 0) % 10);
  return out;
}

/** An unguessable base64url token for codes, access and refresh tokens, upload ids. */
export function randomToken(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

/** A short quoted-free etag over any JSON value, stable for equal content. */
export function etagOf(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('base64url').slice(0, 27);
}
