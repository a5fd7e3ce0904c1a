import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { UrlSigner as UrlSignerPort } from '../../ports/url-signer.js';

/** Signs media links so a <video> tag, or a platform fetching a video, can load a file without a session. */
export class UrlSigner implements UrlSignerPort {
  constructor(private readonly secret: Buffer) {}

  /** Loads the secret from `file`, creating it (mode 0600) on first use. */
  static fromKeyFile(file: string): UrlSigner {
    if (!existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
    }
    return new UrlSigner(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
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
