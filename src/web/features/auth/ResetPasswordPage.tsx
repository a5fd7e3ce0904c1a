import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { ActionForm } from '../../components/ActionForm.js';
import { ErrorAlert, SuccessNotice } from '../../components/Alerts.js';
import { Field } from '../../components/Field.js';
import { NewPasswordField } from '../../components/NewPasswordField.js';
import { useActionForm } from '../../hooks/useActionForm.js';
import { newPasswordError } from '../../lib/validation.js';
import { confirmPasswordReset } from './authApi.js';
import { AuthLayout } from './AuthLayout.js';

const requestAnother = (
  <p>
    <Link to="/forgot-password">Request a new reset link</Link>
  </p>
);

export function ResetPasswordPage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token');
  const [done, setDone] = useState(false);
  const form = useActionForm(
    { password: '', confirmation: '' },
    {
      validate: ({ password, confirmation }) => ({
        password: newPasswordError(password),
        confirmation: confirmation === password ? undefined : 'The two passwords do not match.',
      }),
      run: ({ password }) => confirmPasswordReset(token ?? '', password),
      onSuccess: () => setDone(true),
    },
  );

  if (!token) {
    return (
      <AuthLayout title="This link is incomplete" footer={requestAnother}>
        <ErrorAlert>
          The reset link is missing its code. Open the link from the email again, or ask for a new one.
        </ErrorAlert>
      </AuthLayout>
    );
  }

  if (done) {
    return (
      <AuthLayout title="Password changed">
        <SuccessNotice>Your password has been changed. Sign in with your new password.</SuccessNotice>
        <Link to="/signin" className="button button-primary button-block">
          Sign in
        </Link>
      </AuthLayout>
    );
  }

  const invalidToken =
    form.mutation.error instanceof ApiError && form.mutation.error.code === 'invalid_token';
  return (
    <AuthLayout title="Choose a new password" footer={requestAnother}>
      <ActionForm
        form={form}
        submitLabel="Set new password"
        pendingLabel="Saving…"
        fullWidthSubmit
        errorMessage={
          invalidToken
            ? 'This reset link is invalid, already used or expired. Request a new one below.'
            : undefined
        }
      >
        <NewPasswordField label="New password" {...form.field('password')} />
        <Field
          label="Confirm new password"
          type="password"
          autoComplete="new-password"
          {...form.field('confirmation')}
        />
      </ActionForm>
    </AuthLayout>
  );
}
