import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { ErrorAlert, SuccessNotice } from '../../components/Alerts.js';
import { Field } from '../../components/Field.js';
import { useAction } from '../../hooks/useAction.js';
import {
  focusFirstInvalid,
  hasErrors,
  MIN_PASSWORD_LENGTH,
  newPasswordError,
  type FieldErrors,
} from '../../lib/validation.js';
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
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState(false);
  const action = useAction();

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

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {
      password: newPasswordError(password),
      confirmation: confirmation === password ? undefined : 'The two passwords do not match.',
    };
    setErrors(found);
    if (hasErrors(found)) return focusFirstInvalid(event.currentTarget, found);
    if (await action.run(() => confirmPasswordReset(token ?? '', password))) setDone(true);
  }

  const invalidToken = action.error instanceof ApiError && action.error.code === 'invalid_token';
  return (
    <AuthLayout title="Choose a new password" footer={requestAnother}>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <ErrorAlert error={action.error}>
          {invalidToken
            ? 'This reset link is invalid, already used or expired. Request a new one below.'
            : undefined}
        </ErrorAlert>
        <Field
          label="New password"
          name="password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. Avoid common passwords.`}
          error={errors.password}
        />
        <Field
          label="Confirm new password"
          name="confirmation"
          type="password"
          autoComplete="new-password"
          value={confirmation}
          onChange={(event) => setConfirmation(event.target.value)}
          error={errors.confirmation}
        />
        <button type="submit" className="button button-primary button-block" disabled={action.pending}>
          {action.pending ? 'Saving…' : 'Set new password'}
        </button>
      </form>
    </AuthLayout>
  );
}
