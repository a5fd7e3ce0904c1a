import { createHash, randomBytes } from 'node:crypto';

/** A deterministic number in [0, 1) derived from the seed and a label: the basis of every seeded value. */
export function seededUnit(seed: number, label: string): number {
  const digest = createHash('sha256').update(`${seed}:${label}`).digest();
  return digest.readUInt32BE(0) / 0x1_0000_0000;
}

/** A deterministic value in [min, max) derived from the seed and a label. */
export function seededBetween(seed: number, label: string, min: number, max: number): number {
  return min + seededUnit(seed, label) * (max - min);
}

/** `length` deterministic decimal digits derived from the seed and a label. */
export function seededDigits(seed: number, label: string, length: number): string {
  const hex = createHash('sha256').update(`${seed}:${label}`).digest('hex');
  return BigInt(`0x${hex}`).toString().slice(0, length);
}

const SHORTCODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** An 11-character Instagram-style shortcode, deterministic from the seed and the media id. */
export function seededShortcode(seed: number, mediaId: string): string {
  const digest = createHash('sha256').update(`${seed}:shortcode:${mediaId}`).digest();
  return Array.from(digest.subarray(0, 11), (byte) => SHORTCODE_ALPHABET[byte % 64]).join('');
}

/** An opaque random credential (tokens, codes): unpredictable on purpose, never seeded. */
export function randomCredential(prefix: string, bytes: number): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

/** The `fbtrace_id` every Graph error carries. */
export function fbtraceId(): string {
  return randomBytes(17).toString('base64url');
}

/** Sequential ids with a fixed prefix, e.g. 17900000000000001: deterministic for a given call order. */
export class IdSequence {
  private next = 1;

  constructor(
    private readonly prefix: string,
    private readonly width = 17,
  ) {}

  take(): string {
    const counter = String(this.next++);
    return this.prefix + counter.padStart(this.width - this.prefix.length, '0');
  }
}
