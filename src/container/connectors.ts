import type { PlatformAccess } from '../config/platforms.js';
import type { ConnectorSet } from '../services/connectors.js';

/** One connector per platform that has app credentials (the sandbox's documented ones in sandbox mode). */
export async function buildConnectors(platforms: PlatformAccess): Promise<ConnectorSet> {
  const connectors: ConnectorSet = {};
  const common = (platform: 'tiktok' | 'instagram' | 'youtube') => ({
    baseUrls: platforms.baseUrls,
    redirectUri: platforms.redirectUri(platform),
  });
  if (platforms.apps.tiktok) {
    const { TiktokConnector } = await import('../adapters/platforms/tiktok/tiktok.connector.js');
    connectors.tiktok = new TiktokConnector({ ...common('tiktok'), app: platforms.apps.tiktok });
  }
  if (platforms.apps.instagram) {
    const { InstagramConnector } = await import('../adapters/platforms/instagram/instagram.connector.js');
    connectors.instagram = new InstagramConnector({ ...common('instagram'), app: platforms.apps.instagram });
  }
  if (platforms.apps.youtube) {
    const { YoutubeConnector } = await import('../adapters/platforms/youtube/youtube.connector.js');
    connectors.youtube = new YoutubeConnector({ ...common('youtube'), app: platforms.apps.youtube });
  }
  return connectors;
}
