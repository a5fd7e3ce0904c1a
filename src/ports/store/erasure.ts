/** Deletion of a person's or a workspace's data, the hand-over in shared workspaces, and the anonymous log. */
import type { DeletionCounts, DeletionLogEntry } from '../../domain/privacy/deletion.js';

/** A deleted workspace's counts, and the media keys its records named (their files are deleted next). */
export interface DeletedWorkspace {
  counts: DeletionCounts;
  mediaKeys: string[];
}

export interface ErasureRepository {
  /**
   * Deletes the workspace and every record in it, including those without a foreign key to it (jobs, stage cache,
   * sealed tokens, sessions pointing at it). Returns what went and the media keys its records named.
   */
  deleteWorkspace(workspaceId: string): Promise<DeletedWorkspace>;
  /**
   * In a workspace that stays, takes a leaving person's name off every record: what they created (items,
   * publications) becomes `toUserId`'s, their review and audit actions the deleted-member marker; their pending
   * OAuth flows and invitations there are deleted.
   */
  handOver(workspaceId: string, fromUserId: string, toUserId: string): Promise<DeletionCounts>;
  /** Points the user's sessions that are in `fromWorkspaceId` at `toWorkspaceId`; returns how many moved. */
  moveSessions(userId: string, fromWorkspaceId: string, toWorkspaceId: string): Promise<number>;
  /**
   * Deletes the user with their sessions, password resets, memberships, OAuth flows, and every invitation sent to
   * `email` or by them, in any workspace.
   */
  deleteUser(userId: string, email: string): Promise<DeletionCounts>;
  /**
   * Deletes one connection with its tokens and everything read through it (tracked videos, their stats, the stats
   * call log) and the audit events naming it.
   */
  deleteConnectionData(workspaceId: string, connectionId: string): Promise<DeletionCounts>;
  /** Appends the anonymous line of a deletion. */
  logDeletion(entry: DeletionLogEntry): Promise<void>;
  /** The anonymous line with this id (the confirmation a person, an operator or Meta was given), or null. */
  findLog(id: string): Promise<DeletionLogEntry | null>;
  /**
   * Makes deleted records unrecoverable from the store's files: on SQLite deleted content is overwritten
   * (secure_delete is always on) and this truncates the write-ahead log. A no-op on engines without such files.
   * Call it outside a transaction, after the deletion committed.
   */
  purgeDeleted(): Promise<void>;
}
