import { TiktokConnector } from '../../src/adapters/platforms/tiktok/tiktok.connector.js';
import { SANDBOX_APPS } from '../../src/config/platforms.js';
import type { SandboxHarness } from './sandbox-harness.js';

/**
 * A TikTok access token from the sandbox, through its real OAuth flow: the consent page answers at once for the
 * sandbox's auto-consent persona, and the code is exchanged by the product's own connector.
 */
export async function sandboxTiktokToken(
  baseUrls: SandboxHarness['baseUrls'],
  redirectUri: string,
): Promise<string> {
  const connector = new TiktokConnector({ baseUrls, app: SANDBOX_APPS.tiktok, redirectUri });
  const url = connector.authorizeUrl({ state: 'st', codeChallenge: null, forceConsent: false });
  const redirect = await fetch(url, { redirect: 'manual' });
  const callback = connector.parseCallback(
    Object.fromEntries(new URL(redirect.headers.get('location') ?? '').searchParams),
  );
  if (!callback.ok) throw new Error(`consent failed: ${callback.error}`);
  return (await connector.exchangeCode({ code: callback.code, codeVerifier: null })).accessToken;
}
