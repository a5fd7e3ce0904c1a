import { ConfigError, loadConfigFromProcess } from '../config/load.js';
import { UserError } from '../domain/errors.js';
import { StageFailure } from '../services/generation/stage-runner.js';
import { cacheCommand } from './cache.command.js';
import { generateCommand } from './generate.command.js';
import { migrateCommand } from './migrate.command.js';
import { privacyCommand } from './privacy.command.js';
import { vaultRotate } from './vault-rotate.command.js';

const USAGE = `Usage: ai-factory <command>

Commands:
  generate --topic "…" --out video.mp4   make a video, its cover and captions (see ai-factory generate --help)
  generate --briefs file.csv --out dir/  make a series, one video per CSV row
  generate … --captions edited.srt       re-render with caption texts edited in the .srt a run wrote
  cache clear                            forget the stages kept (in DATA_DIR/cli) for later runs
  vault rotate [--prune]                 re-wrap every stored token under a new master key
  privacy delete-account --email … [--yes]  delete an account on a request that came by mail
  migrate --to firestore --project … [--dry-run] [--force]  copy this install into Firestore, then verify it

Exit codes: 0 done, 1 failed, 2 a problem with the command or its input.
`;

/** The `ai-factory` command line. */
async function main(argv: string[]): Promise<number> {
  const [group, command, ...rest] = argv;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  if (group === 'vault' && command === 'rotate') return vaultRotate(loadConfigFromProcess(), rest, out);
  if (group === 'privacy')
    return reportingUserErrors(() => privacyCommand(loadConfigFromProcess(), argv.slice(1), out));
  if (group === 'migrate')
    return reportingUserErrors(() => migrateCommand(loadConfigFromProcess(), argv.slice(1), out));
  if (group === 'cache')
    return reportingUserErrors(() => cacheCommand(loadConfigFromProcess(), argv.slice(1), out));
  if (group === 'generate') {
    const json = argv.includes('--json');
    try {
      return await generateCommand(loadConfigFromProcess(), argv.slice(1), {
        out,
        // A bar redrawn in place on a terminal, one line per update elsewhere.
        progress: (line, final) =>
          process.stderr.write(
            process.stderr.isTTY ? `\r${line}${final ? '\n' : ''}` : final ? `${line}\n` : '',
          ),
      });
    } catch (error) {
      const stage = error instanceof StageFailure ? error.stage : null;
      const userError = asUserError(error);
      const message = error instanceof Error ? error.message : String(error);
      if (json) out(JSON.stringify({ ok: false, error: { stage, code: userError?.code ?? null, message } }));
      // End the progress bar's line first when it is redrawn in place.
      const newline = process.stderr.isTTY ? '\n' : '';
      process.stderr.write(
        userError
          ? `${newline}${message}\n`
          : `${newline}generation failed${stage ? ` at the ${stage} stage` : ''}: ${message}\n`,
      );
      return userError ? 2 : 1;
    }
  }
  process.stderr.write(USAGE);
  return group === undefined || group === '--help' ? 0 : 2;
}

/** A mistake in the command or its input (exit code 2), also when a stage raised it. */
function asUserError(error: unknown): UserError | null {
  if (error instanceof UserError) return error;
  return error instanceof StageFailure && error.cause instanceof UserError ? error.cause : null;
}

async function reportingUserErrors(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
