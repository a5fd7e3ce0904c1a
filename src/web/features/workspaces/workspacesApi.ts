import { meResponse, workspaceSummary } from '../../../api/auth.js';
import { apiGet, apiSend } from '../../api/client.js';

export const fetchMe = (signal?: AbortSignal) => apiGet('/api/me', meResponse, signal);

export const switchWorkspace = (workspaceId: string) =>
  apiSend('PUT', '/api/me/current-workspace', { workspaceId }, meResponse);

/** The new workspace becomes the current one on the server. */
export const createWorkspace = (name: string) =>
  apiSend('POST', '/api/workspaces', { name }, workspaceSummary);

export const renameCurrentWorkspace = (name: string) =>
  apiSend('PATCH', '/api/workspaces/current', { name }, workspaceSummary);
