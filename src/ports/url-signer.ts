/** Signs URL paths with an expiry, so a file can be loaded without a session (media links). */
export interface UrlSigner {
  /** `exp` (unix seconds) and `sig` query values for a path. */
  sign(path: string, expiresAtSeconds: number): { exp: string; sig: string };
  /** True when the signature matches and has not expired. */
  verify(path: string, exp: string | undefined, sig: string | undefined, nowSeconds: number): boolean;
}
