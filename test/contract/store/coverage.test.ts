import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../src/adapters/store/sqlite/sqlite-store.js';

const folder = import.meta.dirname;
const contractFiles = readdirSync(folder).filter((name) => name.endsWith('.contract.ts'));
const contractText = contractFiles.map((name) => readFileSync(join(folder, name), 'utf8')).join('\n');

/** Every function of an object, own or inherited, so class-based adapters are enumerated too. */
function methodNames(repository: object): string[] {
  const names = new Set<string>();
  for (
    let o: object | null = repository;
    o && o !== Object.prototype;
    o = Object.getPrototypeOf(o) as object | null
  ) {
    for (const name of Object.getOwnPropertyNames(o)) {
      const value: unknown = (repository as Record<string, unknown>)[name];
      if (name !== 'constructor' && typeof value === 'function') names.add(name);
    }
  }
  return [...names].sort();
}

const called = (repository: string, method: string) =>
  new RegExp(`\\.${repository}\\.${method}\\(`).test(contractText);

describe('Store contract coverage', () => {
  let store: SqliteStore;
  let repositories: [string, string[]][];
  beforeAll(async () => {
    store = SqliteStore.open(':memory:');
    // A transaction's view of the store is exactly its repositories plus transaction, ping and close.
    repositories = await store.transaction(async (tx) =>
      Object.entries(tx)
        .filter((entry): entry is [string, object] => typeof entry[1] === 'object' && entry[1] !== null)
        .map(([name, repository]) => [name, methodNames(repository)]),
    );
  });
  afterAll(() => store.close());

  it('finds the repositories of a real store, with their methods', () => {
    expect(repositories.length).toBeGreaterThanOrEqual(15);
    expect(repositories.find(([name]) => name === 'connections')?.[1]).toContain('replaceSealed');
  });

  it('has a contract case calling every method of every repository', () => {
    const missing = repositories.flatMap(([name, methods]) =>
      methods.filter((m) => !called(name, m)).map((m) => `${name}.${m}`),
    );
    expect(missing).toEqual([]);
  });

  it.each([
    ['SQLite', 'sqlite-store.test.ts'],
    ['Firestore', 'firestore-store.test.ts'],
  ])('runs every contract suite of the folder on %s', (engine, file) => {
    const runner = readFileSync(join(folder, file), 'utf8');
    const suites = [...contractText.matchAll(/export function (\w+StoreContract)\(/g)].map((m) => m[1]!);
    expect(suites.length).toBe(contractFiles.length);
    expect(suites.filter((suite) => !runner.includes(`${suite}('${engine}'`))).toEqual([]);
  });
});
