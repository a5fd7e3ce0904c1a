import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/adapters/store/sqlite/sqlite-store.js';
import { MIGRATIONS } from '../../src/adapters/store/sqlite/migrations.js';
import { storeContract } from './store.contract.js';

storeContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aif-store-'));
  const store = SqliteStore.open(join(dir, 'test.sqlite'));
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SQLite specifics', () => {
  it('creates the file in WAL mode and records every migration once, even when opened twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aif-store-'));
    const file = join(dir, 'nested', 'db.sqlite');
    await SqliteStore.open(file).close();
    await SqliteStore.open(file).close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as {
      version: number;
    }[];
    expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
