import type { PlatformAccess } from '../config/platforms.js';
import type { Clock } from '../ports/clock.js';
import type { StatsReaderSet } from '../ports/platform-stats.js';

/** One stats reader per platform that has app credentials (as the publishers); loaded only when used. */
export async function buildStatsReaders(platforms: PlatformAccess, clock: Clock): Promise<StatsReaderSet> {
  const readers: StatsReaderSet = {};
  const common = { baseUrls: platforms.baseUrls, clock };
  if (platforms.apps.tiktok) {
    const { TiktokStatsReader } = await import('../adapters/platforms/tiktok/tiktok-stats.reader.js');
    readers.tiktok = new TiktokStatsReader(common);
  }
  return readers;
}
