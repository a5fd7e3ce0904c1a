import type { ReactNode } from 'react';
import { errorMessage } from '../api/client.js';

/** Announces a failure as soon as it appears; renders nothing when there is none. */
export function ErrorAlert({ error, children }: { error?: unknown; children?: ReactNode }) {
  if (!error && !children) return null;
  return (
    <div role="alert" className="alert alert-error">
      {children ?? errorMessage(error)}
    </div>
  );
}

/** Polite confirmation of something that worked. */
export function SuccessNotice({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="alert alert-success">
      {children}
    </div>
  );
}
