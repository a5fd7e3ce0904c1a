import type { PlatformAccess } from '../config/platforms.js';
import type { Clock } from '../ports/clock.js';
import type { PublisherSet } from '../ports/platform-publisher.js';

/** One publisher per platform that has app credentials (as the connectors); loaded only when used. */
export async function buildPublishers(platforms: PlatformAccess, clock: Clock): Promise<PublisherSet> {
  const publishers: PublisherSet = {};
  const common = { baseUrls: platforms.baseUrls, clock };
  if (platforms.apps.tiktok) {
    const { TiktokPublisher } = await import('../adapters/platforms/tiktok/tiktok.publisher.js');
    publishers.tiktok = new TiktokPublisher(common);
  }
  if (platforms.apps.instagram) {
    const { InstagramPublisher } = await import('../adapters/platforms/instagram/instagram.publisher.js');
    publishers.instagram = new InstagramPublisher(common);
  }
  if (platforms.apps.youtube) {
    const { YoutubePublisher } = await import('../adapters/platforms/youtube/youtube.publisher.js');
    publishers.youtube = new YoutubePublisher(common);
  }
  return publishers;
}
