import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { BugError } from '../../domain/errors.js';
import type { TokenPair } from '../../domain/connection.js';
import type { SealedTokens, TokenVault, VaultBinding } from '../../ports/token-vault.js';
import type { KeyRing } from './key-ring.js';

const VERSION = 'v1';
// Pinned on both sides: without it GCM accepts a shortened tag, and a 4-byte tag is forged in about 2^32 tries.
const GCM = { authTagLength: 16 } as const;

function aad(binding: VaultBinding): Buffer {
  return Buffer.from(`${binding.workspaceId}\u0000${binding.recordId}`, 'utf8');
}

function encrypt(key: Buffer, plaintext: Buffer, associated: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv, GCM);
  cipher.setAAD(associated);
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ct]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

function decrypt(key: Buffer, sealed: string, associated: Buffer): Buffer {
  const [version, iv, tag, ct] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || ct === undefined)
    throw new BugError('vault_corrupt', 'Sealed value has an unknown format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), GCM);
  decipher.setAAD(associated);
  try {
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]);
  } catch {
    throw new BugError(
      'vault_auth_failed',
      'Sealed tokens failed authentication (wrong record, workspace or key)',
    );
  }
}

/**
 * AES-256-GCM envelope encryption: a fresh data key per record, wrapped by the current master key; the record id
 * and workspace are bound in as associated data, so a sealed value moved to another record does not open.
 */
export class EnvelopeVault implements TokenVault {
  constructor(private readonly keys: KeyRing) {}

  async seal(binding: VaultBinding, tokens: TokenPair): Promise<SealedTokens> {
    const master = this.keys.current();
    const dataKey = randomBytes(32);
    try {
      return {
        keyId: master.id,
        wrappedKey: encrypt(master.key, dataKey, aad(binding)),
        ciphertext: encrypt(dataKey, Buffer.from(JSON.stringify(tokens), 'utf8'), aad(binding)),
      };
    } finally {
      dataKey.fill(0);
    }
  }

  async use<T>(
    binding: VaultBinding,
    sealed: SealedTokens,
    use: (tokens: TokenPair) => Promise<T>,
  ): Promise<T> {
    const dataKey = this.unwrap(binding, sealed);
    let tokens: TokenPair;
    try {
      tokens = JSON.parse(decrypt(dataKey, sealed.ciphertext, aad(binding)).toString('utf8')) as TokenPair;
    } finally {
      dataKey.fill(0);
    }
    return use(tokens);
  }

  async rewrap(binding: VaultBinding, sealed: SealedTokens): Promise<SealedTokens | null> {
    const master = this.keys.current();
    if (sealed.keyId === master.id) return null;
    const dataKey = this.unwrap(binding, sealed);
    try {
      return {
        keyId: master.id,
        wrappedKey: encrypt(master.key, dataKey, aad(binding)),
        ciphertext: sealed.ciphertext,
      };
    } finally {
      dataKey.fill(0);
    }
  }

  currentKeyId(): string {
    return this.keys.current().id;
  }

  private unwrap(binding: VaultBinding, sealed: SealedTokens): Buffer {
    const master = this.keys.get(sealed.keyId);
    if (!master) throw new BugError('vault_key_missing', `Master key "${sealed.keyId}" is not configured`);
    return decrypt(master.key, sealed.wrappedKey, aad(binding));
  }
}
