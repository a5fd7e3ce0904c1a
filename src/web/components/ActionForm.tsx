import type { FormEvent, ReactNode } from 'react';
import { ErrorAlert } from './Alerts.js';

interface ActionFormProps {
  /** From useActionForm. */
  form: {
    mutation: { isPending: boolean; error: unknown };
    submit: (event: FormEvent<HTMLFormElement>) => void;
  };
  submitLabel: string;
  /** The submit button's words while the call is running, e.g. "Saving…". */
  pendingLabel: string;
  className?: string;
  /** Stretch the submit button across the form, as the signed-out pages do. */
  fullWidthSubmit?: boolean;
  /** Replaces the server's message in the error alert when the page can say it better. */
  errorMessage?: ReactNode;
  children: ReactNode;
}

/** A form that calls the API: the failure alert first, then the fields, then a submit button showing progress. */
export function ActionForm({
  form,
  submitLabel,
  pendingLabel,
  className = 'form',
  fullWidthSubmit = false,
  errorMessage,
  children,
}: ActionFormProps) {
  const { mutation } = form;
  return (
    <form className={className} noValidate onSubmit={form.submit}>
      <ErrorAlert error={mutation.error}>{errorMessage}</ErrorAlert>
      {children}
      <button
        type="submit"
        className={fullWidthSubmit ? 'button button-primary button-block' : 'button button-primary'}
        disabled={mutation.isPending}
      >
        {mutation.isPending ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}
