import { z } from 'zod';

const baseUrl = (real: string, serves: string) =>
  z
    .url({ protocol: /^https?$/ })
    .default(real)
    .transform((u) => u.replace(/\/+$/, ''))
    .describe(`Base URL of ${serves}; the real host by default (the sandbox's when it runs)`);

const secret = (what: string) => z.string().min(1).optional().describe(what);

/** Platform apps and hosts. Connectors reach a platform only through these base URLs, appending the real paths. */
export const platformSettings = {
  TIKTOK_CLIENT_KEY: secret('TikTok app client key'),
  TIKTOK_CLIENT_SECRET: secret('TikTok app client secret'),
  INSTAGRAM_CLIENT_ID: secret('Instagram (Instagram Login) app id'),
  INSTAGRAM_CLIENT_SECRET: secret('Instagram app secret'),
  GOOGLE_CLIENT_ID: secret('Google OAuth client id (YouTube)'),
  GOOGLE_CLIENT_SECRET: secret('Google OAuth client secret (YouTube)'),
  TIKTOK_AUTH_BASE_URL: baseUrl('https://www.tiktok.com', 'TikTok Login Kit authorize'),
  TIKTOK_API_BASE_URL: baseUrl(
    'https://open.tiktokapis.com',
    'the TikTok API (OAuth, user, posting, videos)',
  ),
  INSTAGRAM_AUTH_BASE_URL: baseUrl('https://www.instagram.com', 'Instagram authorize'),
  INSTAGRAM_API_BASE_URL: baseUrl('https://api.instagram.com', 'the Instagram short-lived token endpoint'),
  INSTAGRAM_GRAPH_BASE_URL: baseUrl('https://graph.instagram.com', 'the Instagram Graph API'),
  GOOGLE_AUTH_BASE_URL: baseUrl('https://accounts.google.com', 'Google OAuth authorize'),
  GOOGLE_OAUTH2_BASE_URL: baseUrl('https://oauth2.googleapis.com', 'Google token and revoke endpoints'),
  YOUTUBE_API_BASE_URL: baseUrl('https://www.googleapis.com', 'the YouTube Data API and uploads'),
  PLATFORM_SANDBOX: z
    .enum(['auto', 'on', 'off'])
    .default('auto')
    .describe(
      'Serve the local TikTok/Instagram/YouTube sandbox at /sandbox and point the product at it; auto: when no platform credentials are set and NODE_ENV is not production (production serves it only when on)',
    ),
  SANDBOX_ADMIN_TOKEN: z
    .string()
    .min(16)
    .optional()
    .describe(
      "Bearer token the sandbox's admin API (/sandbox/__sandbox/) asks for; unset: it answers loopback callers only",
    ),
  SANDBOX_AUTO_CONSENT: z
    .enum(['public', 'private', 'unaudited', 'ig-personal', 'no-channel', 'deny'])
    .optional()
    .describe('Sandbox only: skip the consent pages and answer as this persona (for scripts and tests)'),
};
