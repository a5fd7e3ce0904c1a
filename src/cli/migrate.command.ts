import type { Config } from '../config/schema.js';
import { UserError } from '../domain/errors.js';
import { migrateToFirestore } from '../container/store-migration.js';

const USAGE = `Usage: ai-factory migrate --to firestore [--project <id>] [--database <id>] [--emulator-host <host:port>]
                           [--dry-run] [--force]

Copies the embedded install (SQLite in DATA_DIR) into Firestore, then reads every record back and compares it.
Stop the embedded server first. Re-running is safe: the same documents are written again.
  --dry-run   count what would be written; write nothing
  --force     write although the database already holds users (documents of copied records are overwritten)
  --project, --database, --emulator-host default to FIRESTORE_PROJECT_ID, FIRESTORE_DATABASE_ID, FIRESTORE_EMULATOR_HOST
Exit codes: 0 copied and verified (or dry run), 1 a difference was found, 2 refused or a problem with the command.`;

/** `ai-factory migrate --to firestore`: the embedded install into Firestore, verified record by record. */
export async function migrateCommand(
  config: Config,
  argv: string[],
  out: (line: string) => void,
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    out(USAGE);
    return 0;
  }
  const args = parseArgs(argv, config);
  const outcome = await migrateToFirestore(
    config,
    { projectId: args.project, databaseId: args.database, emulatorHost: args.emulatorHost },
    { dryRun: args.dryRun, force: args.force },
    out,
  );
  return outcome === 'differences' ? 1 : outcome === 'refused' ? 2 : 0;
}

interface MigrateArgs {
  project: string;
  database: string | undefined;
  emulatorHost: string | undefined;
  dryRun: boolean;
  force: boolean;
}

function parseArgs(argv: string[], settings: Config): MigrateArgs {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--dry-run' || arg === '--force') flags.add(arg);
    else if (
      ['--to', '--project', '--database', '--emulator-host'].includes(arg) &&
      argv[i + 1] !== undefined
    ) {
      values.set(arg, argv[i + 1] ?? '');
      i += 1;
    } else throw new UserError('validation', 'usage', `Unknown argument ${arg}\n${USAGE}`);
  }
  if (values.get('--to') !== 'firestore')
    throw new UserError('validation', 'usage', `Say where to: --to firestore\n${USAGE}`);
  const project = values.get('--project') ?? settings.FIRESTORE_PROJECT_ID;
  if (!project)
    throw new UserError(
      'validation',
      'usage',
      `Say which project: --project <id> or FIRESTORE_PROJECT_ID\n${USAGE}`,
    );
  return {
    project,
    database: values.get('--database') ?? settings.FIRESTORE_DATABASE_ID,
    emulatorHost: values.get('--emulator-host') ?? settings.FIRESTORE_EMULATOR_HOST,
    dryRun: flags.has('--dry-run'),
    force: flags.has('--force'),
  };
}
