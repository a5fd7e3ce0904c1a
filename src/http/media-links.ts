import type { UrlSigner } from '../ports/url-signer.js';
import type { Clock } from '../ports/clock.js';

// Short, so a person removed from a workspace loses the links they were handed within minutes. Expiries are rounded
// up to a step so the page sees the same URL for a while and the browser's cache keeps working.
const DEFAULT_TTL_S = 15 * 60;
const EXPIRY_STEP_S = 5 * 60;

/** Signed, expiring links to media files: `/media/<key>?exp=…&sig=…`, valid 15 to 20 minutes. */
export class MediaLinks {
  constructor(
    private readonly signer: UrlSigner,
    private readonly clock: Clock,
    private readonly publicBaseUrl: string,
  ) {}

  /** A link relative to the site (for the web app). */
  path(key: string, ttlSeconds = DEFAULT_TTL_S): string {
    const path = `/media/${key}`;
    const earliest = Math.floor(this.clock.now() / 1000) + ttlSeconds;
    const { exp, sig } = this.signer.sign(path, Math.ceil(earliest / EXPIRY_STEP_S) * EXPIRY_STEP_S);
    return `${path}?exp=${exp}&sig=${sig}`;
  }

  /** An absolute link (for platforms that fetch the file, e.g. Instagram's video_url). */
  absolute(key: string, ttlSeconds = DEFAULT_TTL_S): string {
    return `${this.publicBaseUrl}${this.path(key, ttlSeconds)}`;
  }

  /** True when the link's signature holds and it has not expired. */
  verify(path: string, exp: string | undefined, sig: string | undefined): boolean {
    return this.signer.verify(path, exp, sig, Math.floor(this.clock.now() / 1000));
  }
}
