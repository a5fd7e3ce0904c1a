import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useFieldNotes } from '../../components/useFieldNotes.js';

// Textarea and select counterparts of components/Field, kept with the factory features that need them.

interface Described {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
}

type TextAreaFieldProps = Described & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>;

export function TextAreaField({ label, hint, error, rows = 3, ...props }: TextAreaFieldProps) {
  const { id, describedBy, notes } = useFieldNotes(hint, error);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...props}
      />
      {notes}
    </div>
  );
}

type SelectFieldProps = Described & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>;

export function SelectField({ label, hint, error, children, ...props }: SelectFieldProps) {
  const { id, describedBy, notes } = useFieldNotes(hint, error);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...props}>
        {children}
      </select>
      {notes}
    </div>
  );
}
