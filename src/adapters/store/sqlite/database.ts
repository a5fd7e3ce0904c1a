import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS } from './migrations.js';

export type Db = Database.Database;

const BUSY_TIMEOUT_MS = 5000;
const WAL_RETRY_MS = 20;

/** Opens (creating if needed) the SQLite file in WAL mode and applies pending migrations. */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') createOwnerOnly(file);
  const db = new Database(file);
  // Set before anything else takes a lock: another process (a second CLI run) may be opening the same file.
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  enableWal(db);
  // SQLite gives the -wal and -shm files the database file's mode; older installs may have made them wider.
  for (const companion of [`${file}-wal`, `${file}-shm`])
    if (existsSync(companion)) chmodSync(companion, 0o600);
  db.pragma('foreign_keys = ON');
  // Deleted records are overwritten with zeros, not just unlinked: a deleted account cannot be read back (0037).
  db.pragma('secure_delete = ON');
  db.pragma('synchronous = NORMAL');
  migrate(db);
  return db;
}

/** Makes the database file (and its folder) readable by this user only before SQLite opens it. */
function createOwnerOnly(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
}

/**
 * Switches a new file to WAL. The switch needs the file to itself for a moment, and SQLite answers SQLITE_BUSY at
 * once instead of waiting when another process is opening it too, so this waits and tries again briefly.
 */
function enableWal(db: Db): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      const busy = (error as { code?: unknown }).code === 'SQLITE_BUSY';
      if (!busy || Date.now() > deadline) throw error;
      // Opening a database is synchronous (better-sqlite3), so the wait is too; it lasts milliseconds.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, WAL_RETRY_MS);
    }
  }
}

/**
 * Applies every migration newer than the recorded version, each in its own transaction. Each transaction takes the
 * write lock before reading the version, so processes opening a new file at once apply each migration only once.
 */
export function migrate(db: Db): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const applyNext = db.transaction((): boolean => {
    const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
    const next = MIGRATIONS.find((m) => m.version > (row.v ?? 0));
    if (!next) return false;
    db.exec(next.sql);
    next.backfill?.(db);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
      next.version,
      next.name,
      new Date().toISOString(),
    );
    return true;
  });
  for (let applied = true; applied;) applied = applyNext.immediate();
}
