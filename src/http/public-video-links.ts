import type { UrlSigner } from '../ports/url-signer.js';
import type { Clock } from '../ports/clock.js';

/** The path of a publication's public video: what the signature covers. */
export const publicVideoPath = (workspaceId: string, publicationId: string) =>
  `/public/publications/${workspaceId}/${publicationId}/video.mp4`;

/**
 * Signed, expiring public links to the approved file of a publication, for platforms that fetch it
 * (Instagram's video_url). They need no session; the signature names the publication, not a media key.
 */
export class PublicVideoLinks {
  constructor(
    private readonly signer: UrlSigner,
    private readonly clock: Clock,
    private readonly publicBaseUrl: string,
  ) {}

  /** An absolute URL under PUBLIC_BASE_URL, valid until `expiresAtMs`. */
  urlFor(workspaceId: string, publicationId: string, expiresAtMs: number): string {
    const path = publicVideoPath(workspaceId, publicationId);
    const { exp, sig } = this.signer.sign(path, Math.ceil(expiresAtMs / 1000));
    return `${this.publicBaseUrl}${path}?exp=${exp}&sig=${sig}`;
  }

  /** True when the link's signature holds and it has not expired. */
  verify(path: string, exp: string | undefined, sig: string | undefined): boolean {
    return this.signer.verify(path, exp, sig, Math.floor(this.clock.now() / 1000));
  }
}
