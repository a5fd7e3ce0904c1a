import type { Store } from '../ports/store.js';
import type { AuthService } from '../services/auth.service.js';
import type { InvitationService } from '../services/invitation.service.js';
import type { WorkspaceService } from '../services/workspace.service.js';

/** What the HTTP layer needs from the container. */
export interface HttpDeps {
  store: Store;
  auth: AuthService;
  workspaces: WorkspaceService;
  invitations: InvitationService;
  settings: {
    publicBaseUrl: string;
    secureCookies: boolean;
    sessionTtlSeconds: number;
    authRateLimitPerMinute: number;
    trustProxy: boolean;
    webRoot: string;
  };
}
