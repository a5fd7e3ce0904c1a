import { createTransport, type Transporter } from 'nodemailer';
import type { MailMessage, Mailer } from '../../ports/mailer.js';

/** Sends mail through the SMTP server of SMTP_URL (production). */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = createTransport(smtpUrl);
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
    });
  }

  /** Sent mail is kept by no one here: the SMTP server relays it and this process writes nothing down. */
  async forgetRecipient(): Promise<number> {
    return 0;
  }
}
