import type { UrlSigner } from '../ports/url-signer.js';
import type { Clock } from '../ports/clock.js';

const DEFAULT_TTL_S = 6 * 3600;

/** Signed, expiring links to media files: `/media/<key>?exp=…&sig=…`. */
export class MediaLinks {
  constructor(
    private readonly signer: UrlSigner,
    private readonly clock: Clock,
    private readonly publicBaseUrl: string,
  ) {}

  /** A link relative to the site (for the web app). */
  path(key: string, ttlSeconds = DEFAULT_TTL_S): string {
    const path = `/media/${key}`;
    const { exp, sig } = this.signer.sign(path, Math.floor(this.clock.now() / 1000) + ttlSeconds);
    return `${path}?exp=${exp}&sig=${sig}`;
  }

  /** An absolute link (for platforms that fetch the file, e.g. Instagram's video_url). */
  absolute(key: string, ttlSeconds = DEFAULT_TTL_S): string {
    return `${this.publicBaseUrl}${this.path(key, ttlSeconds)}`;
  }

  verify(path: string, exp: string | undefined, sig: string | undefined): boolean {
    return this.signer.verify(path, exp, sig, Math.floor(this.clock.now() / 1000));
  }
}
