import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/Alerts.js';
import { Field } from '../../components/Field.js';
import { focusFirstInvalid, hasErrors, type FieldErrors } from '../../lib/validation.js';
import type { CaptionPosition } from './activeCue.js';
import { formatCueTime } from './formatMedia.js';
import type { VersionEdits } from './itemApi.js';
import { cueText } from '../../../domain/captions/srt.js';
import { EDIT_LIMITS } from '../../../api/content.js';
import type { CaptionCueView as CaptionCue } from '../../../api/version-outputs.js';

interface CaptionsEditorProps {
  cues: CaptionCue[];
  /** What the player shows now; its cue is marked as the current one. */
  onScreen: CaptionPosition;
  /** Plays the video from a moment; null while the player shows another version (its timings differ). */
  onPlayFrom: ((ms: number) => void) | null;
  canEdit: boolean;
  locked: boolean;
  onSave: (edits: VersionEdits) => Promise<void>;
}

const MAX_CUE_LENGTH = EDIT_LIMITS.captionMax;

/** Each caption line as the viewer sees it; corrected words keep the line's timing. */
export function CaptionsEditor({ cues, onScreen, onPlayFrom, canEdit, locked, onSave }: CaptionsEditorProps) {
  const originals = cues.map(cueText);
  const [texts, setTexts] = useState(originals);
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({ mutationFn: onSave });
  const changed = texts.flatMap((text, index) => (text.trim() !== originals[index] ? [index] : []));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    for (const index of changed) {
      const text = texts[index]?.trim() ?? '';
      if (!text) found[`cue-${index}`] = 'A caption cannot be empty.';
      else if (text.length > MAX_CUE_LENGTH)
        found[`cue-${index}`] = `Keep a caption to ${MAX_CUE_LENGTH} characters.`;
    }
    setErrors(found);
    if (hasErrors(found)) return focusFirstInvalid(event.currentTarget, found);
    // Only the cues that changed, by index: the server keeps every cue's timing.
    const captionText = Object.fromEntries(
      changed.map((index) => [String(index), texts[index]?.trim() ?? '']),
    );
    save.mutate({ captionText });
  }

  return (
    <section className="panel" aria-labelledby="captions-heading">
      <h2 id="captions-heading" className="panel-title">
        Captions
      </h2>
      <p className="muted">
        {canEdit
          ? 'Fix a word or the wording of a line; each caption keeps its timing. Saving renders a new version.'
          : 'The lines shown on screen, with when they appear.'}{' '}
        {onPlayFrom && 'The line on screen is highlighted while the video plays.'}
      </p>
      <form className="form" noValidate onSubmit={submit}>
        <ol className="cue-list">
          {cues.map((cue, index) => (
            <li
              key={index}
              className={index === onScreen.cue ? 'cue cue-on-screen' : 'cue'}
              aria-current={index === onScreen.cue ? 'true' : undefined}
            >
              <Field
                label={`Caption ${index + 1}`}
                name={`cue-${index}`}
                value={texts[index] ?? ''}
                readOnly={!canEdit}
                error={errors[`cue-${index}`]}
                hint={`${formatCueTime(cue.startMs)} – ${formatCueTime(cue.endMs)}`}
                onChange={(event) =>
                  setTexts((current) => current.map((text, i) => (i === index ? event.target.value : text)))
                }
              />
              {onPlayFrom && (
                <button
                  type="button"
                  className="button button-secondary cue-play"
                  aria-label={`Play caption ${index + 1} from ${formatCueTime(cue.startMs)}`}
                  onClick={() => onPlayFrom(cue.startMs)}
                >
                  ▶ {formatCueTime(cue.startMs)}
                </button>
              )}
            </li>
          ))}
        </ol>
        <ErrorAlert error={save.error} />
        {canEdit && (
          <div className="button-row">
            <button
              type="submit"
              className="button button-primary"
              disabled={save.isPending || locked || changed.length === 0}
            >
              {save.isPending ? 'Starting…' : 'Save captions'}
            </button>
            <span className="muted" aria-live="polite">
              {changed.length === 0
                ? 'No changes yet.'
                : `${changed.length} ${changed.length === 1 ? 'caption' : 'captions'} changed.`}
            </span>
          </div>
        )}
      </form>
    </section>
  );
}
