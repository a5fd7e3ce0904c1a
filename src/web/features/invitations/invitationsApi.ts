import { queryOptions } from '@tanstack/react-query';
import { meResponse } from '../../../api/auth.js';
import { invitationPreview } from '../../../api/workspaces.js';
import { apiGet, apiSend } from '../../api/client.js';

/** What an invitation link offers; nothing is asked without a token. */
export const invitationPreviewQuery = (token: string) =>
  queryOptions({
    queryKey: ['invitation-preview', token],
    queryFn: ({ signal }) =>
      apiGet(`/api/invitations/preview?token=${encodeURIComponent(token)}`, invitationPreview, signal),
    enabled: token !== '',
  });

/** Answers with the new /api/me body: the joined workspace is now the current one. */
export const acceptInvitation = (token: string) =>
  apiSend('POST', '/api/invitations/accept', { token }, meResponse);
