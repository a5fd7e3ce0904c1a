import { deletionPreview, deletionReport, type DeleteAccountRequest } from '../../../api/privacy-deletion.js';
import { apiGet, apiSend } from '../../api/client.js';

export const fetchDeletionPreview = (signal?: AbortSignal) =>
  apiGet('/api/privacy/deletion-preview', deletionPreview, signal);

export const deleteMyAccount = (body: DeleteAccountRequest) =>
  apiSend('POST', '/api/privacy/delete-account', body, deletionReport);

export const deleteCurrentWorkspace = (confirmation: string) =>
  apiSend('DELETE', '/api/workspaces/current', { confirmation }, deletionReport);
