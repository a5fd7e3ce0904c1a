import type { CaptionCue } from '../content.js';
import { UserError } from '../errors.js';
import { DEFAULT_CUE_OPTIONS, wrapWords } from './cues.js';

/** One caption read from a SubRip file, with the file line it starts on (for messages). */
export interface SrtCue {
  number: number;
  line: number;
  startMs: number;
  endMs: number;
  /** The caption's lines joined by single spaces. */
  text: string;
}

const TIME = String.raw`(\d{1,3}):([0-5]\d):([0-5]\d)[,.](\d{3})`;
const TIMING_LINE = new RegExp(`^${TIME}\\s*-->\\s*${TIME}(?:\\s.*)?$`);

/** `HH:MM:SS,mmm`, rounded to the millisecond; negative times clamp to zero. */
export function srtTime(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const two = (n: number) => String(n).padStart(2, '0');
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor(total / 60_000) % 60;
  const seconds = Math.floor(total / 1000) % 60;
  return `${two(hours)}:${two(minutes)}:${two(seconds)},${String(total % 1000).padStart(3, '0')}`;
}

/** The words of a cue as one line of text (what a person edits, and what edits are compared with). */
export function cueText(cue: CaptionCue): string {
  return cue.words
    .map((w) => w.text.trim())
    .filter(Boolean)
    .join(' ');
}

/** A SubRip file of the cues, wrapped into lines as they appear on screen. */
export function buildSrt(
  cues: readonly CaptionCue[],
  maxCharsPerLine = DEFAULT_CUE_OPTIONS.maxCharsPerLine,
): string {
  return cues
    .map((cue, i) => {
      const lines = wrapWords(
        cue.words.filter((w) => w.text.trim() !== ''),
        maxCharsPerLine,
      ).map((line) => line.map((w) => w.text.trim()).join(' '));
      return `${i + 1}\n${srtTime(cue.startMs)} --> ${srtTime(cue.endMs)}\n${lines.join('\n')}\n`;
    })
    .join('\n');
}

/**
 * Reads a SubRip file: numbered blocks (1, 2, 3… in order) of a timing line and at least one text line, separated
 * by blank lines; a byte order mark and CRLF line ends are fine. Throws a UserError naming the line otherwise.
 */
export function parseSrt(text: string): SrtCue[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const cues: SrtCue[] = [];
  let at = 0;
  for (;;) {
    while (at < lines.length && lines[at]!.trim() === '') at++;
    if (at >= lines.length) return cues;
    const start = at;
    while (at < lines.length && lines[at]!.trim() !== '') at++;
    cues.push(parseBlock(lines.slice(start, at), start + 1, cues.length + 1));
  }
}

function parseBlock(block: string[], firstLine: number, expected: number): SrtCue {
  const [numberLine = '', timingLine, ...textLines] = block.map((l) => l.trim());
  if (!/^\d+$/.test(numberLine))
    throw srtError(firstLine, `expected the caption number ${expected}, found "${numberLine}"`);
  if (Number(numberLine) !== expected)
    throw srtError(
      firstLine,
      `expected the caption number ${expected}, found ${numberLine} (keep the numbers in order)`,
    );
  if (timingLine === undefined)
    throw srtError(firstLine + 1, `caption ${expected} has no timing line (00:00:01,000 --> 00:00:02,500)`);
  const timing = TIMING_LINE.exec(timingLine);
  if (!timing)
    throw srtError(firstLine + 1, `"${timingLine}" is not a timing line like 00:00:01,000 --> 00:00:02,500`);
  if (textLines.length === 0) throw srtError(firstLine, `caption ${expected} is empty: give it some text`);
  const stray = textLines.findIndex((l) => TIMING_LINE.test(l));
  if (stray >= 0)
    throw srtError(
      firstLine + 2 + stray,
      `a timing line inside caption ${expected}: is a blank line missing before it?`,
    );
  return {
    number: expected,
    line: firstLine,
    startMs: toMs(timing.slice(1, 5)),
    endMs: toMs(timing.slice(5, 9)),
    text: textLines.join(' ').replace(/\s+/g, ' '),
  };
}

function toMs([h, m, s, ms]: string[]): number {
  return ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000 + Number(ms);
}

function srtError(line: number, problem: string): UserError {
  return new UserError('validation', 'srt_invalid', `line ${line}: ${problem}`, { line });
}
