import { meResponse } from '../../../api/auth.js';
import { invitationPreview } from '../../../api/workspaces.js';
import { apiGet, apiSend } from '../../api/client.js';

export const previewInvitation = (token: string, signal?: AbortSignal) =>
  apiGet(`/api/invitations/preview?token=${encodeURIComponent(token)}`, invitationPreview, signal);

/** Answers with the new /api/me body: the joined workspace is now the current one. */
export const acceptInvitation = (token: string) =>
  apiSend('POST', '/api/invitations/accept', { token }, meResponse);
