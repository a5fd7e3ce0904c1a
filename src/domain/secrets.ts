import { createHash, randomBytes } from 'node:crypto';

/** A random, URL-safe secret for cookies and single-use links (256 bits). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Secrets are stored only as their SHA-256, so the store never holds a usable token. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
