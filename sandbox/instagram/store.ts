import { PERSONA_IDS, type PersonaId } from '../core/settings.js';
import { IdSequence, randomCredential, seededBetween, seededDigits } from './ids.js';

/** The Instagram accounts behind the personas: personas irrelevant to Instagram act as the business one. */
export type AccountProfile = 'business' | 'creator' | 'personal';

/** Maps a consent-page persona to the Instagram account it signs in as. */
export function profileForPersona(persona: Exclude<PersonaId, 'deny'>): AccountProfile {
  if (persona === 'private') return 'creator';
  if (persona === 'ig-personal') return 'personal';
  return 'business';
}

export interface IgUser {
  profile: AccountProfile;
  /** App-scoped id: the token response's `user_id`, `/me`'s `id`, the callbacks' `user_id`. */
  appScopedId: string;
  /** The professional `{ig-user-id}` (`/me?fields=user_id`) that publishing paths use. */
  igUserId: string;
  username: string;
  name: string;
  accountType: 'BUSINESS' | 'MEDIA_CREATOR' | 'PERSONAL';
  baseFollowers: number;
  followsCount: number;
  createdAt: number;
}

export interface AuthCode {
  code: string;
  clientId: string;
  redirectUri: string;
  profile: AccountProfile;
  scopes: string[];
  expiresAt: number;
  used: boolean;
}

export interface IgToken {
  token: string;
  kind: 'short' | 'long';
  profile: AccountProfile;
  scopes: string[];
  issuedAt: number;
  expiresAt: number;
  revoked: boolean;
}

/** What fetching and checking `video_url` found, decided at create time and revealed by the status. */
export type ContainerOutcome =
  | { ok: true; durationMs: number; bytes: number }
  | { ok: false; code: number; subcode: number; revealAtOnce: boolean; reason: string };

export interface Container {
  id: string;
  owner: AccountProfile;
  mediaType: 'REELS' | 'VIDEO';
  videoUrl: string;
  caption: string;
  shareToFeed: boolean;
  coverUrl: string | null;
  thumbOffsetMs: number | null;
  createdAt: number;
  outcome: ContainerOutcome;
  publishedMediaId: string | null;
}

export type InsightsMode = 'normal' | 'empty' | 'not-enough-viewers';

export interface IgMedia {
  id: string;
  owner: AccountProfile;
  containerId: string;
  caption: string;
  shareToFeed: boolean;
  videoUrl: string;
  durationMs: number;
  publishedAt: number;
  insightsMode: InsightsMode;
}

const PROFILE_FIXTURES: Record<
  AccountProfile,
  { username: string; name: string; type: IgUser['accountType'] }
> = {
  business: { username: 'aifactory.business', name: 'AI Factory Business', type: 'BUSINESS' },
  creator: { username: 'aifactory.creator', name: 'AI Factory Creator', type: 'MEDIA_CREATOR' },
  personal: { username: 'aifactory.personal', name: 'AI Factory Personal', type: 'PERSONAL' },
};

/** The in-memory Instagram of one sandbox: accounts, codes, tokens, containers and published media. */
export class InstagramStore {
  private readonly users = new Map<AccountProfile, IgUser>();
  readonly codes = new Map<string, AuthCode>();
  readonly tokens = new Map<string, IgToken>();
  readonly containers = new Map<string, Container>();
  readonly media = new Map<string, IgMedia>();
  private readonly containerIds = new IdSequence('17900');
  private readonly mediaIds = new IdSequence('18000');

  constructor(private readonly seed: number) {}

  /** The account behind a profile, created with seeded ids on first use. */
  user(profile: AccountProfile, now: number): IgUser {
    const existing = this.users.get(profile);
    if (existing) return existing;
    const fixture = PROFILE_FIXTURES[profile];
    const user: IgUser = {
      profile,
      // 17 digits, odd: above Number.MAX_SAFE_INTEGER and never exact as a JS number, so a connector
      // reading the token response's numeric user_id with JSON.parse always gets it wrong (use /me).
      appScopedId: `2${seededDigits(this.seed, `app-scoped:${profile}`, 15)}7`,
      igUserId: `17841${seededDigits(this.seed, `ig-user:${profile}`, 12)}`,
      username: fixture.username,
      name: fixture.name,
      accountType: fixture.type,
      baseFollowers: Math.floor(seededBetween(this.seed, `followers:${profile}`, 500, 50_000)),
      followsCount: Math.floor(seededBetween(this.seed, `follows:${profile}`, 50, 900)),
      createdAt: now,
    };
    this.users.set(profile, user);
    return user;
  }

  /** Finds an existing account by persona id, either id, or username. */
  findUser(reference: string): IgUser | undefined {
    if (PERSONA_IDS.includes(reference as PersonaId) && reference !== 'deny') {
      return this.users.get(profileForPersona(reference as Exclude<PersonaId, 'deny'>));
    }
    for (const user of this.users.values()) {
      if ([user.profile, user.appScopedId, user.igUserId, user.username].includes(reference)) return user;
    }
    return undefined;
  }

  allUsers(): IgUser[] {
    return [...this.users.values()];
  }

  issueCode(input: Omit<AuthCode, 'code' | 'used'>): AuthCode {
    const code: AuthCode = { ...input, code: randomCredential('AQ', 96), used: false };
    this.codes.set(code.code, code);
    return code;
  }

  issueToken(input: Omit<IgToken, 'token' | 'revoked'>): IgToken {
    const token: IgToken = { ...input, token: randomCredential('IGAA', 120), revoked: false };
    this.tokens.set(token.token, token);
    return token;
  }

  /** Kills every token and pending code of an account (platform-side removal); returns the tokens killed. */
  revokeAccount(profile: AccountProfile): number {
    let killed = 0;
    for (const token of this.tokens.values()) {
      if (token.profile === profile && !token.revoked) {
        token.revoked = true;
        killed += 1;
      }
    }
    for (const code of this.codes.values()) if (code.profile === profile) code.used = true;
    return killed;
  }

  addContainer(input: Omit<Container, 'id' | 'publishedMediaId'>): Container {
    const container: Container = { ...input, id: this.containerIds.take(), publishedMediaId: null };
    this.containers.set(container.id, container);
    return container;
  }

  addMedia(input: Omit<IgMedia, 'id' | 'insightsMode'>): IgMedia {
    const media: IgMedia = { ...input, id: this.mediaIds.take(), insightsMode: 'normal' };
    this.media.set(media.id, media);
    return media;
  }

  /** Media of an account, newest first. */
  mediaOf(profile: AccountProfile): IgMedia[] {
    return [...this.media.values()]
      .filter((m) => m.owner === profile)
      .sort((a, b) => b.publishedAt - a.publishedAt);
  }

  /** Publishes by an account at or after `since` (the rolling publishing-limit window). */
  publishesSince(profile: AccountProfile, since: number): number {
    return this.mediaOf(profile).filter((m) => m.publishedAt > since).length;
  }
}
