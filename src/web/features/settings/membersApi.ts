import { pageOf, type Role } from '../../../api/common.js';
import { createdInvitation, invitationView, memberView } from '../../../api/workspaces.js';
import { apiGet, apiSend, apiSendNoContent } from '../../api/client.js';

const memberPage = pageOf(memberView);
const invitationPage = pageOf(invitationView);

/** The cache keys of the workspace's members and pending invitations. */
export const memberKeys = {
  members: ['members'] as const,
  invitations: ['invitations'] as const,
};

function withCursor(path: string, cursor: string | null): string {
  return cursor ? `${path}?cursor=${encodeURIComponent(cursor)}` : path;
}

export const listMembers = (cursor: string | null, signal?: AbortSignal) =>
  apiGet(withCursor('/api/members', cursor), memberPage, signal);

export const changeMemberRole = (userId: string, role: Role) =>
  apiSend('PATCH', `/api/members/${encodeURIComponent(userId)}`, { role }, memberView);

export const removeMember = (userId: string) =>
  apiSendNoContent('DELETE', `/api/members/${encodeURIComponent(userId)}`);

export const listInvitations = (cursor: string | null, signal?: AbortSignal) =>
  apiGet(withCursor('/api/invitations', cursor), invitationPage, signal);

export const createInvitation = (email: string, role: Role) =>
  apiSend('POST', '/api/invitations', { email, role }, createdInvitation);

export const revokeInvitation = (id: string) =>
  apiSendNoContent('DELETE', `/api/invitations/${encodeURIComponent(id)}`);
