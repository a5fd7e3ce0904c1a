/** Slow, salted password hashing (scrypt). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** Constant-time comparison against a stored hash. */
  verify(password: string, stored: string): Promise<boolean>;
}
