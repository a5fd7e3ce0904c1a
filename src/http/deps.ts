import type { Store } from '../ports/store.js';
import type { MountedSandbox } from '../sandbox-mount.js';
import type { AuthService } from '../services/auth.service.js';
import type { InvitationService } from '../services/invitation.service.js';
import type { WorkspaceService } from '../services/workspace.service.js';
import type { ConnectionService } from '../services/connection.service.js';
import type { PlatformEventsService } from '../services/platform-events.service.js';
import type { PlatformAccess } from '../config/platforms.js';

/** What the HTTP layer needs from the container. */
export interface HttpDeps {
  store: Store;
  auth: AuthService;
  workspaces: WorkspaceService;
  invitations: InvitationService;
  connections: ConnectionService;
  platformEvents: PlatformEventsService;
  platformAccess: PlatformAccess;
  /** The local platforms, when this run serves them. */
  sandbox: MountedSandbox | null;
  settings: {
    publicBaseUrl: string;
    secureCookies: boolean;
    sessionTtlSeconds: number;
    authRateLimitPerMinute: number;
    trustProxy: boolean;
    webRoot: string;
  };
}
