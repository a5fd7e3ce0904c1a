import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { PasswordHasher } from '../../ports/password-hasher.js';

// OWASP's scrypt baseline: N=2^17, r=8, p=1 (about 128 MiB of memory per hash).
const PARAMS = { N: 2 ** 17, r: 8, p: 1, keylen: 64 };

function derive(password: string, salt: Buffer, params: typeof PARAMS): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, params.keylen, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** scrypt hashes stored as `scrypt$N$r$p$salt$key`, so parameters can be raised later without breaking old hashes. */
export class ScryptPasswordHasher implements PasswordHasher {
  constructor(private readonly params = PARAMS) {}

  async hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const key = await derive(password, salt, this.params);
    const { N, r, p } = this.params;
    return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
  }

  async verify(password: string, stored: string): Promise<boolean> {
    const [scheme, n, r, p, salt, key] = stored.split('$');
    if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
    const expected = Buffer.from(key, 'base64url');
    const actual = await derive(password, Buffer.from(salt, 'base64url'), {
      N: Number(n),
      r: Number(r),
      p: Number(p),
      keylen: expected.length,
    });
    return timingSafeEqual(actual, expected);
  }
}
