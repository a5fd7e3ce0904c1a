import type { FormEvent, ReactNode } from 'react';
import type { Action } from '../hooks/useAction.js';
import { ErrorAlert } from './Alerts.js';

interface ActionFormProps {
  /** From useActionForm. */
  form: { action: Action; submit: (event: FormEvent<HTMLFormElement>) => Promise<void> };
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
  const { action } = form;
  return (
    <form className={className} noValidate onSubmit={(event) => void form.submit(event)}>
      <ErrorAlert error={action.error}>{errorMessage}</ErrorAlert>
      {children}
      <button
        type="submit"
        className={fullWidthSubmit ? 'button button-primary button-block' : 'button button-primary'}
        disabled={action.pending}
      >
        {action.pending ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}
