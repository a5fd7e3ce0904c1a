import type { CaptionCue } from '../content.js';
import { UserError } from '../errors.js';
import { cueText, type SrtCue } from './srt.js';

/**
 * The caption texts a person changed in an edited SubRip file, by cue index, for `captionText` edits. Captions are
 * matched by number and keep their timing (the file's times are ignored), so the file must have as many captions as
 * the video; unchanged texts are left out so their word timing stays as spoken.
 */
export function captionEditsFromSrt(
  cues: readonly CaptionCue[],
  edited: readonly SrtCue[],
): Record<number, string> {
  if (edited.length > cues.length) {
    const extra = edited[cues.length]!;
    throw countMismatch(extra.line, `caption ${extra.number} is one too many: the video has ${cues.length}`);
  }
  if (edited.length < cues.length) {
    const last = edited.at(-1);
    throw countMismatch(
      last?.line ?? 1,
      last
        ? `the file stops at caption ${last.number}, but the video has ${cues.length} captions`
        : `the file has no captions, but the video has ${cues.length}`,
    );
  }
  const edits: Record<number, string> = {};
  edited.forEach((caption, index) => {
    if (caption.text !== cueText(cues[index]!)) edits[index] = caption.text;
  });
  return edits;
}

function countMismatch(line: number, problem: string): UserError {
  return new UserError(
    'validation',
    'srt_caption_count',
    `line ${line}: ${problem} (edit the text of the captions; do not add, remove or merge them)`,
    { line },
  );
}
