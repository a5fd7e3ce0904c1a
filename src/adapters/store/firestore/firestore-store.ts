import { Firestore } from '@google-cloud/firestore';
import type { Store } from '../../../ports/store.js';
import { FsContext } from './context.js';
import { firestoreRepositories } from './repositories.js';
import { asTransient, withTransientErrors } from './transient-errors.js';

/** Where the store is: a Google Cloud project's database, or the local emulator. */
export interface FirestoreLocation {
  projectId: string;
  /** The database of the project; Firestore's `(default)` unless set. */
  databaseId?: string | undefined;
  /** host:port of the Firestore emulator; unset: Google's servers with Application Default Credentials. */
  emulatorHost?: string | undefined;
}

/** Attempts of a transaction that keeps losing races before it fails (Firestore's own default is 5). */
const TRANSACTION_ATTEMPTS = 10;

/**
 * The production store: Google Cloud Firestore in Native mode, over the server's admin access (client access is
 * denied by `firestore.rules`). Collections and indexes: docs/firestore.md.
 */
export class FirestoreStore implements Store {
  readonly users;
  readonly workspaces;
  readonly memberships;
  readonly sessions;
  readonly invitations;
  readonly passwordResets;
  readonly connections;
  readonly oauthStates;
  readonly audit;
  readonly webhookReceipts;
  readonly deletionRequests;
  readonly content;
  readonly stageCache;
  readonly jobs;
  readonly mediaAssets;
  readonly reviews;
  readonly publications;
  readonly trackedVideos;
  readonly snapshots;
  readonly statsCalls;
  readonly dataExports;
  readonly erasure;

  constructor(private readonly db: Firestore) {
    // Outside a transaction a retryable failure reaches callers as a TransientError (a job retries it); inside,
    // Firestore's own retry must see the raw error, and `transaction` maps what is left when it gives up.
    const repos = withTransientErrors(firestoreRepositories(new FsContext(db)));
    this.users = repos.users;
    this.workspaces = repos.workspaces;
    this.memberships = repos.memberships;
    this.sessions = repos.sessions;
    this.invitations = repos.invitations;
    this.passwordResets = repos.passwordResets;
    this.connections = repos.connections;
    this.oauthStates = repos.oauthStates;
    this.audit = repos.audit;
    this.webhookReceipts = repos.webhookReceipts;
    this.deletionRequests = repos.deletionRequests;
    this.content = repos.content;
    this.stageCache = repos.stageCache;
    this.jobs = repos.jobs;
    this.mediaAssets = repos.mediaAssets;
    this.reviews = repos.reviews;
    this.publications = repos.publications;
    this.trackedVideos = repos.trackedVideos;
    this.snapshots = repos.snapshots;
    this.statsCalls = repos.statsCalls;
    this.dataExports = repos.dataExports;
    this.erasure = repos.erasure;
  }

  /** A client of the database at `location`; nothing is sent until the first call. */
  static open(location: FirestoreLocation): FirestoreStore {
    return new FirestoreStore(firestoreClient(location));
  }

  async transaction<T>(work: (tx: Store) => Promise<T>): Promise<T> {
    return this.db
      .runTransaction(
        (firestoreTx) =>
          FsContext.inTransaction(this.db, firestoreTx, (ctx) => {
            const view: Store = {
              ...firestoreRepositories(ctx),
              transaction: (inner) => inner(view),
              ping: async () => undefined,
              close: async () => undefined,
            };
            return work(view);
          }),
        { maxAttempts: TRANSACTION_ATTEMPTS },
      )
      .catch((error: unknown) => {
        throw asTransient(error);
      });
  }

  async ping(): Promise<void> {
    await this.db.collection('workspaces').limit(1).get();
  }

  async close(): Promise<void> {
    await this.db.terminate();
  }
}

/** A client of the database at `location` (the store's, and the migration's); nothing is sent until the first call. */
export function firestoreClient(location: FirestoreLocation): Firestore {
  return new Firestore({
    projectId: location.projectId,
    ...(location.databaseId ? { databaseId: location.databaseId } : {}),
    // The emulator speaks plain gRPC and takes the client as admin; Google's servers need TLS and credentials.
    // Naming the universe keeps the client from asking the cloud metadata server which one it is in.
    ...(location.emulatorHost
      ? { host: location.emulatorHost, ssl: false, universeDomain: 'googleapis.com' }
      : {}),
  });
}
