import type { Role } from './roles.js';

/** Dates are ISO-8601 strings in UTC everywhere in the domain and the store. */
export type IsoDate = string;

export interface User {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  createdAt: IsoDate;
}

export interface Workspace {
  id: string;
  name: string;
  createdAt: IsoDate;
  /** Absent on a workspace that never changed them: the defaults apply. */
  settings?: WorkspaceSettings;
}

/** Workspace-wide rules, each off by default. */
export interface WorkspaceSettings {
  /** When true, nobody may approve a version they submitted, owners included. */
  requireOtherApprover: boolean;
  /** How long personal data outlives its use; absent on workspaces that never changed it: the defaults apply. */
  retention?: RetentionSettings;
}

/** What the workspace keeps once it no longer needs it (an owner's choice; enforced by the retention job). */
export interface RetentionSettings {
  /** Days the rendered video, cover and voice-over of a never-published item are kept after its last change; null: kept. */
  unpublishedMediaDays: number | null;
  /** What happens to the statistics of an account when it is disconnected or its access is revoked. */
  statsOnDisconnect: 'keep' | 'delete';
}

/**
 * Renders can be made again from the item, so they go after 90 days unchanged; statistics are public numbers the
 * learning loop learns from, and a disconnect is often a step before reconnecting, so they stay unless asked.
 */
export const DEFAULT_RETENTION: RetentionSettings = { unpublishedMediaDays: 90, statsOnDisconnect: 'keep' };

/** Bounds of `unpublishedMediaDays` (one day to ten years). */
export const RETENTION_DAYS_MIN = 1;
export const RETENTION_DAYS_MAX = 3650;

export const DEFAULT_WORKSPACE_SETTINGS: WorkspaceSettings = { requireOtherApprover: false };

/** The workspace's retention rules, defaults filled in. */
export function retentionOf(settings: WorkspaceSettings | undefined): RetentionSettings {
  return { ...DEFAULT_RETENTION, ...settings?.retention };
}

export interface Membership {
  id: string;
  workspaceId: string;
  userId: string;
  role: Role;
  joinedAt: IsoDate;
}

/** A membership joined with the member's identity, for member lists. */
export interface MemberDetails extends Membership {
  email: string;
  name: string;
}

/** A membership joined with its workspace's name, for the workspace switcher. */
export interface WorkspaceMembership extends Membership {
  workspaceName: string;
}

export interface Session {
  /** SHA-256 of the cookie token: a leaked store does not yield usable sessions. */
  id: string;
  userId: string;
  currentWorkspaceId: string;
  createdAt: IsoDate;
  expiresAt: IsoDate;
}

export interface Invitation {
  id: string;
  workspaceId: string;
  email: string;
  role: Role;
  tokenHash: string;
  invitedBy: string;
  createdAt: IsoDate;
  expiresAt: IsoDate;
  acceptedAt: IsoDate | null;
  acceptedBy: string | null;
}

export interface PasswordReset {
  tokenHash: string;
  userId: string;
  createdAt: IsoDate;
  expiresAt: IsoDate;
  usedAt: IsoDate | null;
}

/** Emails are compared case-insensitively and stored trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
