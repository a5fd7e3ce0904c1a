import type { Platform } from '../connection.js';
import type { RetentionSettings } from '../people.js';

/** What the running install actually does, gathered from its code and configuration, for the policy and terms. */
export interface PolicyFacts {
  operator: { name: string; contactEmail: string | null };
  /** The address of the service the pages cover. */
  serviceUrl: string;
  /** YYYY-MM-DD, or null when the operator set none. */
  effectiveDate: string | null;
  /** The configured store, in plain words (engine and where it keeps its data). */
  store: { engine: string; location: string };
  /** Where media files (videos, covers, voice-overs, uploads) are kept. */
  mediaLocation: string;
  /** Each platform with the scopes its connector requests; null when the platform is not set up here. */
  platforms: { platform: Platform; scopes: readonly string[] | null }[];
  /** Whether the platforms are the local sandbox (nothing reaches the real platforms). */
  sandbox: boolean;
  /** The outside AI providers the operator configured, by name and host only (keys never). */
  aiProviders: { name: string; host: string; receives: string }[];
  /** Where mail goes: an SMTP host, or a folder of the install. */
  mail: { kind: 'smtp'; host: string } | { kind: 'outbox' };
  lifetimes: { sessionDays: number; invitationDays: number; passwordResetMinutes: number };
  retentionDefaults: RetentionSettings;
}

/** The platforms' names as people know them. */
export const PLATFORM_NAMES: Record<Platform, string> = {
  tiktok: 'TikTok',
  instagram: 'Instagram',
  youtube: 'YouTube',
};

/** What each scope the product may request lets it do, in plain words. */
export const SCOPE_MEANINGS: Record<string, string> = {
  'user.info.basic': 'your basic profile: account id, display name and avatar',
  'video.publish': 'post videos to your account when you publish them here',
  'video.upload': 'upload videos to your TikTok inbox as drafts you finish in TikTok',
  'video.list': 'list your public videos and read their statistics (views, likes, comments, shares)',
  instagram_business_basic: 'your professional account’s id, user name and profile picture',
  instagram_business_content_publish: 'publish Reels to your account when you publish them here',
  instagram_business_manage_insights: 'read the statistics of your posts',
  'https://www.googleapis.com/auth/youtube.upload':
    'upload videos to your channel when you publish them here',
  'https://www.googleapis.com/auth/youtube.readonly':
    'read your channel’s name and picture, and your videos with their statistics',
};

/** The platforms' own privacy policies (the only outside links the pages carry). */
export const PLATFORM_POLICY_URLS: Record<Platform, string> = {
  tiktok: 'https://www.tiktok.com/legal/privacy-policy',
  instagram: 'https://privacycenter.instagram.com/policy',
  youtube: 'https://policies.google.com/privacy',
};
