import { ConfigError, loadConfigFromProcess } from '../config/load.js';
import { StageFailure } from '../services/generation/stage-runner.js';
import { generateCommand } from './generate.command.js';
import { vaultRotate } from './vault-rotate.command.js';

const USAGE = `Usage: ai-factory <command>

Commands:
  generate --topic "…" --out video.mp4   make a video from a brief (see ai-factory generate --help)
  generate --briefs file.csv --out dir/  make a series, one video per CSV row
  vault rotate [--prune]                 re-wrap every stored token under a new master key
`;

/** The `ai-factory` command line. */
async function main(argv: string[]): Promise<number> {
  const [group, command, ...rest] = argv;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  if (group === 'vault' && command === 'rotate') return vaultRotate(loadConfigFromProcess(), rest, out);
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
      const message = error instanceof Error ? error.message : String(error);
      if (json) out(JSON.stringify({ ok: false, error: { stage, message } }));
      process.stderr.write(`\ngeneration failed${stage ? ` at the ${stage} stage` : ''}: ${message}\n`);
      return 1;
    }
  }
  process.stderr.write(USAGE);
  return group === undefined || group === '--help' ? 0 : 2;
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
