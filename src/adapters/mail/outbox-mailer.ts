import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { newId } from '../../domain/ids.js';
import type { MailMessage, Mailer } from '../../ports/mailer.js';

/**
 * The embedded default delivers mail into DATA_DIR/outbox as .eml files and logs where each one went.
 * The log line never carries the body, which may hold a single-use link.
 */
export class OutboxMailer implements Mailer {
  constructor(
    private readonly dir: string,
    private readonly logger: Logger,
  ) {}

  async send(message: MailMessage): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const file = join(this.dir, `${newId()}.eml`);
    const eml = `To: ${message.to}\nSubject: ${message.subject}\nContent-Type: text/plain; charset=utf-8\n\n${message.text}`;
    await writeFile(file, eml, { mode: 0o600 });
    this.logger.info(
      { mail: { to: message.to, subject: message.subject, file } },
      'mail written to the outbox',
    );
  }

  /** Deletes the outbox files addressed to `email` (their first line names the recipient). */
  async forgetRecipient(email: string): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
    let deleted = 0;
    const wanted = `To: ${email}`.toLowerCase();
    for (const name of names.filter((n) => n.endsWith('.eml'))) {
      const file = join(this.dir, name);
      const firstLine = (await readFile(file, 'utf8')).split('\n', 1)[0] ?? '';
      if (firstLine.trim().toLowerCase() !== wanted) continue;
      await rm(file, { force: true });
      deleted += 1;
    }
    return deleted;
  }
}
