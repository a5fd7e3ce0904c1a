import type { InputHTMLAttributes, ReactNode } from 'react';
import { useFieldNotes } from './useFieldNotes.js';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
}

/** A labelled input whose hint and error are tied to it for assistive tech. */
export function Field({ label, hint, error, ...inputProps }: FieldProps) {
  const { id, describedBy, notes } = useFieldNotes(hint, error);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...inputProps} />
      {notes}
    </div>
  );
}
