import { PERSONA_IDS, type PersonaId, type SandboxSettings } from './core/settings.js';

type Env = Record<string, string | undefined>;

/** The sandbox's registered apps and event receivers, derived from the product's own settings. */
export function sandboxSettingsFromEnv(env: Env): Partial<SandboxSettings> {
  const publicBase = (env.PUBLIC_BASE_URL ?? 'http://localhost:8080').replace(/\/+$/, '');
  const redirect = (platform: string): string[] => [`${publicBase}/oauth/${platform}/callback`];
  const autoConsent = env.SANDBOX_AUTO_CONSENT;
  const settings: Partial<SandboxSettings> = {
    autoConsent: PERSONA_IDS.includes(autoConsent as PersonaId) ? (autoConsent as PersonaId) : null,
    webhookUrls: {
      tiktok: `${publicBase}/webhooks/tiktok`,
      instagramDeauthorize: `${publicBase}/webhooks/instagram/deauthorize`,
      instagramDataDeletion: `${publicBase}/webhooks/instagram/data-deletion`,
    },
  };
  const defaults = {
    tiktok: ['sandbox-tiktok-client-key', 'sandbox-tiktok-secret'],
    instagram: ['990000000000001', 'sandbox-instagram-secret'],
    google: ['sandbox-client.apps.googleusercontent.com', 'sandbox-google-secret'],
  } as const;
  settings.apps = {
    tiktok: {
      clientId: env.TIKTOK_CLIENT_KEY ?? defaults.tiktok[0],
      clientSecret: env.TIKTOK_CLIENT_SECRET ?? defaults.tiktok[1],
      redirectUris: redirect('tiktok'),
    },
    instagram: {
      clientId: env.INSTAGRAM_CLIENT_ID ?? defaults.instagram[0],
      clientSecret: env.INSTAGRAM_CLIENT_SECRET ?? defaults.instagram[1],
      redirectUris: redirect('instagram'),
    },
    google: {
      clientId: env.GOOGLE_CLIENT_ID ?? defaults.google[0],
      clientSecret: env.GOOGLE_CLIENT_SECRET ?? defaults.google[1],
      redirectUris: redirect('youtube'),
    },
  };
  return settings;
}
