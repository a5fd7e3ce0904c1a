import { ConfigError, loadConfigFromProcess } from '../config/load.js';
import { vaultRotate } from './vault-rotate.command.js';

const USAGE = `Usage: ai-factory <command>

Commands:
  vault rotate [--prune]   re-wrap every stored token under a new master key (see README, "Token vault")
`;

/** The `ai-factory` command line. */
async function main(argv: string[]): Promise<number> {
  const [group, command, ...rest] = argv;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  if (group === 'vault' && command === 'rotate') return vaultRotate(loadConfigFromProcess(), rest, out);
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
