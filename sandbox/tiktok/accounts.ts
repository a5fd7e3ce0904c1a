import { createHash } from 'node:crypto';
import type { PersonaId } from '../core/settings.js';

/** The TikTok users of the sandbox; persona ids of other platforms sign in as `public`. */
export const TIKTOK_PERSONAS = ['public', 'private', 'unaudited'] as const;
export type TiktokPersona = (typeof TIKTOK_PERSONAS)[number];

export const PRIVACY_LEVELS = [
  'PUBLIC_TO_EVERYONE',
  'MUTUAL_FOLLOW_FRIENDS',
  'FOLLOWER_OF_CREATOR',
  'SELF_ONLY',
] as const;
export type PrivacyLevel = (typeof PRIVACY_LEVELS)[number];

/** A TikTok user as the sandbox models it; mutable through the admin API. */
export interface TiktokAccount {
  persona: TiktokPersona;
  username: string;
  displayName: string;
  bio: string;
  isVerified: boolean;
  /** Private accounts never get PUBLIC_TO_EVERYONE; public ones never get FOLLOWER_OF_CREATOR. */
  privateAccount: boolean;
  /** The user authorizes an app that is not audited yet (§1.4): SELF_ONLY only, private accounts only. */
  unauditedApp: boolean;
  bannedFromPosting: boolean;
  commentDisabled: boolean;
  duetDisabled: boolean;
  stitchDisabled: boolean;
  maxVideoPostDurationSec: number;
  followerBase: number;
  followingBase: number;
  likesBase: number;
}

/** Maps a consent-page persona to a TikTok user; `deny` has none. */
export function tiktokPersonaOf(id: PersonaId): TiktokPersona | null {
  if (id === 'deny') return null;
  return (TIKTOK_PERSONAS as readonly string[]).includes(id) ? (id as TiktokPersona) : 'public';
}

/** Fresh fixtures, one per persona. */
export function defaultAccounts(): Record<TiktokPersona, TiktokAccount> {
  const base = {
    bio: 'Short vertical videos, made by a factory.',
    isVerified: false,
    bannedFromPosting: false,
    commentDisabled: false,
    duetDisabled: false,
    stitchDisabled: true,
    maxVideoPostDurationSec: 600,
  };
  return {
    public: {
      ...base,
      persona: 'public',
      username: 'ai.factory',
      displayName: 'AI Factory',
      isVerified: true,
      privateAccount: false,
      unauditedApp: false,
      followerBase: 12840,
      followingBase: 31,
      likesBase: 220415,
    },
    private: {
      ...base,
      persona: 'private',
      username: 'ai.factory.private',
      displayName: 'AI Factory (private)',
      privateAccount: true,
      unauditedApp: false,
      duetDisabled: true,
      maxVideoPostDurationSec: 180,
      followerBase: 87,
      followingBase: 12,
      likesBase: 940,
    },
    unaudited: {
      ...base,
      persona: 'unaudited',
      username: 'ai.factory.tester',
      displayName: 'AI Factory Tester',
      privateAccount: true,
      unauditedApp: true,
      followerBase: 3,
      followingBase: 2,
      likesBase: 0,
    },
  };
}

/** The privacy_level_options creator_info reports for an account (§1.3). */
export function privacyOptionsOf(account: TiktokAccount): PrivacyLevel[] {
  if (account.unauditedApp) return ['SELF_ONLY'];
  return account.privateAccount
    ? ['FOLLOWER_OF_CREATOR', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY']
    : ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'];
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** open_id is per app and user, stable across authorizations. */
export function openIdOf(clientKey: string, persona: TiktokPersona): string {
  return `-000${digest(`open:${clientKey}:${persona}`).slice(0, 32)}`;
}

/** union_id is per user, the same across one developer's apps. */
export function unionIdOf(persona: TiktokPersona): string {
  return `sbx.${digest(`union:${persona}`).slice(0, 28)}`;
}
