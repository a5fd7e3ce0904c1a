import { randomBytes } from 'node:crypto';
import type { TiktokSettings } from '../core/settings.js';
import { defaultAccounts, type TiktokAccount, type TiktokPersona } from './accounts.js';
import type { PublishRecord } from './publish-state.js';
import { LostAnswers } from './lost-answers.js';
import { SlidingWindowLimiter } from './rate-limit.js';

/** Who a code or token speaks for. */
export interface Grant {
  clientKey: string;
  openId: string;
  persona: TiktokPersona;
  scopes: string[];
}

export interface AuthorizationCode extends Grant {
  code: string;
  redirectUri: string;
  codeChallenge: string | null;
  expiresAt: number;
  used: boolean;
}

export interface IssuedToken extends Grant {
  token: string;
  expiresAt: number;
  revoked: boolean;
}

/** Letters and digits only, so tokens survive any encoding a client may apply. */
function randomToken(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(length), (b) => alphabet[b % alphabet.length]).join('');
}

/** The in-memory state of one TikTok sandbox: accounts, codes, tokens, publishes and rate windows. */
export class TiktokStore {
  readonly accounts: Record<TiktokPersona, TiktokAccount> = defaultAccounts();
  readonly limiter = new SlidingWindowLimiter();
  readonly publishes = new Map<string, PublishRecord>();
  /** upload_id → publish_id */
  readonly uploads = new Map<string, string>();
  /** Fail reasons forced on the next publishes by the admin API, consumed in order. */
  readonly forcedFailures: string[] = [];
  /** Answers to lose after the work is done (admin API). */
  readonly lostAnswers = new LostAnswers();
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly accessTokens = new Map<string, IssuedToken>();
  private readonly refreshTokens = new Map<string, IssuedToken>();
  private serial = 0;

  constructor(readonly startedAt: number) {}

  /** A counter for ids that must be unique within this sandbox. */
  nextSerial(): number {
    this.serial += 1;
    return this.serial;
  }

  /** Stores a single-use authorization code (TikTok codes carry `*` and `!`, so clients must URL-decode). */
  createCode(
    grant: Grant,
    redirectUri: string,
    codeChallenge: string | null,
    expiresAt: number,
  ): AuthorizationCode {
    const code = `${randomToken(40)}*0!${this.nextSerial()}.va`;
    const record = { ...grant, code, redirectUri, codeChallenge, expiresAt, used: false };
    this.codes.set(code, record);
    return record;
  }

  /** The code if it exists; expiry and reuse are checked by the caller, which reports them. */
  findCode(code: string): AuthorizationCode | undefined {
    return this.codes.get(code);
  }

  /** Issues an access token, and a refresh token unless an existing one is kept (no rotation). */
  issueTokens(
    grant: Grant,
    settings: TiktokSettings,
    now: number,
    keptRefresh?: IssuedToken,
  ): { access: IssuedToken; refresh: IssuedToken } {
    const base = {
      clientKey: grant.clientKey,
      openId: grant.openId,
      persona: grant.persona,
      scopes: [...grant.scopes],
      revoked: false,
    };
    const access = {
      ...base,
      token: `act.${randomToken(48)}!${this.nextSerial()}.va`,
      expiresAt: now + settings.accessTokenSeconds * 1000,
    };
    this.accessTokens.set(access.token, access);
    if (keptRefresh) return { access, refresh: keptRefresh };
    const refresh = {
      ...base,
      token: `rft.${randomToken(48)}!${this.nextSerial()}.va`,
      expiresAt: now + settings.refreshTokenSeconds * 1000,
    };
    this.refreshTokens.set(refresh.token, refresh);
    return { access, refresh };
  }

  /** A live access token (known, not revoked, not expired at `now`). */
  liveAccessToken(token: string, now: number): IssuedToken | undefined {
    const found = this.accessTokens.get(token);
    return found && !found.revoked && found.expiresAt > now ? found : undefined;
  }

  /** A live refresh token. */
  liveRefreshToken(token: string, now: number): IssuedToken | undefined {
    const found = this.refreshTokens.get(token);
    return found && !found.revoked && found.expiresAt > now ? found : undefined;
  }

  /** Kills every token of a user for an app; returns how many were alive. */
  revokeUserTokens(clientKey: string, openId: string): number {
    let killed = 0;
    for (const token of [...this.accessTokens.values(), ...this.refreshTokens.values()]) {
      if (token.clientKey === clientKey && token.openId === openId && !token.revoked) {
        token.revoked = true;
        killed += 1;
      }
    }
    for (const code of this.codes.values()) {
      if (code.clientKey === clientKey && code.openId === openId) code.used = true;
    }
    return killed;
  }

  /** The id and the secret token of a new upload URL. */
  newUploadCredentials(): { uploadId: string; uploadToken: string } {
    return { uploadId: `${6_789_000_000 + this.nextSerial()}`, uploadToken: randomToken(32) };
  }
}
