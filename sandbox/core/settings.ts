/** Persona ids a person (or SANDBOX_AUTO_CONSENT) picks on a consent page. */
export const PERSONA_IDS = ['public', 'private', 'unaudited', 'ig-personal', 'no-channel', 'deny'] as const;
export type PersonaId = (typeof PERSONA_IDS)[number];

/** A registered app: the sandbox refuses any other client id, secret or redirect URI, as the platforms do. */
export interface RegisteredApp {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export interface TiktokSettings {
  accessTokenSeconds: number; // 7200 today; legacy 86400
  refreshTokenSeconds: number; // 15552000 (180 d) today; legacy 31536000
  rotateRefreshTokens: boolean; // legacy mode: false
  /** Per-token requests per minute. */
  rateLimits: { creatorInfo: number; init: number; status: number; display: number };
  maxPendingDrafts: number;
  processingMs: number;
  moderationMs: number;
  /** OAuth errors answered with HTTP 200 (a real-world quirk) instead of 4xx. */
  oauthErrorsWithStatus200: boolean;
}

export interface InstagramSettings {
  shortLivedSeconds: number; // 3600
  longLivedSeconds: number; // 5183944 (~60 d)
  publishesPer24h: number; // 100
  containerProcessingMs: number;
  /** Short-lived token body shape: flat (today) or wrapped in data:[…] (older). */
  tokenBodyShape: 'flat' | 'data-array';
  insightsDelayMs: number; // 0, or 48 h to mimic late insights
}

export interface GoogleSettings {
  accessTokenSeconds: number; // 3599
  /** Unverified projects: every upload is forced to private. */
  unverifiedApp: boolean;
  /** 'legacy': 10,000 units/day, 1600 per insert; 'granular': per-method buckets. */
  quotaMode: 'legacy' | 'granular';
  dailyQuota: number;
  processingMs: number;
  /** "Testing" apps: refresh tokens die after 7 days. */
  testingApp: boolean;
}

export interface SandboxSettings {
  apps: { tiktok: RegisteredApp; instagram: RegisteredApp; google: RegisteredApp };
  /** When set, authorize endpoints skip the consent page and answer as this persona. */
  autoConsent: PersonaId | null;
  /** Where platform-side events are delivered (the product's webhook URLs). */
  webhookUrls: {
    tiktok: string | null;
    instagramDeauthorize: string | null;
    instagramDataDeletion: string | null;
  };
  /** Seed for deterministic statistics. */
  seed: number;
  tiktok: TiktokSettings;
  instagram: InstagramSettings;
  google: GoogleSettings;
}

/** Defaults are the currently documented platform values (PLATFORMS.md §0 and §6). */
export function defaultSettings(overrides: Partial<SandboxSettings> = {}): SandboxSettings {
  const base: SandboxSettings = {
    apps: {
      tiktok: {
        clientId: 'sandbox-tiktok-client-key',
        clientSecret: 'sandbox-tiktok-secret',
        redirectUris: [],
      },
      instagram: { clientId: '990000000000001', clientSecret: 'sandbox-instagram-secret', redirectUris: [] },
      google: {
        clientId: 'sandbox-client.apps.googleusercontent.com',
        clientSecret: 'sandbox-google-secret',
        redirectUris: [],
      },
    },
    autoConsent: null,
    webhookUrls: { tiktok: null, instagramDeauthorize: null, instagramDataDeletion: null },
    seed: 42,
    tiktok: {
      accessTokenSeconds: 7200,
      refreshTokenSeconds: 15552000,
      rotateRefreshTokens: true,
      rateLimits: { creatorInfo: 20, init: 6, status: 30, display: 600 },
      maxPendingDrafts: 5,
      processingMs: 3000,
      moderationMs: 5000,
      oauthErrorsWithStatus200: false,
    },
    instagram: {
      shortLivedSeconds: 3600,
      longLivedSeconds: 5183944,
      publishesPer24h: 100,
      containerProcessingMs: 3000,
      tokenBodyShape: 'flat',
      insightsDelayMs: 0,
    },
    google: {
      accessTokenSeconds: 3599,
      unverifiedApp: false,
      quotaMode: 'legacy',
      dailyQuota: 10000,
      processingMs: 3000,
      testingApp: false,
    },
  };
  return { ...base, ...overrides };
}
