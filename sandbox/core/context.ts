import type { FastifyInstance } from 'fastify';
import type { SandboxClock } from './clock.js';
import type { FaultKind, FaultRegistry } from './faults.js';
import type { RequestLog } from './request-log.js';
import type { WebhookSender } from './webhooks.js';
import type { SandboxSettings } from './settings.js';

/** Everything a platform module of the sandbox may use; shared state lives here, not in module globals. */
export interface SandboxContext {
  clock: SandboxClock;
  faults: FaultRegistry;
  requests: RequestLog;
  webhooks: WebhookSender;
  settings: SandboxSettings;
  /** Absolute URL of a sandbox mount, e.g. url('tiktokUpload', '/video/?upload_id=1'). */
  url(mount: MountName, path: string): string;
}

/** One mount per real host; each maps to a base URL setting of the product (or to a returned URL host). */
export const MOUNTS = {
  tiktokAuth: { prefix: '/tiktok/www', setting: 'TIKTOK_AUTH_BASE_URL' },
  tiktokApi: { prefix: '/tiktok/open-api', setting: 'TIKTOK_API_BASE_URL' },
  tiktokUpload: { prefix: '/tiktok/upload', setting: null },
  instagramAuth: { prefix: '/instagram/www', setting: 'INSTAGRAM_AUTH_BASE_URL' },
  instagramApi: { prefix: '/instagram/api', setting: 'INSTAGRAM_API_BASE_URL' },
  instagramGraph: { prefix: '/instagram/graph', setting: 'INSTAGRAM_GRAPH_BASE_URL' },
  googleAuth: { prefix: '/google/accounts', setting: 'GOOGLE_AUTH_BASE_URL' },
  googleOauth2: { prefix: '/google/oauth2', setting: 'GOOGLE_OAUTH2_BASE_URL' },
  youtubeApi: { prefix: '/google/apis', setting: 'YOUTUBE_API_BASE_URL' },
} as const;
export type MountName = keyof typeof MOUNTS;
export type BaseUrlSetting = NonNullable<(typeof MOUNTS)[MountName]['setting']>;

/** How a platform answers an injected fault, in its own envelope. */
export interface FaultAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** A platform module registers its routes on the mounts it owns. */
export interface PlatformModule {
  name: 'tiktok' | 'instagram' | 'youtube';
  /** The mounts this module serves; the core logs requests and applies faults on them. */
  mounts: MountName[];
  /** Registers the routes of one of its mounts; `app` is already scoped under the mount's prefix. */
  register(mount: MountName, app: FastifyInstance, ctx: SandboxContext): void;
  /** Renders an injected 'status' or 'platform_error' fault in the platform's real error envelope. */
  renderFault(
    fault: Extract<FaultKind, { type: 'status' | 'platform_error' }>,
    mount: MountName,
  ): FaultAnswer;
  /** Admin actions of the platform (platform-side revoke, fixtures…), scoped under /__sandbox/{name}. */
  registerAdmin?(app: FastifyInstance, ctx: SandboxContext): void;
}
