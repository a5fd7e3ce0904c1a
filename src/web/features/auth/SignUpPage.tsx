import { Link, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { ActionForm } from '../../components/ActionForm.js';
import { Field } from '../../components/Field.js';
import { NewPasswordField } from '../../components/NewPasswordField.js';
import { useActionForm } from '../../hooks/useActionForm.js';
import { emailError, newPasswordError } from '../../lib/validation.js';
import { useSession } from '../../session/sessionContext.js';
import { signUp } from './authApi.js';
import { AuthLayout } from './AuthLayout.js';

export function SignUpPage() {
  const { refresh } = useSession();
  const [searchParams] = useSearchParams();
  const form = useActionForm(
    { name: '', email: searchParams.get('email') ?? '', password: '' },
    {
      validate: ({ name, email, password }) => ({
        name: name.trim().length > 100 ? 'Use at most 100 characters.' : undefined,
        email: emailError(email),
        password: newPasswordError(password),
      }),
      run: async ({ name, email, password }) => {
        await signUp({ email: email.trim(), password, ...(name.trim() ? { name: name.trim() } : {}) });
        await refresh();
      },
    },
  );
  const next = searchParams.get('next');
  const signInLink = next ? `/signin?next=${encodeURIComponent(next)}` : '/signin';

  const emailTaken = form.mutation.error instanceof ApiError && form.mutation.error.code === 'email_taken';
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
      <ActionForm
        form={form}
        submitLabel="Create account"
        pendingLabel="Creating your account…"
        fullWidthSubmit
        errorMessage={
          emailTaken ? (
            <>
              An account with this email already exists. <Link to={signInLink}>Sign in instead</Link>.
            </>
          ) : undefined
        }
      >
        <Field label="Name (optional)" autoComplete="name" {...form.field('name')} />
        <Field label="Email" type="email" autoComplete="email" {...form.field('email')} />
        <NewPasswordField label="Password" {...form.field('password')} />
        <p className="muted">
          By creating an account you agree to the terms of service; the privacy policy says what is kept and
          why (both linked below).
        </p>
      </ActionForm>
    </AuthLayout>
  );
}
