import { pageOf } from '../../../api/common.js';
import { auditEventView } from '../../../api/connections.js';
import { apiGet } from '../../api/client.js';

const auditPage = pageOf(auditEventView);

export const auditKeys = { list: ['audit'] as const };

/** The workspace's connection audit log, newest first (owners only). */
export const listAuditEvents = (cursor: string | null, signal?: AbortSignal) =>
  apiGet(cursor ? `/api/audit?cursor=${encodeURIComponent(cursor)}` : '/api/audit', auditPage, signal);

const eventLabels: Record<string, string> = {
  connected: 'Connected',
  reconnected: 'Reconnected',
  refreshed: 'Access renewed',
  refresh_failed: 'Access renewal failed',
  needs_reconnect: 'Needs reconnecting',
  disconnected_by_user: 'Disconnected',
  revoked_on_platform: 'Access withdrawn on the platform',
  tokens_deleted: 'Tokens deleted',
  data_deletion_requested: 'Data deletion requested',
};

/** Plain words for an event type; a type added on the server later still reads sensibly. */
export function auditEventLabel(type: string): string {
  const known = eventLabels[type];
  if (known) return known;
  const words = type.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Problems stand out in the list; everything else is routine. */
export function isProblemEvent(type: string): boolean {
  return type === 'refresh_failed' || type === 'needs_reconnect' || type === 'revoked_on_platform';
}
