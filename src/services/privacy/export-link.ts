import type { UrlSigner } from '../../ports/url-signer.js';

/** The download path of an export; the session's user must be the export's person too. */
export function downloadPath(exportId: string): string {
  return `/api/privacy/exports/${exportId}/download`;
}

// The person's id is part of what is signed, so a link only ever verifies for the account it was made for.
const signed = (exportId: string, userId: string) => `${downloadPath(exportId)}\n${userId}`;

/** A signed download link valid until `expiresAt` (ISO), relative to the site. */
export function signDownload(signer: UrlSigner, exportId: string, userId: string, expiresAt: string): string {
  const { exp, sig } = signer.sign(signed(exportId, userId), Math.floor(Date.parse(expiresAt) / 1000));
  return `${downloadPath(exportId)}?exp=${exp}&sig=${sig}`;
}

/** True when the link's signature is the one made for this export and person, and it has not expired. */
export function verifyDownload(
  signer: UrlSigner,
  link: { exportId: string; userId: string; exp: string | undefined; sig: string | undefined },
  nowMs: number,
): boolean {
  return signer.verify(signed(link.exportId, link.userId), link.exp, link.sig, Math.floor(nowMs / 1000));
}
