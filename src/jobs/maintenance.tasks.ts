import { isoNow, type Clock } from '../ports/clock.js';
import type { Store } from '../ports/store.js';
import type { TokenRefreshService } from '../services/token-refresh.service.js';
import type { ScheduledTask } from './scheduler.js';

/** The scheduler's catalog: token refreshes that are due, and expired sessions and OAuth states. */
export function scheduledTasks(deps: {
  store: Store;
  clock: Clock;
  tokenRefresh: TokenRefreshService;
}): ScheduledTask[] {
  return [
    { name: 'refresh-due-tokens', run: () => deps.tokenRefresh.refreshDue() },
    {
      name: 'delete-expired',
      run: async () => {
        const now = isoNow(deps.clock);
        await deps.store.sessions.deleteExpired(now);
        await deps.store.oauthStates.deleteExpired(now);
      },
    },
  ];
}
