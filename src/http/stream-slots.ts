import { UserError } from '../domain/errors.js';

/**
 * Open server-sent event streams per person, in this process: each holds a socket and a listener for as long as
 * the browser keeps it, so one account opening hundreds would hold the server's sockets hostage.
 */
export class StreamSlots {
  private readonly open = new Map<string, number>();

  constructor(private readonly maxPerUser: () => number) {}

  /** Takes a slot for the person, or throws 429 `too_many_streams`; the returned function gives it back once. */
  take(userId: string): () => void {
    const count = this.open.get(userId) ?? 0;
    if (count >= this.maxPerUser()) {
      throw new UserError(
        'rate_limited',
        'too_many_streams',
        'Too many live progress views are open; close a tab and try again',
      );
    }
    this.open.set(userId, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(userId) ?? 1) - 1;
      if (left > 0) this.open.set(userId, left);
      else this.open.delete(userId);
    };
  }
}
