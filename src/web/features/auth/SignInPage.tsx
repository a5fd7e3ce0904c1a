import { Link, useSearchParams } from 'react-router-dom';
import { ActionForm } from '../../components/ActionForm.js';
import { Field } from '../../components/Field.js';
import { useActionForm } from '../../hooks/useActionForm.js';
import { emailError } from '../../lib/validation.js';
import { useSession } from '../../session/sessionContext.js';
import { signIn } from './authApi.js';
import { AuthLayout } from './AuthLayout.js';

export function SignInPage() {
  const { session, refresh } = useSession();
  const [searchParams] = useSearchParams();
  const form = useActionForm(
    { email: searchParams.get('email') ?? '', password: '' },
    {
      validate: ({ email, password }) => ({
        email: emailError(email),
        password: password ? undefined : 'Enter your password.',
      }),
      // Once the session is loaded, the route guard sends the user on to `next`.
      run: async ({ email, password }) => {
        await signIn({ email: email.trim(), password });
        await refresh();
      },
    },
  );
  const next = searchParams.get('next');
  const signUpLink = next ? `/signup?next=${encodeURIComponent(next)}` : '/signup';

  const expired = session.status === 'signedOut' && session.reason === 'expired';
  const deleted = searchParams.get('deleted') === '1';
  return (
    <AuthLayout
      title="Sign in"
      intro={
        deleted ? (
          <p role="status">Your account was deleted, with everything that was yours alone. Goodbye.</p>
        ) : expired ? (
          <p>Your session has ended. Sign in again to pick up where you left off.</p>
        ) : null
      }
      footer={
        <p>
          New to AI Factory? <Link to={signUpLink}>Create an account</Link>
        </p>
      }
    >
      <ActionForm form={form} submitLabel="Sign in" pendingLabel="Signing in…" fullWidthSubmit>
        <Field label="Email" type="email" autoComplete="email" {...form.field('email')} />
        <Field label="Password" type="password" autoComplete="current-password" {...form.field('password')} />
        <p className="form-aside">
          <Link to="/forgot-password">Forgot your password?</Link>
        </p>
      </ActionForm>
    </AuthLayout>
  );
}
