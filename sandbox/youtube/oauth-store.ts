import type { SandboxClock } from '../core/clock.js';
import type { GoogleSettings, PersonaId } from '../core/settings.js';
import { randomToken } from './hash.js';

/** What a user granted a client; revoking any of its tokens removes it and every token it issued. */
export interface Grant {
  key: string;
  clientId: string;
  persona: PersonaId;
  scopes: Set<string>;
  /** A refresh token was handed out once: later consents get one only with prompt=consent. */
  refreshIssued: boolean;
}

/** A single-use authorization code, bound to client, redirect URI and PKCE challenge. */
export interface AuthCode {
  code: string;
  clientId: string;
  redirectUri: string;
  persona: PersonaId;
  scopes: string[];
  challenge: { value: string; method: 'S256' | 'plain' } | null;
  offline: boolean;
  forceConsent: boolean;
  expiresAt: number;
  used: boolean;
}

export interface AccessToken {
  token: string;
  grantKey: string;
  persona: PersonaId;
  clientId: string;
  scopes: string[];
  expiresAt: number;
}

export interface RefreshToken {
  token: string;
  grantKey: string;
  clientId: string;
  scopes: string[];
  issuedAt: number;
  lastUsedAt: number;
  /** Only "Testing" apps give refresh tokens a fixed end. */
  expiresAt: number | null;
}

/** Grants, codes and tokens of the sandbox's Google, isolated per sandbox instance. */
export class GoogleOauthStore {
  private readonly grants = new Map<string, Grant>();
  private readonly codes = new Map<string, AuthCode>();
  private readonly accessTokens = new Map<string, AccessToken>();
  private readonly refreshTokens = new Map<string, RefreshToken>();

  constructor(
    private readonly clock: SandboxClock,
    private readonly settings: () => GoogleSettings,
  ) {}

  /** The grant of a user to a client, if it is alive. */
  grant(clientId: string, persona: PersonaId): Grant | undefined {
    return this.grants.get(grantKey(clientId, persona));
  }

  /** Records a consent and returns a fresh code for it. */
  issueCode(input: Omit<AuthCode, 'code' | 'expiresAt' | 'used'>): AuthCode {
    const code: AuthCode = {
      ...input,
      code: `4/0A${randomToken(54)}`,
      expiresAt: this.clock.now() + this.settings().authCodeSeconds * 1000,
      used: false,
    };
    this.codes.set(code.code, code);
    return code;
  }

  /** Looks a code up without consuming it. */
  findCode(code: string): AuthCode | undefined {
    return this.codes.get(code);
  }

  /** Whether a code outlived its 10 minutes (codes follow the sandbox clock). */
  isExpired(code: AuthCode): boolean {
    return this.clock.now() >= code.expiresAt;
  }

  /** Consumes a code: creates or widens the grant and issues tokens (a refresh token only when due). */
  redeemCode(code: AuthCode): { access: AccessToken; refresh: RefreshToken | null } {
    code.used = true;
    const key = grantKey(code.clientId, code.persona);
    const existing = this.grants.get(key);
    const grant: Grant = existing ?? {
      key,
      clientId: code.clientId,
      persona: code.persona,
      scopes: new Set(),
      refreshIssued: false,
    };
    code.scopes.forEach((s) => grant.scopes.add(s));
    this.grants.set(key, grant);
    const access = this.issueAccessToken(grant, code.scopes);
    if (!code.offline || (grant.refreshIssued && !code.forceConsent)) return { access, refresh: null };
    grant.refreshIssued = true;
    return { access, refresh: this.issueRefreshToken(grant, code.scopes) };
  }

  /** A refresh token that still works, or undefined (revoked, idle 6 months, Testing 7 days, dropped). */
  liveRefreshToken(token: string): RefreshToken | undefined {
    const refresh = this.refreshTokens.get(token);
    if (!refresh || !this.grants.has(refresh.grantKey)) return undefined;
    const now = this.clock.now();
    const idleLimit = this.settings().refreshTokenIdleSeconds * 1000;
    if (now - refresh.lastUsedAt > idleLimit || (refresh.expiresAt !== null && now >= refresh.expiresAt)) {
      return undefined;
    }
    return refresh;
  }

  /** Issues a new access token from a live refresh token. */
  refresh(refresh: RefreshToken): AccessToken {
    refresh.lastUsedAt = this.clock.now();
    const grant = this.grants.get(refresh.grantKey);
    if (!grant) throw new Error('refresh() needs a live refresh token');
    return this.issueAccessToken(grant, refresh.scopes);
  }

  /** An access token that is neither expired nor revoked. */
  liveAccessToken(token: string): AccessToken | undefined {
    const access = this.accessTokens.get(token);
    if (!access || !this.grants.has(access.grantKey) || this.clock.now() >= access.expiresAt)
      return undefined;
    return access;
  }

  /** Revokes the grant behind a live access or refresh token; false when the token is unknown or dead. */
  revokeByToken(token: string): boolean {
    const owner = this.liveAccessToken(token) ?? this.liveRefreshToken(token);
    if (!owner) return false;
    this.revokeGrant(owner.grantKey);
    return true;
  }

  /** Platform-side revocation (the user removes the app in their Google account). */
  revokePersona(clientId: string, persona: PersonaId): boolean {
    return this.revokeGrant(grantKey(clientId, persona));
  }

  private revokeGrant(key: string): boolean {
    const existed = this.grants.delete(key);
    for (const [token, access] of this.accessTokens)
      if (access.grantKey === key) this.accessTokens.delete(token);
    for (const [token, refresh] of this.refreshTokens)
      if (refresh.grantKey === key) this.refreshTokens.delete(token);
    return existed;
  }

  private issueAccessToken(grant: Grant, scopes: string[]): AccessToken {
    const access: AccessToken = {
      token: `ya29.a0${randomToken(96)}`,
      grantKey: grant.key,
      persona: grant.persona,
      clientId: grant.clientId,
      scopes,
      expiresAt: this.clock.now() + this.settings().accessTokenSeconds * 1000,
    };
    this.accessTokens.set(access.token, access);
    return access;
  }

  private issueRefreshToken(grant: Grant, scopes: string[]): RefreshToken {
    const now = this.clock.now();
    const settings = this.settings();
    const refresh: RefreshToken = {
      token: `1//0${randomToken(75)}`,
      grantKey: grant.key,
      clientId: grant.clientId,
      scopes,
      issuedAt: now,
      lastUsedAt: now,
      expiresAt: settings.testingApp ? now + settings.testingRefreshTokenSeconds * 1000 : null,
    };
    this.refreshTokens.set(refresh.token, refresh);
    this.dropOldestBeyondLimit(grant.key, settings.refreshTokensPerUser);
    return refresh;
  }

  /** Google keeps a limited number of live refresh tokens per user and client; the oldest goes first. */
  private dropOldestBeyondLimit(key: string, limit: number): void {
    const owned = [...this.refreshTokens.values()].filter((r) => r.grantKey === key);
    owned
      .sort((a, b) => a.issuedAt - b.issuedAt)
      .slice(0, Math.max(0, owned.length - limit))
      .forEach((r) => this.refreshTokens.delete(r.token));
  }
}

function grantKey(clientId: string, persona: PersonaId): string {
  return `${clientId}|${persona}`;
}
