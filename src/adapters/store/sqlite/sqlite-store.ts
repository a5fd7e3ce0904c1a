import type { Store } from '../../../ports/store.js';
import { openDatabase, type Db } from './database.js';
import { sqliteMemberships, sqliteUsers, sqliteWorkspaces } from './sqlite-people.repositories.js';
import { sqliteInvitations, sqlitePasswordResets, sqliteSessions } from './sqlite-access.repositories.js';

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
  private gate: Promise<void> = Promise.resolve();

  constructor(private readonly db: Db) {
    const run: Run = async (statement) => {
      await this.idle();
      return statement();
    };
    this.users = sqliteUsers(db, run);
    this.workspaces = sqliteWorkspaces(db, run);
    this.memberships = sqliteMemberships(db, run);
    this.sessions = sqliteSessions(db, run);
    this.invitations = sqliteInvitations(db, run);
    this.passwordResets = sqlitePasswordResets(db, run);
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
    const db = this.db;
    const view: Store = {
      users: sqliteUsers(db, run),
      workspaces: sqliteWorkspaces(db, run),
      memberships: sqliteMemberships(db, run),
      sessions: sqliteSessions(db, run),
      invitations: sqliteInvitations(db, run),
      passwordResets: sqlitePasswordResets(db, run),
      transaction: (work) => work(view),
      ping: async () => undefined,
      close: async () => undefined,
    };
    return view;
  }
}
