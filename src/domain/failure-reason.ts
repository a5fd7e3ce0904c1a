import { BugError, TransientError, UserError } from './errors.js';

const MAX_REASON_CHARS = 300;
// An absolute path (two or more segments), or a file: URL: server detail a person must never see.
const SERVER_PATH = /(?:file:\/\/)?(?<![\w.-])(?:\/[\w.@+~-]+){2,}\/?|[A-Za-z]:\\[^\s'"]+/g;

/**
 * The reason a job failed, as shown to people: the message of a UserError or TransientError (first line, server
 * paths replaced, capped); for a bug, only its code. Raw stderr and paths stay in the log.
 */
export function publicFailureReason(error: unknown): string {
  if (error instanceof BugError) {
    return `Something went wrong on our side (${error.code}); it has been logged. Try again, or report it.`;
  }
  const message = error instanceof Error ? error.message : String(error);
  const known = error instanceof UserError || error instanceof TransientError;
  const firstLine = message.split(/\r?\n/)[0]?.replace(/:\s*$/, '') ?? '';
  const clean = firstLine.replace(SERVER_PATH, '[file]').trim();
  if (!known && clean === '') return 'Something went wrong on our side; it has been logged.';
  return clean.length > MAX_REASON_CHARS ? `${clean.slice(0, MAX_REASON_CHARS - 1)}…` : clean;
}
