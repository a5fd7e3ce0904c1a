import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config/schema.js';
import type { Mailer } from '../ports/mailer.js';

/** SMTP when SMTP_URL is set, else an outbox folder in DATA_DIR that a person (or a test) can read. */
export async function pickMailer(config: Config, dataDir: string, logger: Logger): Promise<Mailer> {
  if (config.SMTP_URL) {
    const { SmtpMailer } = await import('../adapters/mail/smtp-mailer.js');
    return new SmtpMailer(config.SMTP_URL, config.MAIL_FROM);
  }
  const { OutboxMailer } = await import('../adapters/mail/outbox-mailer.js');
  return new OutboxMailer(join(dataDir, 'outbox'), logger);
}
