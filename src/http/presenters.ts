import type { Connection } from '../domain/connection.js';
import type { AuditEvent } from '../domain/connection-records.js';
import type { Invitation, MemberDetails } from '../domain/people.js';

/** Public shape of a member: never the password hash or internal ids beyond the user id. */
export function presentMember(m: MemberDetails) {
  return { userId: m.userId, email: m.email, name: m.name, role: m.role, joinedAt: m.joinedAt };
}

/** Public shape of an invitation: never its token hash. */
export function presentInvitation(i: Invitation) {
  return { id: i.id, email: i.email, role: i.role, createdAt: i.createdAt, expiresAt: i.expiresAt };
}

/** Public shape of a connection: masked tokens only, never sealed material or internal scheduling. */
export function presentConnection(c: Connection) {
  return {
    id: c.id,
    platform: c.platform,
    externalAccountId: c.externalAccountId,
    displayName: c.displayName,
    avatarUrl: c.avatarUrl,
    scopes: c.scopes,
    status: c.status,
    accessTokenExpiresAt: c.accessTokenExpiresAt,
    refreshTokenExpiresAt: c.refreshTokenExpiresAt,
    maskedAccessToken: c.maskedAccessToken,
    maskedRefreshToken: c.maskedRefreshToken,
    lastRefreshedAt: c.lastRefreshedAt,
    lastError: c.lastError,
    sandbox: c.sandbox,
  };
}

export function presentAuditEvent(e: AuditEvent) {
  return {
    id: e.id,
    type: e.type,
    platform: e.platform,
    connectionId: e.connectionId,
    externalAccountId: e.externalAccountId,
    actorUserId: e.actorUserId,
    detail: e.detail,
    createdAt: e.createdAt,
  };
}
