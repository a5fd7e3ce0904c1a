import { BugError, TransientError, UserError } from '../../domain/errors.js';

const MAX_TAIL_LINES = 8;
const MAX_LINE_CHARS = 300;

// Messages ffmpeg prints when an input file is damaged or is not media at all: the person can fix that.
const UNREADABLE_INPUT = [
  /Invalid data found when processing input/,
  /moov atom not found/,
  /could not find codec parameters/i,
  /does not contain any stream/,
  /Error while decoding stream/,
  /Unsupported codec/,
];
const OUT_OF_SPACE = /No space left on device/;
// The input is a container the whitelist leaves out (a streaming playlist, a concat list…) or reaches for a URL.
const REFUSED_INPUT = /not on whitelist/;

/** The last meaningful stderr lines, trimmed, so an error carries the reason without the whole log. */
export function stderrTail(stderr: string): string {
  return stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .slice(-MAX_TAIL_LINES)
    .map((l) => (l.length > MAX_LINE_CHARS ? `${l.slice(0, MAX_LINE_CHARS)}…` : l))
    .join('\n');
}

/**
 * Maps a failed ffmpeg run to the error taxonomy: refused or unreadable input → UserError, full disk → Transient,
 * else Bug. A UserError's message stays plain (people see it); the stderr tail, with its paths, rides in `cause`,
 * which the log shows and the API never does.
 */
export function ffmpegFailure(exitCode: number | null, stderr: string): Error {
  const tail = stderrTail(stderr);
  if (REFUSED_INPUT.test(tail))
    return withStderr(
      new UserError('validation', 'media_format_refused', 'This kind of file is not accepted'),
      tail,
    );
  if (UNREADABLE_INPUT.some((re) => re.test(tail))) {
    const error = new UserError('validation', 'media_unreadable', 'A media file could not be read');
    return withStderr(error, tail);
  }
  if (OUT_OF_SPACE.test(tail)) return new TransientError('disk_full', 'The disk is full');
  return new BugError('ffmpeg_failed', `ffmpeg exited with code ${exitCode ?? 'none'}:\n${tail}`);
}

function withStderr(error: UserError, tail: string): UserError {
  error.cause = new Error(tail);
  return error;
}
