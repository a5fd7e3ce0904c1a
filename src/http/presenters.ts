import type { Invitation, MemberDetails } from '../domain/people.js';

/** Public shape of a member: never the password hash or internal ids beyond the user id. */
export function presentMember(m: MemberDetails) {
  return { userId: m.userId, email: m.email, name: m.name, role: m.role, joinedAt: m.joinedAt };
}

/** Public shape of an invitation: never its token hash. */
export function presentInvitation(i: Invitation) {
  return { id: i.id, email: i.email, role: i.role, createdAt: i.createdAt, expiresAt: i.expiresAt };
}
