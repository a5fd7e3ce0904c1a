/** Audit events and the digests of platform events already received. */
import type { AuditEvent } from '../../domain/connection-records.js';
import type { Platform } from '../../domain/connection.js';
import type { Page, PageRequest } from './page.js';

export interface AuditRepository {
  append(event: AuditEvent): Promise<void>;
  /** A workspace's events, newest first. */
  list(workspaceId: string, page: PageRequest): Promise<Page<AuditEvent>>;
}

export interface WebhookReceiptRepository {
  /** Records a delivery by digest; false when it was seen before (at-least-once delivery). */
  remember(digest: string, platform: Platform, at: string): Promise<boolean>;
}
