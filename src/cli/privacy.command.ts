import type { Config } from '../config/schema.js';
import { openAccountDeletion } from '../container/cli.js';
import { UserError } from '../domain/errors.js';
import { describeCounts } from '../domain/privacy/deletion.js';

const USAGE = `Usage: ai-factory privacy delete-account --email person@example.com [--yes]

Deletes the account as if its owner had asked in the privacy center, without their password: run it only after
you verified that the request comes from the person who owns this address. Without --yes it only shows what
would happen.`;

/** `ai-factory privacy delete-account`: an operator's run of the account deletion, for a request sent by mail. */
export async function privacyCommand(
  config: Config,
  argv: string[],
  out: (line: string) => void,
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    out(USAGE);
    return 0;
  }
  const [command, ...rest] = argv;
  const emailAt = rest.indexOf('--email');
  const email = emailAt >= 0 ? rest[emailAt + 1] : undefined;
  const unknown = rest.filter((a, i) => a !== '--yes' && a !== '--email' && i !== emailAt + 1);
  if (command !== 'delete-account' || !email || email.startsWith('--') || unknown.length > 0)
    throw new UserError('validation', 'usage', USAGE);
  const yes = rest.includes('--yes');

  const opened = await openAccountDeletion(config);
  const { deletion } = opened;
  try {
    const fates = await deletion.previewByEmail(email);
    for (const f of fates)
      out(
        f.fate === 'delete'
          ? `workspace "${f.name}": deleted whole (${f.connections} connected account(s) revoked and deleted)`
          : `workspace "${f.name}": shared, handed over to ${f.newOwner?.name ?? 'another member'}${f.newOwner?.promoted ? ' (made owner)' : ''}`,
      );
    if (!yes) {
      out('Nothing was deleted. Run again with --yes to delete this account.');
      return 0;
    }
    const report = await deletion.deleteAccountByEmail(email);
    out('Deleted:');
    for (const line of describeCounts(report.counts)) out(`  ${line}`);
    out(
      `Anonymous confirmation: ${report.logId} (the deletion log keeps this id, the date and the numbers only)`,
    );
    return 0;
  } finally {
    await opened.close();
  }
}
