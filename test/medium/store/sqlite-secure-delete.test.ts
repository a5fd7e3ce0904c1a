import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/adapters/store/sqlite/migrations.js';
import { SqliteStore } from '../../../src/adapters/store/sqlite/sqlite-store.js';
import { user, workspaceWith } from '../../contract/store/fixtures.js';

const bytesOf = (file: string) => (existsSync(file) ? readFileSync(file) : Buffer.alloc(0));

describe('SQLite: deleted records cannot be read back from the files', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('overwrites a deleted user in the database file and empties the WAL after purgeDeleted', async () => {
    dir = mkdtempSync(join(tmpdir(), 'aif-erase-'));
    const file = join(dir, 'db.sqlite');
    const store = SqliteStore.open(file);
    const marker = 'unforgettable-person-7f3a@example.com';
    const person = { ...user(marker), name: 'Marker Name Zq9' };
    await store.users.create(person);
    await workspaceWith(store, { user: person, role: 'owner' });
    await store.erasure.purgeDeleted();
    // Written and checkpointed: the email is in the database file now.
    expect(bytesOf(file).includes(marker)).toBe(true);

    await store.erasure.deleteUser(person.id, person.email);
    expect(bytesOf(`${file}-wal`).includes(marker) || bytesOf(file).includes(marker)).toBe(true);
    await store.erasure.purgeDeleted();
    expect(statSync(`${file}-wal`).size).toBe(0);
    await store.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) {
      expect(bytesOf(f).includes(marker), f).toBe(false);
      expect(bytesOf(f).includes('Marker Name Zq9'), f).toBe(false);
      expect(bytesOf(f).includes(person.id), f).toBe(false);
    }
  });

  it('replaces the platform account ids that earlier deletion requests kept by their hash', async () => {
    dir = mkdtempSync(join(tmpdir(), 'aif-erase-'));
    const file = join(dir, 'old.sqlite');
    const old = new Database(file);
    old.exec(
      'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    for (const m of MIGRATIONS.filter((m) => m.version < 12)) {
      old.exec(m.sql);
      old
        .prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)')
        .run(m.version, m.name, '2026-01-01T00:00:00Z');
    }
    old
      .prepare(
        "INSERT INTO deletion_requests VALUES ('code1', 'instagram', '17841400000000001', 1, '2026-01-01T00:00:00Z')",
      )
      .run();
    old.close();
    await SqliteStore.open(file).close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT external_user_id AS v FROM deletion_requests').get()).toEqual({
      v: createHash('sha256').update('17841400000000001').digest('hex'),
    });
    db.close();
  });
});
