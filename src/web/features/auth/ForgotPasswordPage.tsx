import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ActionForm } from '../../components/ActionForm.js';
import { SuccessNotice } from '../../components/Alerts.js';
import { Field } from '../../components/Field.js';
import { useActionForm } from '../../hooks/useActionForm.js';
import { emailError } from '../../lib/validation.js';
import { requestPasswordReset } from './authApi.js';
import { AuthLayout } from './AuthLayout.js';

export function ForgotPasswordPage() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useActionForm(
    { email: '' },
    {
      validate: ({ email }) => ({ email: emailError(email) }),
      run: ({ email }) => requestPasswordReset(email.trim()),
      onSuccess: ({ email }) => setSentTo(email.trim()),
    },
  );

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
      <ActionForm form={form} submitLabel="Send reset link" pendingLabel="Sending…" fullWidthSubmit>
        <Field label="Email" type="email" autoComplete="email" {...form.field('email')} />
      </ActionForm>
    </AuthLayout>
  );
}
