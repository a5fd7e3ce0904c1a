import { createHash } from 'node:crypto';
import {
  maskToken,
  missingScopes,
  type Connection,
  type Platform,
  type TokenPair,
} from '../domain/connection.js';
import { UserError, notFound } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { hashSecret, newSecret } from '../domain/secrets.js';
import { isoNow, type Clock } from '../ports/clock.js';
import type { IssuedTokens } from '../ports/platform-connector.js';
import type { Page, PageRequest, Store } from '../ports/store.js';
import type { TokenVault } from '../ports/token-vault.js';
import { recordConnectionEvent } from './audit-log.js';
import { requirePermission, type AuthContext } from './auth-context.js';
import { connectorFor, type ConnectorSet } from './connectors.js';
import type { RefreshPlanner } from './refresh-planner.js';
import { nextRefreshAt } from './refresh-schedule.js';
import { deletesStatsOnDisconnect, STATS_DELETED_NOTE } from './privacy/stats-retention.js';

const STATE_TTL_MS = 10 * 60_000;

export interface ConnectionServiceDeps {
  store: Store;
  clock: Clock;
  vault: TokenVault;
  connectors: ConnectorSet;
  sandbox: boolean;
  /** Queues the first refresh of a new or reconnected connection. */
  planner?: RefreshPlanner;
  /** Called after an account is connected again (its waiting publications resume). */
  onReconnected?: (connection: Connection) => Promise<unknown>;
}

/** What the callback tells the person, on the Connections page. */
export interface CallbackOutcome {
  ok: boolean;
  platform: Platform;
  message: string;
  connectionId?: string;
  /** Send the person through consent once more (the platform withheld the refresh token). */
  retryUrl?: string;
}

/** Connecting, listing and disconnecting platform accounts. */
export class ConnectionService {
  constructor(private readonly deps: ConnectionServiceDeps) {}

  /** Starts an OAuth flow: a single-use state bound to this session and workspace (and a PKCE verifier). */
  async authorize(
    ctx: AuthContext,
    platform: Platform,
    reconnectId: string | null = null,
    forceConsent = reconnectId !== null,
  ): Promise<string> {
    requirePermission(ctx, 'connections.manage');
    const connector = connectorFor(this.deps.connectors, platform);
    if (reconnectId && !(await this.deps.store.connections.findById(ctx.workspaceId, reconnectId)))
      throw notFound('connection');
    const state = newSecret();
    const codeVerifier = connector.usesPkce ? newSecret() : null;
    const codeChallenge = codeVerifier ? createHash('sha256').update(codeVerifier).digest('base64url') : null;
    await this.deps.store.oauthStates.create({
      stateHash: hashSecret(state),
      workspaceId: ctx.workspaceId,
      sessionId: ctx.sessionId,
      userId: ctx.user.id,
      platform,
      codeVerifier,
      reconnectId,
      forceConsent,
      createdAt: isoNow(this.deps.clock),
      expiresAt: isoNow(this.deps.clock, STATE_TTL_MS),
    });
    return connector.authorizeUrl({ state, codeChallenge, forceConsent });
  }

  /** Completes a flow from the platform's redirect; never throws for platform-side refusals, it explains them. */
  async completeCallback(
    ctx: AuthContext | null,
    platform: Platform,
    query: Record<string, string | undefined>,
  ): Promise<CallbackOutcome> {
    const { store, clock } = this.deps;
    const connector = connectorFor(this.deps.connectors, platform);
    const parsed = connector.parseCallback(query);
    const stateValue = parsed.state;
    const state = stateValue ? await store.oauthStates.consume(hashSecret(stateValue), isoNow(clock)) : null;
    if (
      !state ||
      state.platform !== platform ||
      !ctx ||
      state.sessionId !== ctx.sessionId ||
      state.workspaceId !== ctx.workspaceId
    ) {
      return {
        ok: false,
        platform,
        message: 'This sign-in link expired or was not started here. Start connecting again.',
      };
    }
    if (!parsed.ok) {
      const denied = parsed.error === 'access_denied';
      return {
        ok: false,
        platform,
        message: denied
          ? 'You declined the connection; nothing was saved.'
          : `The platform refused: ${parsed.description || parsed.error}`,
      };
    }
    requirePermission(ctx, 'connections.manage');
    const issued = await connector.exchangeCode({ code: parsed.code, codeVerifier: state.codeVerifier });
    const scopes = parsed.grantedScopes ?? issued.scopes;
    const missing = missingScopes(connector.requestedScopes, scopes);
    if (missing.length > 0) {
      // Never keep a half-working account: give the grant back and ask again for what is missing.
      await connector.revoke(issued).catch(() => undefined);
      throw new UserError(
        'validation',
        'missing_scopes',
        `The permission${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'were' : 'was'} not granted. Reconnect and keep ${missing.length > 1 ? 'them' : 'it'} ticked.`,
        { missing },
      );
    }
    const profile = await connector.fetchProfile(issued.accessToken);
    if (
      connector.refreshesWithRefreshToken &&
      !issued.refreshToken &&
      !(await this.hasRefreshToken(ctx.workspaceId, platform, profile.externalAccountId))
    ) {
      // Google issues a refresh token only on first consent: an account that granted us before must consent again.
      if (state.forceConsent)
        throw new UserError(
          'validation',
          'no_refresh_token',
          'The platform did not grant offline access; connect again and allow it.',
        );
      return {
        ok: false,
        platform,
        message: 'Asking the platform once more for lasting access.',
        retryUrl: await this.authorize(ctx, platform, state.reconnectId, true),
      };
    }
    const connection = await this.saveGrant(ctx, platform, issued, { ...profile, scopes });
    await this.deps.planner?.plan(connection);
    await this.deps.onReconnected?.(connection);
    return { ok: true, platform, message: `Connected ${profile.displayName}.`, connectionId: connection.id };
  }

  async list(ctx: AuthContext, page: PageRequest): Promise<Page<Connection>> {
    requirePermission(ctx, 'connections.view');
    return this.deps.store.connections.listByWorkspace(ctx.workspaceId, page);
  }

  /** Revokes at the platform where it can, then deletes the tokens and the connection; answers after both. */
  async disconnect(ctx: AuthContext, id: string): Promise<{ revokedAtPlatform: boolean }> {
    requirePermission(ctx, 'connections.manage');
    const { store, vault, clock } = this.deps;
    const connection = await store.connections.findById(ctx.workspaceId, id);
    if (!connection) throw notFound('connection');
    const sealed = await store.connections.loadTokens(ctx.workspaceId, id);
    let revokedAtPlatform = false;
    const connector = this.deps.connectors[connection.platform];
    if (sealed && connector?.revokesAtPlatform) {
      // A failed revoke must not keep tokens the person asked us to delete.
      revokedAtPlatform = await vault
        .use({ recordId: id, workspaceId: ctx.workspaceId }, sealed, (tokens) => connector.revoke(tokens))
        .then(() => true)
        .catch(() => false);
    }
    await store.transaction(async (tx) => {
      const deleteStats = await deletesStatsOnDisconnect(tx, ctx.workspaceId);
      await tx.connections.deleteTokens(ctx.workspaceId, id);
      await tx.connections.delete(ctx.workspaceId, id);
      if (deleteStats) await tx.trackedVideos.deleteByConnection(ctx.workspaceId, id);
      const revoked = revokedAtPlatform
        ? 'Access revoked at the platform'
        : connector && !connector.revokesAtPlatform
          ? 'The platform has no revoke call (the person removes the app in its settings); tokens deleted here'
          : 'The platform could not be reached to revoke access; tokens deleted here';
      await recordConnectionEvent(
        tx,
        clock,
        connection,
        'disconnected_by_user',
        `${revoked}${deleteStats ? STATS_DELETED_NOTE : ''}`,
        ctx.user.id,
      );
      await recordConnectionEvent(
        tx,
        clock,
        connection,
        'tokens_deleted',
        'Access and refresh tokens deleted',
        ctx.user.id,
      );
    });
    return { revokedAtPlatform };
  }

  private async hasRefreshToken(
    workspaceId: string,
    platform: Platform,
    externalAccountId: string,
  ): Promise<boolean> {
    const existing = await this.deps.store.connections.findByAccount(
      workspaceId,
      platform,
      externalAccountId,
    );
    const sealed = existing ? await this.deps.store.connections.loadTokens(workspaceId, existing.id) : null;
    if (!existing || !sealed) return false;
    return this.deps.vault.use(
      { recordId: existing.id, workspaceId },
      sealed,
      async (t) => t.refreshToken !== null,
    );
  }

  /** Creates the connection, or updates the same account's connection in place (a reconnect). */
  private async saveGrant(
    ctx: AuthContext,
    platform: Platform,
    issued: IssuedTokens,
    profile: {
      externalAccountId: string;
      displayName: string;
      avatarUrl: string | null;
      aliases: string[];
      scopes: string[];
    },
  ): Promise<Connection> {
    const { store, clock, vault } = this.deps;
    const connector = connectorFor(this.deps.connectors, platform);
    const now = isoNow(clock);
    return store.transaction(async (tx) => {
      const existing = await tx.connections.findByAccount(
        ctx.workspaceId,
        platform,
        profile.externalAccountId,
      );
      const id = existing?.id ?? newId();
      const binding = { recordId: id, workspaceId: ctx.workspaceId };
      const previous = existing ? await tx.connections.loadTokens(ctx.workspaceId, id) : null;
      // Never overwrite a valid refresh token with an empty one (Google omits it on re-consent).
      const refreshToken =
        issued.refreshToken ??
        (previous ? await vault.use(binding, previous, async (t: TokenPair) => t.refreshToken) : null);
      const tokens: TokenPair = { accessToken: issued.accessToken, refreshToken };
      const connection: Connection = {
        id,
        workspaceId: ctx.workspaceId,
        platform,
        externalAccountId: profile.externalAccountId,
        displayName: profile.displayName,
        avatarUrl: profile.avatarUrl,
        scopes: profile.scopes,
        status: 'active',
        accessTokenExpiresAt: issued.accessTokenExpiresIn
          ? isoNow(clock, issued.accessTokenExpiresIn * 1000)
          : null,
        refreshTokenExpiresAt: issued.refreshTokenExpiresIn
          ? isoNow(clock, issued.refreshTokenExpiresIn * 1000)
          : issued.refreshToken
            ? null
            : (existing?.refreshTokenExpiresAt ?? null),
        maskedAccessToken: maskToken(tokens.accessToken),
        maskedRefreshToken: maskToken(tokens.refreshToken),
        lastRefreshedAt: existing?.lastRefreshedAt ?? null,
        lastError: null,
        nextRefreshAt: nextRefreshAt(connector, clock, issued, tokens.refreshToken !== null),
        sandbox: this.deps.sandbox,
        aliases: profile.aliases,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      };
      if (existing) await tx.connections.update(connection);
      else await tx.connections.create(connection);
      await tx.connections.saveTokens(ctx.workspaceId, id, await vault.seal(binding, tokens), now);
      await recordConnectionEvent(
        tx,
        clock,
        connection,
        existing ? 'reconnected' : 'connected',
        `Scopes: ${profile.scopes.join(', ')}`,
        ctx.user.id,
      );
      return connection;
    });
  }
}
