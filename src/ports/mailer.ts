export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends mail: an outbox folder on the embedded default, SMTP in production. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** Deletes every stored mail to this address (a deleted account's); returns how many. SMTP stores none: 0. */
  forgetRecipient(email: string): Promise<number>;
}
