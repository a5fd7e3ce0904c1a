import { queryOptions } from '@tanstack/react-query';
import { pageOf } from '../../../api/common.js';
import { reviewView, type ReviewView } from '../../../api/publishing.js';
import {
  workspaceSettingsView,
  type UpdateWorkspaceSettingsRequest,
} from '../../../api/workspace-settings.js';
import { apiGet, apiSend } from '../../api/client.js';

export type ReviewState = NonNullable<ReviewView['state']>;
export type ReviewAction = 'submit' | 'approve' | 'reject';

const reviewPage = pageOf(reviewView);

/** Cache keys: the queue per state, each version's review, and the workspace settings. */
export const reviewKeys = {
  all: ['review'] as const,
  queue: (state: ReviewState) => ['review', 'queue', state] as const,
  version: (versionId: string) => ['review', 'version', versionId] as const,
  settings: ['workspace-settings'] as const,
};

const versionPath = (versionId: string) => `/api/versions/${encodeURIComponent(versionId)}/review`;

/** The review of one version; `state` is null while it was never submitted. */
export const versionReviewQuery = (versionId: string) =>
  queryOptions({
    queryKey: reviewKeys.version(versionId),
    queryFn: ({ signal }) => apiGet(versionPath(versionId), reviewView, signal),
  });

/** One page of the review queue in one state, most recently changed first. */
export function listReviews(state: ReviewState, cursor: string | null, signal?: AbortSignal, limit = 10) {
  const params = new URLSearchParams({ state, limit: String(limit) });
  if (cursor) params.set('cursor', cursor);
  return apiGet(`/api/review?${params.toString()}`, reviewPage, signal);
}

/** Submits, approves or rejects a version; answers with its review afterwards. */
export const actOnReview = (versionId: string, action: ReviewAction, comment?: string) =>
  apiSend('POST', versionPath(versionId), comment ? { action, comment } : { action }, reviewView);

export const workspaceSettingsQuery = queryOptions({
  queryKey: reviewKeys.settings,
  queryFn: ({ signal }) => apiGet('/api/workspaces/current/settings', workspaceSettingsView, signal),
});

/** Owners change the workspace's settings. */
export const updateWorkspaceSettings = (change: UpdateWorkspaceSettingsRequest) =>
  apiSend('PATCH', '/api/workspaces/current/settings', change, workspaceSettingsView);

export const reviewStateLabels: Record<ReviewState, string> = {
  pending: 'Waiting for review',
  approved: 'Approved',
  rejected: 'Changes asked',
};

export const reviewActionLabels: Record<ReviewAction, string> = {
  submit: 'Submitted for review',
  approve: 'Approved',
  reject: 'Sent back',
};
