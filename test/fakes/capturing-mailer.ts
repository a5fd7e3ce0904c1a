import type { MailMessage, Mailer } from '../../src/ports/mailer.js';

/** Keeps sent mail in memory so tests can follow the links in it. */
export class CapturingMailer implements Mailer {
  readonly sent: MailMessage[] = [];
  async send(message: MailMessage): Promise<void> {
    this.sent.push(message);
  }
  async forgetRecipient(email: string): Promise<number> {
    const before = this.sent.length;
    this.sent.splice(0, this.sent.length, ...this.sent.filter((m) => m.to !== email));
    return before - this.sent.length;
  }
  /** The first URL in the newest mail to `to`. */
  lastLinkTo(to: string): string {
    const mail = [...this.sent].reverse().find((m) => m.to === to);
    const url = mail?.text.match(/https?:\/\/\S+/)?.[0];
    if (!url) throw new Error(`no link mailed to ${to}`);
    return url;
  }
}
