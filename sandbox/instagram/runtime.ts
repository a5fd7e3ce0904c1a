import type { SandboxContext } from '../core/context.js';
import type { DataDeletionSender } from './callbacks.js';
import type { InstagramStore } from './store.js';

/** Everything one sandbox's Instagram needs: the shared context plus its own state. */
export interface InstagramRuntime {
  ctx: SandboxContext;
  store: InstagramStore;
  deletions: DataDeletionSender;
}
