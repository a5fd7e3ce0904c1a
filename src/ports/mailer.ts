export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends mail: an outbox folder on the embedded default, SMTP in production. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}
