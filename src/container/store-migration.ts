import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../config/schema.js';
import { UserError } from '../domain/errors.js';

/** The Firestore database a migration writes into. */
export interface FirestoreTarget {
  projectId: string;
  /** Firestore's `(default)` database unless set. */
  databaseId?: string | undefined;
  /** host:port of the Firestore emulator; unset: Google's servers with Application Default Credentials. */
  emulatorHost?: string | undefined;
}

export interface MigrationOptions {
  /** Count what would be written; write nothing. */
  dryRun: boolean;
  /** Write even though the database already holds users (their documents are overwritten, others kept). */
  force: boolean;
}

/** How a migration ended: the command's exit code follows it. */
export type MigrationOutcome = 'dry-run' | 'refused' | 'verified' | 'differences';

/**
 * `ai-factory migrate --to firestore`: copies the embedded install (SQLite in DATA_DIR) into Firestore, writing
 * every record as the Firestore repositories would, then reads everything back and compares it with the dump
 * (0044). Progress and the report go to `out`.
 */
export async function migrateToFirestore(
  config: Config,
  target: FirestoreTarget,
  options: MigrationOptions,
  out: (line: string) => void,
): Promise<MigrationOutcome> {
  const file = join(resolve(config.DATA_DIR), 'ai-factory.sqlite');
  if (!existsSync(file))
    throw new UserError(
      'validation',
      'no_install',
      `There is no embedded install to copy: ${file} is missing`,
    );
  const { openSqliteDump } = await import('../adapters/store/sqlite/sqlite-dump.js');
  const { firestoreClient } = await import('../adapters/store/firestore/firestore-store.js');
  const importer = await import('../adapters/store/firestore/firestore-import.js');
  const missing = importer.collectionsWithoutCodec();
  if (missing.length > 0)
    throw new UserError(
      'validation',
      'store_not_ready',
      `This build cannot write these Firestore collections yet: ${missing.join(', ')}`,
    );

  const dump = openSqliteDump(file);
  const db = firestoreClient(target);
  const where = `${target.projectId}/${target.databaseId ?? '(default)'}${target.emulatorHost ? ` on the emulator at ${target.emulatorHost}` : ''}`;
  try {
    out(`from ${file} to Firestore ${where}`);
    const existing = await importer.existingDocuments(db);
    const held = Object.entries(existing).map(([collection, n]) => `${collection} ${n}`);
    if (existing.users && !options.force && !options.dryRun) {
      out(`refused: the database already holds ${held.join(', ')}`);
      out('documents with the ids of copied records would be overwritten; run again with --force to do so');
      return 'refused';
    }
    if (held.length > 0) out(`the database already holds ${held.join(', ')}`);

    // Counted before the copy: the dump's connection is busy while a collection is being read.
    const totals = new Map(importer.RECORD_COLLECTIONS.map((c) => [c, dump.count(c)]));
    const copies = await importer.importRecords(db, dump, {
      dryRun: options.dryRun,
      onBatch: (copy) =>
        out(`  ${copy.collection}: ${copy.records} of ${totals.get(copy.collection)} records`),
    });
    for (const copy of copies)
      out(
        `${copy.collection}: ${copy.records} records, ${copy.documents} documents${options.dryRun ? ' would be written' : ' written'}`,
      );
    if (options.dryRun) {
      out('dry run: nothing was written');
      return 'dry-run';
    }

    const check = await importer.verifyImport(db, dump);
    out('verified (expected / found / matching documents):');
    for (const c of check.collections) out(`  ${c.collection}: ${c.expected} / ${c.found} / ${c.matching}`);
    if (check.differenceCount === 0) {
      out(`every record of ${check.compared.length} collections matches the embedded install`);
      return 'verified';
    }
    out(`${check.differenceCount} differences:`);
    for (const d of check.differences) out(`  ${d}`);
    if (check.differenceCount > check.differences.length)
      out(`  … and ${check.differenceCount - check.differences.length} more`);
    return 'differences';
  } finally {
    dump.close();
    await db.terminate();
  }
}
