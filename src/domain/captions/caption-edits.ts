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

/** Replaces the words of edited cues, keeping their timing (a typo fix must not shift the captions). */
export function applyCaptionEdits(cues: CaptionCue[], edits: Record<number, string>): CaptionCue[] {
  return cues.map((cue, index) => {
    const text = edits[index];
    if (text === undefined) return cue;
    const words = text.split(/\s+/).filter(Boolean);
    if (words.length === 0) return cue;
    const span = cue.endMs - cue.startMs;
    return {
      ...cue,
      words: words.map((word, i) => ({
        text: word,
        startMs: cue.startMs + Math.round((span * i) / words.length),
        endMs: cue.startMs + Math.round((span * (i + 1)) / words.length),
      })),
    };
  });
}
