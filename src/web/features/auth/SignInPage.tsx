import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/Alerts.js';
import { Field } from '../../components/Field.js';
import { useAction } from '../../hooks/useAction.js';
import { emailError, focusFirstInvalid, hasErrors, type FieldErrors } from '../../lib/validation.js';
import { useSession } from '../../session/sessionContext.js';
import { signIn } from './authApi.js';
import { AuthLayout } from './AuthLayout.js';

export function SignInPage() {
  const { session, refresh } = useSession();
  const [searchParams] = useSearchParams();
  const [email, setEmail] = useState(searchParams.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const action = useAction();
  const next = searchParams.get('next');
  const signUpLink = next ? `/signup?next=${encodeURIComponent(next)}` : '/signup';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {
      email: emailError(email),
      password: password ? undefined : 'Enter your password.',
    };
    setErrors(found);
    if (hasErrors(found)) return focusFirstInvalid(event.currentTarget, found);
    // Once the session is loaded, the route guard sends the user on to `next`.
    await action.run(async () => {
      await signIn({ email: email.trim(), password });
      await refresh();
    });
  }

  const expired = session.status === 'signedOut' && session.reason === 'expired';
  return (
    <AuthLayout
      title="Sign in"
      intro={expired ? <p>Your session has ended. Sign in again to pick up where you left off.</p> : null}
      footer={
        <p>
          New to AI Factory? <Link to={signUpLink}>Create an account</Link>
        </p>
      }
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
          error={errors.email}
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={errors.password}
        />
        <p className="form-aside">
          <Link to="/forgot-password">Forgot your password?</Link>
        </p>
        <button type="submit" className="button button-primary button-block" disabled={action.pending}>
          {action.pending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </AuthLayout>
  );
}
