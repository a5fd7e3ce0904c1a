import { PERSONA_IDS, type PersonaId } from '../core/settings.js';
import { historyPosts, type WorldSettings } from '../core/world.js';
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
  /** `published` through the API here; `history`: one of the account's earlier posts (the sandbox world). */
  source: 'published' | 'history';
  /** Null for earlier posts, which were never a container of this sandbox. */
  containerId: string | null;
  caption: string;
  shareToFeed: boolean;
  /** Null for earlier posts (no file behind them). */
  videoUrl: string | null;
  durationMs: number;
  publishedAt: number;
  /** The video's key in the sandbox world (its seeded noise). */
  worldKey: string;
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
  /** Media published through the API (earlier posts are derived from the world, see `historyOf`). */
  readonly media = new Map<string, IgMedia>();
  /** Insights modes forced by the admin API, by media id (published or earlier posts); absent = normal. */
  readonly insightsModes = new Map<string, InsightsMode>();
  private readonly containerIds = new IdSequence('17900');
  private readonly mediaIds = new IdSequence('18000');
  private readonly history = new Map<string, IgMedia[]>();

  /** `startedAt`: when this sandbox began; every earlier post is dated before it. */
  constructor(
    private readonly seed: number,
    readonly startedAt: number,
  ) {}

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

  /** Records a Reel published through the API. */
  addMedia(input: Omit<IgMedia, 'id' | 'source' | 'worldKey'>): IgMedia {
    const id = this.mediaIds.take();
    const media: IgMedia = { ...input, id, source: 'published', worldKey: `instagram:media:${id}` };
    this.media.set(media.id, media);
    return media;
  }

  /**
   * The account's earlier posts, from the world's history settings at the time of asking (so a PATCH of
   * /__sandbox/world applies at once). Ids are seeded from the post's key, in a range the sequences never reach.
   */
  historyOf(profile: AccountProfile, world: WorldSettings): IgMedia[] {
    const cacheKey = `${profile}:${world.historyVideos}:${world.historyWeeks}`;
    const cached = this.history.get(cacheKey);
    if (cached) return cached;
    const made = historyPosts(world, this.seed, `instagram:${profile}`, this.startedAt).map(
      (post): IgMedia => ({
        id: `1796${seededDigits(this.seed, `history-media:${post.key}`, 13)}`,
        owner: profile,
        source: 'history',
        containerId: null,
        caption: post.caption,
        shareToFeed: true,
        videoUrl: null,
        durationMs: post.durationSec * 1000,
        publishedAt: post.postedAtMs,
        worldKey: post.key,
      }),
    );
    this.history.set(cacheKey, made);
    return made;
  }

  /** Media of an account, published here and earlier posts alike, newest first. */
  mediaOf(profile: AccountProfile, world: WorldSettings): IgMedia[] {
    const published = [...this.media.values()].filter((m) => m.owner === profile);
    return [...published, ...this.historyOf(profile, world)].sort((a, b) => b.publishedAt - a.publishedAt);
  }

  /** A media by id: published here, or an earlier post of an account that exists. */
  findMedia(id: string, world: WorldSettings): IgMedia | undefined {
    const published = this.media.get(id);
    if (published) return published;
    for (const profile of this.users.keys()) {
      const earlier = this.historyOf(profile, world).find((m) => m.id === id);
      if (earlier) return earlier;
    }
    return undefined;
  }

  /** The insights mode of a media: normal unless the admin API forced another. */
  insightsModeOf(mediaId: string): InsightsMode {
    return this.insightsModes.get(mediaId) ?? 'normal';
  }

  /** Publishes through the API by an account after `since` (the rolling publishing-limit window). */
  publishesSince(profile: AccountProfile, since: number): number {
    return [...this.media.values()].filter((m) => m.owner === profile && m.publishedAt > since).length;
  }
}
