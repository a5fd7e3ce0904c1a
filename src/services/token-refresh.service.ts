import { maskToken, type Connection, type TokenPair } from '../domain/connection.js';
import { TransientError, UserError, notFound } from '../domain/errors.js';
import { isoNow, type Clock } from '../ports/clock.js';
import type { IssuedTokens } from '../ports/platform-connector.js';
import type { Store } from '../ports/store.js';
import type { TokenVault } from '../ports/token-vault.js';
import { recordConnectionEvent } from './audit-log.js';
import { connectorFor, type ConnectorSet } from './connectors.js';
import type { RefreshPlanner } from './refresh-planner.js';
import { nextRefreshAt } from './refresh-schedule.js';

const LEASE_MS = 60_000;
const RETRY_AFTER_FAILURE_MS = 5 * 60_000;

export interface TokenRefreshDeps {
  store: Store;
  clock: Clock;
  vault: TokenVault;
  connectors: ConnectorSet;
  /** Queues each connection's next refresh once it is known (absent: only `refreshDue` sweeps find it). */
  planner?: RefreshPlanner;
  /** Waits between lease checks when another process is refreshing the same account. */
  sleep?: (ms: number) => Promise<void>;
}

export type RefreshResult = 'refreshed' | 'needs_reconnect' | 'failed' | 'busy';

const isDeadGrant = (error: unknown): boolean =>
  error instanceof UserError && error.kind === 'needs_reconnect';

/** Keeps connections' tokens fresh, and lends an access token to platform calls with one refresh-and-retry on 401. */
export class TokenRefreshService {
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly deps: TokenRefreshDeps) {
    this.sleep = deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /** Refreshes every connection whose refresh is due; the scheduler calls this. */
  async refreshDue(limit = 50): Promise<RefreshResult[]> {
    const due = await this.deps.store.connections.listDueRefreshes(isoNow(this.deps.clock), limit);
    const results: RefreshResult[] = [];
    for (const connection of due) results.push(await this.refresh(connection.workspaceId, connection.id));
    return results;
  }

  /**
   * The refresh job: refreshes the connection if its refresh is due. A job planned for a time that was moved
   * since (a reconnect, an earlier refresh) finds nothing due and does nothing; the connection's next refresh
   * has its own job. Another process refreshing it right now is a transient failure, retried.
   */
  async refreshPlanned(workspaceId: string, connectionId: string): Promise<RefreshResult | 'not_due'> {
    const connection = await this.deps.store.connections.findById(workspaceId, connectionId);
    const due = connection?.nextRefreshAt;
    if (!connection || connection.status !== 'active' || !due || due > isoNow(this.deps.clock))
      return 'not_due';
    const result = await this.refresh(workspaceId, connectionId);
    if (result === 'busy')
      throw new TransientError('refresh_busy', 'Another process is refreshing this account');
    return result;
  }

  /**
   * Refreshes one connection under its lease, so refreshes of one account never overlap across processes
   * (TikTok's rotating refresh token would strand the loser). The new tokens replace the old in one write.
   */
  async refresh(workspaceId: string, connectionId: string): Promise<RefreshResult> {
    const { store, clock } = this.deps;
    const now = isoNow(clock);
    if (
      !(await store.connections.acquireRefreshLease(workspaceId, connectionId, now, isoNow(clock, LEASE_MS)))
    )
      return 'busy';
    try {
      const connection = await store.connections.findById(workspaceId, connectionId);
      const sealed = await store.connections.loadTokens(workspaceId, connectionId);
      if (!connection || !sealed || connection.status !== 'active') return 'failed';
      const connector = connectorFor(this.deps.connectors, connection.platform);
      const binding = { recordId: connectionId, workspaceId };
      try {
        const { issued, previous } = await this.deps.vault.use(binding, sealed, async (tokens) => ({
          issued: await connector.refresh(tokens),
          previous: tokens.refreshToken,
        }));
        await this.saveRefreshed(connection, issued, issued.refreshToken ?? previous);
        return 'refreshed';
      } catch (error) {
        if (isDeadGrant(error)) {
          await this.markNeedsReconnect(
            connection,
            error instanceof Error ? error.message : 'The grant is no longer valid',
          );
          return 'needs_reconnect';
        }
        await this.markFailed(connection, error);
        return 'failed';
      }
    } finally {
      await store.connections.releaseRefreshLease(workspaceId, connectionId);
    }
  }

  /**
   * Runs a platform call with the connection's access token. When the platform rejects the token, refreshes once
   * and retries once; a second rejection marks the connection as needing a reconnect.
   */
  async withAccessToken<T>(
    workspaceId: string,
    connectionId: string,
    call: (tokens: TokenPair) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.callOnce(workspaceId, connectionId, call);
    } catch (error) {
      if (!isDeadGrant(error)) throw error;
    }
    const result = await this.refreshOrWait(workspaceId, connectionId);
    if (result !== 'refreshed')
      throw new UserError('needs_reconnect', 'needs_reconnect', 'Reconnect this account to continue');
    try {
      return await this.callOnce(workspaceId, connectionId, call);
    } catch (error) {
      if (isDeadGrant(error)) {
        const connection = await this.deps.store.connections.findById(workspaceId, connectionId);
        if (connection)
          await this.markNeedsReconnect(connection, 'The platform rejected a freshly refreshed token');
      }
      throw error;
    }
  }

  private async callOnce<T>(
    workspaceId: string,
    connectionId: string,
    call: (tokens: TokenPair) => Promise<T>,
  ): Promise<T> {
    const connection = await this.deps.store.connections.findById(workspaceId, connectionId);
    if (!connection) throw notFound('connection');
    const sealed = await this.deps.store.connections.loadTokens(workspaceId, connectionId);
    if (!sealed || connection.status !== 'active') {
      throw new UserError('needs_reconnect', 'needs_reconnect', 'Reconnect this account to continue');
    }
    return this.deps.vault.use({ recordId: connectionId, workspaceId }, sealed, call);
  }

  // When another process holds the lease it is refreshing right now: wait for it rather than refresh twice.
  private async refreshOrWait(workspaceId: string, connectionId: string): Promise<RefreshResult> {
    for (let attempt = 0; attempt < 60; attempt++) {
      const result = await this.refresh(workspaceId, connectionId);
      if (result !== 'busy') return result;
      await this.sleep(500);
    }
    throw new TransientError('refresh_busy', 'Another refresh of this account did not finish in time');
  }

  private async saveRefreshed(
    connection: Connection,
    issued: IssuedTokens,
    refreshToken: string | null,
  ): Promise<void> {
    const { store, clock, vault } = this.deps;
    const connector = connectorFor(this.deps.connectors, connection.platform);
    const now = isoNow(clock);
    const tokens: TokenPair = { accessToken: issued.accessToken, refreshToken };
    const updated: Connection = {
      ...connection,
      accessTokenExpiresAt: issued.accessTokenExpiresIn
        ? isoNow(clock, issued.accessTokenExpiresIn * 1000)
        : null,
      refreshTokenExpiresAt: issued.refreshTokenExpiresIn
        ? isoNow(clock, issued.refreshTokenExpiresIn * 1000)
        : connection.refreshTokenExpiresAt,
      maskedAccessToken: maskToken(tokens.accessToken),
      maskedRefreshToken: maskToken(tokens.refreshToken),
      lastRefreshedAt: now,
      lastError: null,
      nextRefreshAt: nextRefreshAt(connector, clock, issued, refreshToken !== null),
      updatedAt: now,
    };
    const sealed = await vault.seal({ recordId: connection.id, workspaceId: connection.workspaceId }, tokens);
    await store.transaction(async (tx) => {
      await tx.connections.saveTokens(connection.workspaceId, connection.id, sealed, now);
      await tx.connections.update(updated);
      await recordConnectionEvent(tx, clock, connection, 'refreshed', 'Access token refreshed');
    });
    await this.deps.planner?.plan(updated);
  }

  /** A dead grant: the tokens are deleted at once and the person is asked to reconnect. */
  async markNeedsReconnect(connection: Connection, reason: string): Promise<void> {
    const { store, clock } = this.deps;
    const now = isoNow(clock);
    await store.transaction(async (tx) => {
      await tx.connections.deleteTokens(connection.workspaceId, connection.id);
      await tx.connections.update({
        ...connection,
        status: 'needs_reconnect',
        lastError: reason,
        nextRefreshAt: null,
        maskedAccessToken: null,
        maskedRefreshToken: null,
        updatedAt: now,
      });
      await recordConnectionEvent(tx, clock, connection, 'needs_reconnect', reason);
      await recordConnectionEvent(
        tx,
        clock,
        connection,
        'tokens_deleted',
        'Tokens deleted: the platform no longer accepts them',
      );
    });
  }

  private async markFailed(connection: Connection, error: unknown): Promise<void> {
    const { store, clock } = this.deps;
    const message =
      error instanceof TransientError || error instanceof UserError
        ? error.message
        : 'Unexpected error while refreshing';
    const retryAfter =
      error instanceof TransientError && error.retryAfterMs ? error.retryAfterMs : RETRY_AFTER_FAILURE_MS;
    const updated: Connection = {
      ...connection,
      lastError: message,
      nextRefreshAt: isoNow(clock, retryAfter),
      updatedAt: isoNow(clock),
    };
    await store.transaction(async (tx) => {
      await tx.connections.update(updated);
      await recordConnectionEvent(tx, clock, connection, 'refresh_failed', `${message}; retrying later`);
    });
    await this.deps.planner?.plan(updated);
  }
}
