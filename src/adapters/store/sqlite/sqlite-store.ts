import { sqliteSnapshots, sqliteTrackedVideos } from './sqlite-analytics.repositories.js';
import { sqliteStatsCalls } from './sqlite-stats-calls.repository.js';
import { sqliteDataExports } from './sqlite-privacy.repositories.js';
import { sqliteErasure } from './sqlite-erasure.repository.js';
import type { Store } from '../../../ports/store.js';
import { openDatabase, type Db } from './database.js';
import { sqliteMemberships, sqliteUsers, sqliteWorkspaces } from './sqlite-people.repositories.js';
import { sqliteInvitations, sqlitePasswordResets, sqliteSessions } from './sqlite-access.repositories.js';
import { sqliteConnections } from './sqlite-connections.repository.js';
import { sqliteContent, sqliteMediaAssets, sqliteStageCache } from './sqlite-content.repositories.js';
import { sqliteJobs } from './sqlite-jobs.repository.js';
import { sqlitePublications, sqliteReviews } from './sqlite-publishing.repositories.js';
import {
  sqliteAudit,
  sqliteDeletionRequests,
  sqliteOAuthStates,
  sqliteWebhookReceipts,
} from './sqlite-connection-records.repositories.js';

/** Runs one repository statement; the root store waits while a transaction holds the connection. */
export type Run = <T>(statement: () => T) => Promise<T>;

/**
 * The embedded store. better-sqlite3 is synchronous and has one connection, so an async transaction
 * must keep other callers out until it ends: they queue behind `gate` instead of joining it by accident.
 */
export class SqliteStore implements Store {
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
  private gate: Promise<void> = Promise.resolve();

  constructor(private readonly db: Db) {
    const run: Run = async (statement) => {
      await this.idle();
      return statement();
    };
    const repos = repositories(db, run);
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

  /** Opens the database file and applies migrations. */
  static open(file: string): SqliteStore {
    return new SqliteStore(openDatabase(file));
  }

  async transaction<T>(work: (tx: Store) => Promise<T>): Promise<T> {
    const previous = this.gate;
    let release!: () => void;
    this.gate = previous.then(() => new Promise<void>((resolve) => (release = resolve)));
    await previous;
    const tx = this.transactionView();
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = await work(tx);
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    } finally {
      release();
    }
  }

  async ping(): Promise<void> {
    await this.idle();
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    await this.idle();
    this.db.close();
  }

  /** Resolves when no transaction is open or queued; a transaction queued meanwhile is waited for too. */
  private async idle(): Promise<void> {
    for (;;) {
      const gate = this.gate;
      await gate;
      if (gate === this.gate) return;
    }
  }

  /** Repositories that run at once: they belong to the transaction that holds the gate. */
  private transactionView(): Store {
    const run: Run = async (statement) => statement();
    const view: Store = {
      ...repositories(this.db, run),
      transaction: (work) => work(view),
      ping: async () => undefined,
      close: async () => undefined,
    };
    return view;
  }
}

/** Every repository over one connection, with the given statement runner. */
function repositories(db: Db, run: Run) {
  return {
    users: sqliteUsers(db, run),
    workspaces: sqliteWorkspaces(db, run),
    memberships: sqliteMemberships(db, run),
    sessions: sqliteSessions(db, run),
    invitations: sqliteInvitations(db, run),
    passwordResets: sqlitePasswordResets(db, run),
    connections: sqliteConnections(db, run),
    oauthStates: sqliteOAuthStates(db, run),
    audit: sqliteAudit(db, run),
    webhookReceipts: sqliteWebhookReceipts(db, run),
    deletionRequests: sqliteDeletionRequests(db, run),
    content: sqliteContent(db, run),
    stageCache: sqliteStageCache(db, run),
    jobs: sqliteJobs(db, run),
    mediaAssets: sqliteMediaAssets(db, run),
    reviews: sqliteReviews(db, run),
    publications: sqlitePublications(db, run),
    trackedVideos: sqliteTrackedVideos(db, run),
    snapshots: sqliteSnapshots(db, run),
    statsCalls: sqliteStatsCalls(db, run),
    dataExports: sqliteDataExports(db, run),
    erasure: sqliteErasure(db, run),
  };
}
