import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/Alerts.js';
import { Field } from '../../components/Field.js';
import { focusFirstInvalid, hasErrors, type FieldErrors } from '../../lib/validation.js';
import { TextAreaField } from '../create/FormControls.js';
import type { VersionEdits } from './itemApi.js';
import { EDIT_LIMITS as E } from '../../../api/content.js';
import type { ScriptView as Script } from '../../../api/version-outputs.js';

interface ScriptEditorProps {
  script: Script;
  canEdit: boolean;
  /** True while a version is being made: the server refuses edits until it is done. */
  locked: boolean;
  onSave: (edits: VersionEdits) => Promise<void>;
}

function tooLong(text: string, max: number, what: string): string | undefined {
  if (!text.trim()) return `Write the ${what}; it cannot be empty.`;
  if (text.trim().length > max) return `Keep the ${what} to ${max} characters.`;
  return undefined;
}

/** Limits of the API's edit schema, checked here so a typo does not cost a round trip. */
function scriptErrors(script: Script): FieldErrors {
  const errors: FieldErrors = { hook: tooLong(script.hook, E.hookMax, 'hook') };
  script.beats.forEach((beat, index) => {
    errors[`beat-${index}-text`] = tooLong(beat.text, E.beatTextMax, 'spoken text');
    errors[`beat-${index}-visualCue`] = tooLong(beat.visualCue, E.visualCueMax, 'picture description');
  });
  errors.callToAction = tooLong(script.callToAction, E.callToActionMax, 'call to action');
  return errors;
}

function ScriptView({ script }: { script: Script }) {
  return (
    <div className="script-view">
      <p>
        <span className="script-label">Hook</span> {script.hook}
      </p>
      <ol className="beat-list">
        {script.beats.map((beat, index) => (
          <li key={index} className="beat">
            <p>{beat.text}</p>
            <p className="beat-cue">Shows: {beat.visualCue}</p>
          </li>
        ))}
      </ol>
      <p>
        <span className="script-label">Call to action</span> {script.callToAction}
      </p>
    </div>
  );
}

/** The hook, beats (with what each shows) and call to action; edited texts are rendered into a new version. */
export function ScriptEditor({ script, canEdit, locked, onSave }: ScriptEditorProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(script);
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({ mutationFn: onSave, onSuccess: () => setEditing(false) });

  const setBeat = (index: number, part: 'text' | 'visualCue', value: string) =>
    setDraft((current) => ({
      ...current,
      beats: current.beats.map((beat, i) => (i === index ? { ...beat, [part]: value } : beat)),
    }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = scriptErrors(draft);
    setErrors(found);
    if (hasErrors(found)) return focusFirstInvalid(event.currentTarget, found);
    const edited = {
      language: draft.language,
      hook: draft.hook.trim(),
      beats: draft.beats.map((beat) => ({ text: beat.text.trim(), visualCue: beat.visualCue.trim() })),
      callToAction: draft.callToAction.trim(),
      writer: 'edited',
    };
    save.mutate({ script: edited });
  }

  function cancel() {
    setDraft(script);
    setErrors({});
    save.reset();
    setEditing(false);
  }

  return (
    <section className="panel" aria-labelledby="script-heading">
      <h2 id="script-heading" className="panel-title">
        Script
      </h2>
      {!editing ? (
        <>
          <ScriptView script={script} />
          {canEdit && (
            <button
              type="button"
              className="button button-secondary panel-action"
              disabled={locked}
              onClick={() => setEditing(true)}
            >
              Edit the script
            </button>
          )}
        </>
      ) : (
        <form className="form" noValidate onSubmit={submit}>
          <TextAreaField
            label="Hook"
            name="hook"
            rows={2}
            value={draft.hook}
            error={errors.hook}
            hint="The first line: it decides whether people keep watching."
            onChange={(event) => setDraft((current) => ({ ...current, hook: event.target.value }))}
          />
          {draft.beats.map((beat, index) => (
            <fieldset key={index} className="fieldset beat-fieldset">
              <legend>Beat {index + 1}</legend>
              <TextAreaField
                label="Said"
                name={`beat-${index}-text`}
                rows={2}
                value={beat.text}
                error={errors[`beat-${index}-text`]}
                onChange={(event) => setBeat(index, 'text', event.target.value)}
              />
              <Field
                label="Shown"
                name={`beat-${index}-visualCue`}
                value={beat.visualCue}
                error={errors[`beat-${index}-visualCue`]}
                hint="A few words on the picture; they choose the background."
                onChange={(event) => setBeat(index, 'visualCue', event.target.value)}
              />
            </fieldset>
          ))}
          <TextAreaField
            label="Call to action"
            name="callToAction"
            rows={2}
            value={draft.callToAction}
            error={errors.callToAction}
            onChange={(event) => setDraft((current) => ({ ...current, callToAction: event.target.value }))}
          />
          <p className="muted">
            Re-rendering makes a new version: the voice-over, captions and video follow the new script.
          </p>
          <ErrorAlert error={save.error} />
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={save.isPending || locked}>
              {save.isPending ? 'Starting…' : 'Re-render'}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={cancel}
              disabled={save.isPending}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
