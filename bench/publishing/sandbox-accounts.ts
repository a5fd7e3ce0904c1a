import { createHash, randomBytes } from 'node:crypto';
import { SANDBOX_APPS, type BaseUrlName } from '../../src/config/platforms.js';
import type { Platform } from '../../src/domain/connection.js';
import { InstagramConnector } from '../../src/adapters/platforms/instagram/instagram.connector.js';
import { TiktokConnector } from '../../src/adapters/platforms/tiktok/tiktok.connector.js';
import { YoutubeConnector } from '../../src/adapters/platforms/youtube/youtube.connector.js';
import type { PlatformConnector } from '../../src/ports/platform-connector.js';

/** The product's connector for a platform, registered with the sandbox's documented app. */
function connectorFor(platform: Platform, baseUrls: Record<BaseUrlName, string>, appOrigin: string) {
  const common = { baseUrls, redirectUri: `${appOrigin}/oauth/${platform}/callback` };
  if (platform === 'tiktok') return new TiktokConnector({ ...common, app: SANDBOX_APPS.tiktok });
  if (platform === 'instagram') return new InstagramConnector({ ...common, app: SANDBOX_APPS.instagram });
  return new YoutubeConnector({ ...common, app: SANDBOX_APPS.youtube });
}

/**
 * A grant (access token and granted scopes) for the sandbox's auto-consenting persona, obtained the way the product connects an account:
 * consent redirect, callback parsing, code exchange (with PKCE where the connector uses it).
 */
export async function sandboxGrant(
  platform: Platform,
  baseUrls: Record<BaseUrlName, string>,
  appOrigin: string,
): Promise<{
  accessToken: string;
  refreshToken: string | null;
  scopes: string[];
  externalAccountId: string;
}> {
  const connector: PlatformConnector = connectorFor(platform, baseUrls, appOrigin);
  const codeVerifier = connector.usesPkce ? randomBytes(48).toString('base64url') : null;
  const codeChallenge = codeVerifier ? createHash('sha256').update(codeVerifier).digest('base64url') : null;
  const consent = await fetch(connector.authorizeUrl({ state: 'bench', codeChallenge, forceConsent: true }), {
    redirect: 'manual',
  });
  const location = consent.headers.get('location');
  if (!location) throw new Error(`${platform}: the sandbox did not redirect (${consent.status})`);
  const callback = connector.parseCallback(Object.fromEntries(new URL(location).searchParams));
  if (!callback.ok) throw new Error(`${platform}: consent failed: ${callback.error}`);
  const issued = await connector.exchangeCode({ code: callback.code, codeVerifier });
  const profile = await connector.fetchProfile(issued.accessToken);
  return {
    accessToken: issued.accessToken,
    refreshToken: issued.refreshToken,
    scopes: issued.scopes,
    externalAccountId: profile.externalAccountId,
  };
}
