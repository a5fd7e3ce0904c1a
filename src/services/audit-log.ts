import type { Connection } from '../domain/connection.js';
import type { AuditEventType } from '../domain/connection-records.js';
import { newId } from '../domain/ids.js';
import { isoNow, type Clock } from '../ports/clock.js';
import type { Store } from '../ports/store.js';

/** Appends a connection event to its workspace's audit log; `detail` is plain text and never holds a token. */
export async function recordConnectionEvent(
  store: Store,
  clock: Clock,
  connection: Pick<Connection, 'id' | 'workspaceId' | 'platform' | 'externalAccountId'>,
  type: AuditEventType,
  detail: string,
  actorUserId: string | null = null,
): Promise<void> {
  await store.audit.append({
    id: newId(),
    workspaceId: connection.workspaceId,
    type,
    platform: connection.platform,
    connectionId: connection.id,
    externalAccountId: connection.externalAccountId,
    actorUserId,
    detail,
    createdAt: isoNow(clock),
  });
}
