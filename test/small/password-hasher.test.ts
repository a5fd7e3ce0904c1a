import { describe, expect, it } from 'vitest';
import { ScryptPasswordHasher } from '../../src/adapters/crypto/scrypt-password-hasher.js';

describe('scrypt password hasher', () => {
  it('uses production parameters by default, salts each hash and verifies only the right password', async () => {
    const hasher = new ScryptPasswordHasher();
    const a = await hasher.hash('correct horse battery staple');
    const b = await hasher.hash('correct horse battery staple');
    expect(a).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await hasher.verify('correct horse battery staple', a)).toBe(true);
    expect(await hasher.verify('Correct horse battery staple', a)).toBe(false);
    expect(await hasher.verify('anything', 'not-a-hash')).toBe(false);
  });

  it('verifies hashes made with other parameters', async () => {
    const cheap = await new ScryptPasswordHasher({ N: 1024, r: 8, p: 1, keylen: 32 }).hash(
      'pass phrase here',
    );
    expect(await new ScryptPasswordHasher().verify('pass phrase here', cheap)).toBe(true);
  });
});
