import { defaultWorld, type WorldSettings } from './world.js';
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
  /** 'desktop' apps must send a hex S256 PKCE challenge; 'web' apps need none (a challenge sent anyway is enforced). */
  appType: 'web' | 'desktop';
  authorizationCodeSeconds: number; // 600 (codes are single-use, ≤ 10 min)
  uploadUrlSeconds: number; // 3600
  directPostsPer24h: number; // ~15 per creator
  /** Distinct creators that may Direct Post per 24 h: 5 for an unaudited app; null = no cap (audited). */
  unauditedActiveCreatorCap: number;
  activeCreatorCap: number | null;
  /** PULL_FROM_URL allow-list: URL prefixes (with scheme) or bare domains (subdomains included). */
  verifiedUrlPrefixes: string[];
  /** Share of webhook events delivered twice (deterministic from the seed), 0..1. */
  webhookDuplicateRate: number;
}

export interface InstagramSettings {
  shortLivedSeconds: number; // 3600
  longLivedSeconds: number; // 5183944 (~60 d)
  publishesPer24h: number; // 100
  containerProcessingMs: number;
  /** Short-lived token body shape: flat (today) or wrapped in data:[…] (older). */
  tokenBodyShape: 'flat' | 'data-array';
  insightsDelayMs: number; // 0, or 48 h to mimic late insights
  /** Authorization codes are single-use and live this long (≤ 10 min). */
  authCodeSeconds: number;
  /** An unpublished FINISHED container turns EXPIRED after this long (24 h). */
  containerExpirySeconds: number;
  /** ig_refresh_token needs a long-lived token at least this old (24 h). */
  refreshMinAgeSeconds: number;
  /** How long the container create call waits for video_url before failing with 2207003. */
  videoFetchTimeoutMs: number;
  /** Largest accepted Reels file (300 MB; some pages say 1 GB). */
  maxVideoBytes: number;
  /** Reject MP4/MOV files whose moov atom comes after mdat (no "faststart"). */
  requireMoovFirst: boolean;
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
  /** Authorization codes are single-use and live this long (≤ 10 min). */
  authCodeSeconds: number;
  /** Our flow always sends PKCE S256; Google itself also accepts confidential clients without PKCE. */
  requirePkce: boolean;
  /** Legacy mode: units per videos.insert (1600 until 2025-12, ~100 after). */
  insertCostUnits: number;
  /** Granular mode: videos.insert calls per day, in their own bucket. */
  insertCallsPerDay: number;
  /** Per-channel uploads in a rolling 24 h, independent of quota, before uploadLimitExceeded. */
  channelUploadsPer24h: number;
  /** Resumable session URIs stay usable this long (one week). */
  uploadSessionSeconds: number;
  /** Status of the response that completes a resumable upload (201 documented, 200 also seen). */
  uploadCompleteStatus: 200 | 201;
  /** Refresh tokens unused this long die (6 months). */
  refreshTokenIdleSeconds: number;
  /** Live refresh tokens per user and client before the oldest is dropped (~100). */
  refreshTokensPerUser: number;
  /** Refresh-token life when testingApp is on (7 days). */
  testingRefreshTokenSeconds: number;
  /** channels.list with no channel: the real API omits `items`; 'empty-array' answers `items: []`. */
  emptyChannelItems: 'omitted' | 'empty-array';
  /** Files that do not start like a video container fail processing (failureReason invalidFile). */
  rejectNonVideoFiles: boolean;
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
  /** The simulated audience that shapes every platform's statistics. */
  world: WorldSettings;
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
    world: defaultWorld(),
    tiktok: {
      accessTokenSeconds: 7200,
      refreshTokenSeconds: 15552000,
      rotateRefreshTokens: true,
      rateLimits: { creatorInfo: 20, init: 6, status: 30, display: 600 },
      maxPendingDrafts: 5,
      processingMs: 3000,
      moderationMs: 5000,
      oauthErrorsWithStatus200: false,
      appType: 'web',
      authorizationCodeSeconds: 600,
      uploadUrlSeconds: 3600,
      directPostsPer24h: 15,
      unauditedActiveCreatorCap: 5,
      activeCreatorCap: null,
      verifiedUrlPrefixes: [],
      webhookDuplicateRate: 0.2,
    },
    instagram: {
      shortLivedSeconds: 3600,
      longLivedSeconds: 5183944,
      publishesPer24h: 100,
      containerProcessingMs: 3000,
      tokenBodyShape: 'flat',
      insightsDelayMs: 0,
      authCodeSeconds: 600,
      containerExpirySeconds: 86400,
      refreshMinAgeSeconds: 86400,
      videoFetchTimeoutMs: 10_000,
      maxVideoBytes: 300_000_000,
      requireMoovFirst: true,
    },
    google: {
      accessTokenSeconds: 3599,
      unverifiedApp: false,
      quotaMode: 'legacy',
      dailyQuota: 10000,
      processingMs: 3000,
      testingApp: false,
      authCodeSeconds: 600,
      requirePkce: true,
      insertCostUnits: 1600,
      insertCallsPerDay: 100,
      channelUploadsPer24h: 100,
      uploadSessionSeconds: 7 * 86400,
      uploadCompleteStatus: 201,
      refreshTokenIdleSeconds: 182 * 86400,
      refreshTokensPerUser: 100,
      testingRefreshTokenSeconds: 7 * 86400,
      emptyChannelItems: 'omitted',
      rejectNonVideoFiles: true,
    },
  };
  return { ...base, ...overrides };
}
