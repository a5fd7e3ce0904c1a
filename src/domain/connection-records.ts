import type { Platform } from './connection.js';
import type { IsoDate } from './people.js';

/** A pending OAuth flow: single use, bound to the session and workspace that started it, short-lived. */
export interface OAuthState {
  /** SHA-256 of the state value sent to the platform. */
  stateHash: string;
  workspaceId: string;
  sessionId: string;
  userId: string;
  platform: Platform;
  codeVerifier: string | null;
  /** The connection being reconnected, when the flow is a reconnect. */
  reconnectId: string | null;
  /** The consent screen was forced (a reconnect, or a second try to obtain a refresh token). */
  forceConsent: boolean;
  createdAt: IsoDate;
  expiresAt: IsoDate;
}

export const AUDIT_EVENT_TYPES = [
  'connected',
  'reconnected',
  'refreshed',
  'refresh_failed',
  'needs_reconnect',
  'disconnected_by_user',
  'revoked_on_platform',
  'tokens_deleted',
  'data_deletion_requested',
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

/** One connection event in a workspace's audit log; never carries token material. */
export interface AuditEvent {
  id: string;
  workspaceId: string;
  type: AuditEventType;
  platform: Platform;
  connectionId: string | null;
  externalAccountId: string | null;
  actorUserId: string | null;
  detail: string;
  createdAt: IsoDate;
}

/** A platform's data-deletion request and what was deleted, shown at /privacy/deletion-status/{code}. */
export interface DeletionRequest {
  code: string;
  platform: Platform;
  /** SHA-256 (hex) of the platform's user id: enough to match a repeated request, not to name the person. */
  externalUserId: string;
  connectionsDeleted: number;
  createdAt: IsoDate;
}
