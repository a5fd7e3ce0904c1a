import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../src/adapters/store/sqlite/sqlite-store.js';
import { MIGRATIONS } from '../../../src/adapters/store/sqlite/migrations.js';
import { analyticsStoreContract } from './analytics.contract.js';
import { analyticsSummariesStoreContract } from './analytics-summaries.contract.js';
import { snapshot, trackedVideo } from './analytics-fixtures.js';
import { NOW } from './fixtures.js';
import { auditStoreContract } from './audit.contract.js';
import { concurrencyStoreContract } from './concurrency.contract.js';
import { connectionsStoreContract } from './connections.contract.js';
import { contentStoreContract } from './content.contract.js';
import { erasureStoreContract } from './erasure.contract.js';
import { jobsStoreContract } from './jobs.contract.js';
import type { OpenStore } from './harness.js';
import { mediaStoreContract } from './media.contract.js';
import { peopleStoreContract } from './people.contract.js';
import { privacyStoreContract } from './privacy.contract.js';
import { publishingStoreContract } from './publishing.contract.js';
import { transactionStoreContract } from './transaction.contract.js';

const openSqlite: OpenStore = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aif-store-'));
  const file = join(dir, 'test.sqlite');
  const store = SqliteStore.open(file);
  const peers: SqliteStore[] = [];
  return {
    store,
    peerTransactions: false,
    // Another connection to the same file, as another process of one install would open.
    openPeer: async () => {
      const peer = SqliteStore.open(file);
      peers.push(peer);
      return peer;
    },
    cleanup: async () => {
      for (const peer of peers) await peer.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

peopleStoreContract('SQLite', openSqlite);
connectionsStoreContract('SQLite', openSqlite);
contentStoreContract('SQLite', openSqlite);
mediaStoreContract('SQLite', openSqlite);
auditStoreContract('SQLite', openSqlite);
transactionStoreContract('SQLite', openSqlite);
jobsStoreContract('SQLite', openSqlite);
publishingStoreContract('SQLite', openSqlite);
analyticsStoreContract('SQLite', openSqlite);
analyticsSummariesStoreContract('SQLite', openSqlite);
privacyStoreContract('SQLite', openSqlite);
erasureStoreContract('SQLite', openSqlite);
concurrencyStoreContract('SQLite', openSqlite);

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

describe('SQLite stats snapshots', () => {
  it('refuses to change a stored snapshot, and refuses numbers on a reading without them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aif-store-'));
    const file = join(dir, 'db.sqlite');
    const store = SqliteStore.open(file);
    const ws = { id: 'w1', name: 'Studio', createdAt: NOW };
    await store.workspaces.create(ws);
    const video = trackedVideo(ws.id);
    await store.trackedVideos.create(video);
    await store.snapshots.append([snapshot(video, 1, 100)]);
    await store.close();

    const db = new Database(file);
    expect(() => db.prepare('UPDATE stats_snapshots SET views = 0').run()).toThrow(/append-only/);
    const zeroForNoStats = () =>
      db
        .prepare(
          `INSERT INTO stats_snapshots (id, workspace_id, tracked_video_id, connection_id, platform,
             scheduled_age_hours, age_hours, taken_at, state, views, has_gain)
           VALUES ('s2', 'w1', ?, 'c1', 'tiktok', 6, 6, ?, 'no_stats', 0, 0)`,
        )
        .run(video.id, NOW);
    expect(zeroForNoStats).toThrow(/CHECK constraint/);
    expect(db.prepare('SELECT views FROM stats_snapshots').all()).toEqual([{ views: 100 }]);
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('SQLite title search index', () => {
  it('indexes the titles of items saved before the index existed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aif-store-'));
    const file = join(dir, 'old.sqlite');
    const old = new Database(file);
    old.exec(
      'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    // The file as an install left it before the index: every migration up to the one that adds it.
    const index = MIGRATIONS.find((m) => m.name === 'title search index of content items')!;
    for (const m of MIGRATIONS.filter((m) => m.version < index.version)) {
      old.exec(m.sql);
      old
        .prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)')
        .run(m.version, m.name, '2026-01-01T00:00:00Z');
    }
    old.prepare("INSERT INTO workspaces VALUES ('w1', 'Studio', '2026-01-01T00:00:00Z')").run();
    old
      .prepare(
        `INSERT INTO content_items (id, workspace_id, title, brief, status, created_by, created_at, updated_at)
         VALUES (?, 'w1', ?, '{}', 'ready', 'u1', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
      )
      .run('01old', 'Crème brûlée in 30 s');
    old.close();

    const store = SqliteStore.open(file);
    const found = await store.content.listItems('w1', { search: 'creme BRULEE' }, { limit: 5 });
    expect(found.items.map((i) => i.id)).toEqual(['01old']);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('SQLite opened by several processes at once', () => {
  it('migrates a new file once while other processes open it at the same moment', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aif-store-'));
    const file = join(dir, 'shared.sqlite');
    // Each process waits for the same instant, then opens the file (as CLI runs started together do).
    const startAt = Date.now() + 3000;
    const opener = `
      const { SqliteStore } = await import(${JSON.stringify(pathToFileURL(resolve('src/adapters/store/sqlite/sqlite-store.ts')).href)});
      await new Promise((wake) => setTimeout(wake, ${startAt} - Date.now()));
      await SqliteStore.open(process.argv[1]).close();`;
    const runs = Array.from({ length: 6 }, () => openInChild(opener, file));
    const results = await Promise.all(runs);
    expect(results).toEqual(Array.from({ length: 6 }, () => ({ code: 0, stderr: '' })));
    const db = new Database(file);
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as {
      version: number;
    }[];
    expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);
});

function openInChild(code: string, file: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code, file], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (exitCode) => done({ code: exitCode, stderr }));
  });
}
