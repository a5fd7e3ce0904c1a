import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { UrlSigner as UrlSignerPort } from '../../ports/url-signer.js';

const KEY_BYTES = 32;

/** Signs media links so a <video> tag, or a platform fetching a video, can load a file without a session. */
export class UrlSigner implements UrlSignerPort {
  constructor(private readonly secret: Buffer) {
    if (secret.length !== KEY_BYTES) throw new Error(`The media-link key must be ${KEY_BYTES} bytes`);
  }

  /** Loads the secret from `file`, creating it (mode 0600) on first use; refuses a short or corrupt file. */
  static fromKeyFile(file: string): UrlSigner {
    return new UrlSigner(readKey(file) ?? createKey(file));
  }

  /** `exp` (unix seconds) and `sig` query values for a path. */
  sign(path: string, expiresAtSeconds: number): { exp: string; sig: string } {
    return { exp: String(expiresAtSeconds), sig: this.mac(path, expiresAtSeconds).toString('base64url') };
  }

  /** True when the signature matches and has not expired. */
  verify(path: string, exp: string | undefined, sig: string | undefined, nowSeconds: number): boolean {
    const expires = Number(exp);
    if (!sig || !Number.isInteger(expires) || expires < nowSeconds) return false;
    const given = Buffer.from(sig, 'base64url');
    const expected = this.mac(path, expires);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private mac(path: string, expires: number): Buffer {
    return createHmac('sha256', this.secret).update(`${path}\n${expires}`).digest();
  }
}

/** The key in `file`, null when there is no file yet; a file of the wrong shape is an error, never replaced. */
function readKey(file: string): Buffer | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const key = Buffer.from(text, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || key.length !== KEY_BYTES) {
    throw new Error(
      `The media-link key file ${file} is corrupt (expected ${KEY_BYTES} bytes in base64). Restore it from a ` +
        'backup, or delete it to make a new one (media links handed out so far then stop working).',
    );
  }
  return key;
}

/**
 * Writes a fresh key to a private temporary file, then hard-links it into place: the link either makes the
 * complete file appear at once or fails because another process got there first, whose key then wins.
 */
function createKey(file: string): Buffer {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${randomUUID()}.tmp`;
  writeFileSync(temporary, randomBytes(KEY_BYTES).toString('base64'), { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
  const key = readKey(file);
  if (!key) throw new Error(`The media-link key file ${file} vanished while it was being created`);
  return key;
}
