import type { PlatformAccess } from '../config/platforms.js';
import type { Clock } from '../ports/clock.js';
import type { StatsReaderSet } from '../ports/platform-stats.js';

/** One stats reader per platform that has app credentials (as the publishers); loaded only when used. */
export async function buildStatsReaders(platforms: PlatformAccess, clock: Clock): Promise<StatsReaderSet> {
  const readers: StatsReaderSet = {};
  const common = { baseUrls: platforms.baseUrls, clock };
  if (platforms.apps.instagram) {
    const { InstagramStatsReader } =
      await import('../adapters/platforms/instagram/instagram-stats.reader.js');
    readers.instagram = new InstagramStatsReader(common);
  }
  if (platforms.apps.youtube) {
    const { YoutubeStatsReader } = await import('../adapters/platforms/youtube/youtube-stats.reader.js');
    readers.youtube = new YoutubeStatsReader(common);
  }
  if (platforms.apps.tiktok) {
    const { TiktokStatsReader } = await import('../adapters/platforms/tiktok/tiktok-stats.reader.js');
    readers.tiktok = new TiktokStatsReader(common);
  }
  return readers;
}
