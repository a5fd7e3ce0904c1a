import type { TokenPair } from '../domain/connection.js';

/** Tokens encrypted for one record: a data key wrapped by a master key, and the ciphertext under the data key. */
export interface SealedTokens {
  keyId: string;
  wrappedKey: string;
  ciphertext: string;
}

/** What a sealed record is bound to: opening it under another id or workspace fails. */
export interface VaultBinding {
  recordId: string;
  workspaceId: string;
}

/** The only holder of token plaintext: seals tokens, and lends them to one callback at a time. */
export interface TokenVault {
  seal(binding: VaultBinding, tokens: TokenPair): Promise<SealedTokens>;
  /** Decrypts for the duration of `use` only (the connector call that needs the tokens). */
  use<T>(binding: VaultBinding, sealed: SealedTokens, use: (tokens: TokenPair) => Promise<T>): Promise<T>;
  /** Re-wraps the data key under the current master key; null when it already is (rotation). */
  rewrap(binding: VaultBinding, sealed: SealedTokens): Promise<SealedTokens | null>;
  currentKeyId(): string;
}
