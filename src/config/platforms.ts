import type { Config } from './schema.js';

export type PlatformName = 'tiktok' | 'instagram' | 'youtube';

export const BASE_URL_SETTINGS = [
  'TIKTOK_AUTH_BASE_URL',
  'TIKTOK_API_BASE_URL',
  'INSTAGRAM_AUTH_BASE_URL',
  'INSTAGRAM_API_BASE_URL',
  'INSTAGRAM_GRAPH_BASE_URL',
  'GOOGLE_AUTH_BASE_URL',
  'GOOGLE_OAUTH2_BASE_URL',
  'YOUTUBE_API_BASE_URL',
] as const;
export type BaseUrlName = (typeof BASE_URL_SETTINGS)[number];

export interface AppCredentials {
  clientId: string;
  clientSecret: string;
}

/** Where the product reaches the platforms, with which app credentials, and whether that is the local sandbox. */
export interface PlatformAccess {
  sandbox: boolean;
  baseUrls: Record<BaseUrlName, string>;
  apps: Partial<Record<PlatformName, AppCredentials>>;
  redirectUri(platform: PlatformName): string;
}

// Documented app credentials of the sandbox's registered apps; they mean nothing to a real platform.
export const SANDBOX_APPS: Record<PlatformName, AppCredentials> = {
  tiktok: { clientId: 'sandbox-tiktok-client-key', clientSecret: 'sandbox-tiktok-secret' },
  instagram: { clientId: '990000000000001', clientSecret: 'sandbox-instagram-secret' },
  youtube: { clientId: 'sandbox-client.apps.googleusercontent.com', clientSecret: 'sandbox-google-secret' },
};

/**
 * True when the sandbox should serve: forced on, or `auto` with no platform credentials configured. Production
 * never serves it unless it is forced on, so a missing credential cannot turn a live install into a fake one.
 */
export function sandboxEnabled(config: Config): boolean {
  if (config.PLATFORM_SANDBOX !== 'auto') return config.PLATFORM_SANDBOX === 'on';
  if (config.NODE_ENV === 'production') return false;
  return Object.keys(configuredApps(config)).length === 0;
}

/** The configured app of each platform whose id and secret are both set. */
export function configuredApps(config: Config): Partial<Record<PlatformName, AppCredentials>> {
  const pairs: [PlatformName, string | undefined, string | undefined][] = [
    ['tiktok', config.TIKTOK_CLIENT_KEY, config.TIKTOK_CLIENT_SECRET],
    ['instagram', config.INSTAGRAM_CLIENT_ID, config.INSTAGRAM_CLIENT_SECRET],
    ['youtube', config.GOOGLE_CLIENT_ID, config.GOOGLE_CLIENT_SECRET],
  ];
  return Object.fromEntries(
    pairs
      .filter(([, id, secret]) => id && secret)
      .map(([name, id, secret]) => [name, { clientId: id, clientSecret: secret }]),
  );
}

/**
 * Platform access for this run. In sandbox mode the base URLs point at `${PUBLIC_BASE_URL}/sandbox/…` and apps not
 * configured use the sandbox's documented credentials.
 */
export function resolvePlatformAccess(
  config: Config,
  sandboxBaseUrls?: Record<BaseUrlName, string>,
): PlatformAccess {
  const sandbox = sandboxEnabled(config);
  const baseUrls = Object.fromEntries(BASE_URL_SETTINGS.map((name) => [name, config[name]])) as Record<
    BaseUrlName,
    string
  >;
  return {
    sandbox,
    baseUrls: sandbox && sandboxBaseUrls ? sandboxBaseUrls : baseUrls,
    apps: sandbox ? { ...SANDBOX_APPS, ...configuredApps(config) } : configuredApps(config),
    redirectUri: (platform) => `${config.PUBLIC_BASE_URL}/oauth/${platform}/callback`,
  };
}
