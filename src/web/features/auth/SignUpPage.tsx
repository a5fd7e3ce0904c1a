import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { ErrorAlert } from '../../components/Alerts.js';
import { Field } from '../../components/Field.js';
import { useAction } from '../../hooks/useAction.js';
import {
  emailError,
  focusFirstInvalid,
  hasErrors,
  MIN_PASSWORD_LENGTH,
  newPasswordError,
  type FieldErrors,
} from '../../lib/validation.js';
import { useSession } from '../../session/sessionContext.js';
import { signUp } from './authApi.js';
import { AuthLayout } from './AuthLayout.js';

export function SignUpPage() {
  const { refresh } = useSession();
  const [searchParams] = useSearchParams();
  const [name, setName] = useState('');
  const [email, setEmail] = useState(searchParams.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const action = useAction();
  const next = searchParams.get('next');
  const signInLink = next ? `/signin?next=${encodeURIComponent(next)}` : '/signin';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {
      name: name.trim().length > 100 ? 'Use at most 100 characters.' : undefined,
      email: emailError(email),
      password: newPasswordError(password),
    };
    setErrors(found);
    if (hasErrors(found)) return focusFirstInvalid(event.currentTarget, found);
    await action.run(async () => {
      await signUp({ email: email.trim(), password, ...(name.trim() ? { name: name.trim() } : {}) });
      await refresh();
    });
  }

  const emailTaken = action.error instanceof ApiError && action.error.code === 'email_taken';
  return (
    <AuthLayout
      title="Create your account"
      intro={<p>Make short vertical videos, review them together and publish everywhere from one place.</p>}
      footer={
        <p>
          Already have an account? <Link to={signInLink}>Sign in</Link>
        </p>
      }
    >
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <ErrorAlert error={action.error}>
          {emailTaken ? (
            <>
              An account with this email already exists. <Link to={signInLink}>Sign in instead</Link>.
            </>
          ) : undefined}
        </ErrorAlert>
        <Field
          label="Name (optional)"
          name="name"
          autoComplete="name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errors.name}
        />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={errors.email}
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. Avoid common passwords.`}
          error={errors.password}
        />
        <button type="submit" className="button button-primary button-block" disabled={action.pending}>
          {action.pending ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
    </AuthLayout>
  );
}
