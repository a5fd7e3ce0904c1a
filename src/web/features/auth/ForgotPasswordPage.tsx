import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert, SuccessNotice } from '../../components/Alerts.js';
import { Field } from '../../components/Field.js';
import { useAction } from '../../hooks/useAction.js';
import { emailError, focusFirstInvalid } from '../../lib/validation.js';
import { requestPasswordReset } from './authApi.js';
import { AuthLayout } from './AuthLayout.js';

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const action = useAction();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = emailError(email);
    setError(found);
    if (found) return focusFirstInvalid(event.currentTarget, { email: found });
    const address = email.trim();
    if (await action.run(() => requestPasswordReset(address))) setSentTo(address);
  }

  const footer = (
    <p>
      Remembered it? <Link to="/signin">Back to sign in</Link>
    </p>
  );

  if (sentTo) {
    return (
      <AuthLayout title="Check your email" footer={footer}>
        {/* The server never says whether the account exists, so neither do we. */}
        <SuccessNotice>
          If an account exists for <strong>{sentTo}</strong>, we have sent it a link to choose a new password.
        </SuccessNotice>
        <p className="muted">Nothing arrived? Check your spam folder, or request another link.</p>
        <button type="button" className="button button-secondary" onClick={() => setSentTo(null)}>
          Send another link
        </button>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Reset your password"
      intro={<p>Enter the email you signed up with and we will send you a link to choose a new password.</p>}
      footer={footer}
    >
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <ErrorAlert error={action.error} />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={error}
        />
        <button type="submit" className="button button-primary button-block" disabled={action.pending}>
          {action.pending ? 'Sending…' : 'Send reset link'}
        </button>
      </form>
    </AuthLayout>
  );
}
