import type { Platform } from '../../domain/connection.js';
import type { Version } from '../../domain/content-item.js';
import { sealCovers } from '../../domain/publishing/review.js';
import type { PublishingDeps } from './publishing-deps.js';

/**
 * True while the version's approval still covers what would be sent to `platform`: approved, the same content
 * hash, the same file bytes (hashed now) and the same texts for that platform.
 */
export async function approvalCovers(
  deps: Pick<PublishingDeps, 'store' | 'media'>,
  version: Version,
  platform: Platform,
): Promise<boolean> {
  const review = await deps.store.reviews.find(version.workspaceId, version.id);
  if (review?.state !== 'approved' || review.seal === null) return false;
  const videoSha256 = await deps.media.sha256(version.outputs.videoKey);
  return (
    videoSha256 !== null &&
    sealCovers(
      review.seal,
      { contentHash: version.contentHash, videoSha256, metadata: version.outputs.metadata },
      platform,
    )
  );
}
