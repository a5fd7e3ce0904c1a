import type { JobHandler } from '../ports/job-queue.js';
import type { TokenRefreshService } from '../services/token-refresh.service.js';
import { REFRESH_TOKEN_JOB, type RefreshTokenPayload } from './catalog.js';

/** The refresh job: one call to the token refresh service, which decides whether the refresh is still due. */
export function refreshTokenJob(tokenRefresh: TokenRefreshService): JobHandler<RefreshTokenPayload> {
  return {
    type: REFRESH_TOKEN_JOB,
    handle: async ({ workspaceId, payload }) => {
      await tokenRefresh.refreshPlanned(workspaceId, payload.connectionId);
    },
  };
}
