/** Connections: connected platform accounts, their sealed tokens and refresh leases, OAuth states, deletion requests. */
import type { Connection, Platform } from '../../domain/connection.js';
import type { DeletionRequest, OAuthState } from '../../domain/connection-records.js';
import type { SealedTokens } from '../token-vault.js';
import type { Page, PageRequest } from './page.js';

export interface ConnectionRepository {
  create(connection: Connection): Promise<void>;
  /** Saves the metadata (never the tokens) of an existing connection. */
  update(connection: Connection): Promise<void>;
  findById(workspaceId: string, id: string): Promise<Connection | null>;
  findByAccount(
    workspaceId: string,
    platform: Platform,
    externalAccountId: string,
  ): Promise<Connection | null>;
  /** Every workspace's connections to one platform account (or alias), for platform-side events. */
  findAllByAccount(platform: Platform, accountIdOrAlias: string): Promise<Connection[]>;
  listByWorkspace(workspaceId: string, page: PageRequest): Promise<Page<Connection>>;
  delete(workspaceId: string, id: string): Promise<boolean>;
  saveTokens(workspaceId: string, connectionId: string, sealed: SealedTokens, at: string): Promise<void>;
  loadTokens(workspaceId: string, connectionId: string): Promise<SealedTokens | null>;
  deleteTokens(workspaceId: string, connectionId: string): Promise<void>;
  /** Connections whose refresh is due, oldest due first, across workspaces (the scheduler's query). */
  listDueRefreshes(before: string, limit: number): Promise<Connection[]>;
  /** Takes the refresh lease unless another process holds an unexpired one; serializes refreshes per account. */
  acquireRefreshLease(workspaceId: string, id: string, now: string, until: string): Promise<boolean>;
  releaseRefreshLease(workspaceId: string, id: string): Promise<void>;
  /** Sealed token records after a connection id, across workspaces (key rotation walks them). */
  listSealedAfter(
    afterConnectionId: string,
    limit: number,
  ): Promise<{ connectionId: string; workspaceId: string; sealed: SealedTokens }[]>;
  /** Replaces sealed tokens only if they are still `expected` (a refresh in between wins). */
  replaceSealed(
    workspaceId: string,
    connectionId: string,
    expected: SealedTokens,
    next: SealedTokens,
  ): Promise<boolean>;
}

export interface OAuthStateRepository {
  create(state: OAuthState): Promise<void>;
  /** Removes and returns an unexpired state: each state works once. */
  consume(stateHash: string, now: string): Promise<OAuthState | null>;
  deleteExpired(before: string): Promise<number>;
}

export interface DeletionRequestRepository {
  create(request: DeletionRequest): Promise<void>;
  find(code: string): Promise<DeletionRequest | null>;
}
