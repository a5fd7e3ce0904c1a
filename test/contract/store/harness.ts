import type { Store } from '../../../src/ports/store.js';

/** A fresh, empty store of one adapter, and how to throw it away; every store contract suite opens its own. */
export interface StoreHarness {
  store: Store;
  /** A second client on the same database (another process, in production), for the concurrency cases. */
  openPeer(): Promise<Store>;
  cleanup(): Promise<void>;
}

/** Opens a fresh store for each test of a contract suite. */
export type OpenStore = () => Promise<StoreHarness>;
