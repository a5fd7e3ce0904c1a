import type { Store } from '../../../src/ports/store.js';

/** A fresh, empty store of one adapter, and how to throw it away; every store contract suite opens its own. */
export interface StoreHarness {
  store: Store;
  /** A second client on the same database (another process, in production), for the concurrency cases. */
  openPeer(): Promise<Store>;
  /**
   * False when two clients in one process cannot both hold transactions: SQLite's BEGIN IMMEDIATE waits for the
   * other connection synchronously, blocking the event loop that would finish it. (Processes, each with their own
   * loop, wait for each other as they should.) The transaction race then runs on one client.
   */
  peerTransactions: boolean;
  cleanup(): Promise<void>;
}

/** Opens a fresh store for each test of a contract suite. */
export type OpenStore = () => Promise<StoreHarness>;
