import { useCallback } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { InvitationPreview } from '../../../api/workspaces.js';
import { ErrorAlert } from '../../components/Alerts.js';
import { Loading } from '../../components/Loading.js';
import { useAction } from '../../hooks/useAction.js';
import { useQuery } from '../../hooks/useQuery.js';
import { roleDescriptions, roleLabels } from '../../lib/roles.js';
import { useSession } from '../../session/sessionContext.js';
import { AuthLayout } from '../auth/AuthLayout.js';
import { acceptInvitation, previewInvitation } from './invitationsApi.js';

const noToken = () => Promise.reject(new Error('missing token'));

export function InvitePage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const load = useCallback((signal: AbortSignal) => previewInvitation(token, signal), [token]);
  const preview = useQuery(token ? load : noToken);

  if (!token) {
    return (
      <AuthLayout title="This invitation link is incomplete">
        <ErrorAlert>The link is missing its code. Open it again from the message you received.</ErrorAlert>
      </AuthLayout>
    );
  }
  if (preview.status === 'loading') {
    return (
      <AuthLayout title="Invitation">
        <Loading label="Opening your invitation…" />
      </AuthLayout>
    );
  }
  if (preview.status === 'error') {
    const gone = preview.error.code === 'invitation_not_found';
    return (
      <AuthLayout title="Invitation unavailable" footer={<Link to="/">Go to AI Factory</Link>}>
        <ErrorAlert error={preview.error}>
          {gone
            ? 'This invitation is no longer valid: it may have been used, revoked or expired. Ask the workspace owner for a new link.'
            : undefined}
        </ErrorAlert>
      </AuthLayout>
    );
  }
  return <InvitationDetails token={token} invitation={preview.data} />;
}

function InvitationDetails({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const { session, setMe } = useSession();
  const navigate = useNavigate();
  const action = useAction();
  const here = `/invite?token=${encodeURIComponent(token)}`;

  async function accept() {
    await action.run(async () => {
      setMe(await acceptInvitation(token));
      void navigate('/', { replace: true });
    });
  }

  return (
    <AuthLayout title={`Join ${invitation.workspaceName}`}>
      <p>
        You have been invited to join <strong>{invitation.workspaceName}</strong> as{' '}
        <strong>{roleLabels[invitation.role]}</strong>. {roleDescriptions[invitation.role]}
      </p>
      <p className="muted">Invitation sent to {invitation.email}.</p>
      <ErrorAlert error={action.error} />
      {session.status === 'loading' && <Loading />}
      {session.status === 'signedIn' ? (
        <div className="stack">
          <p className="muted">
            You are signed in as {session.me.user.email}.
            {session.me.user.email.toLowerCase() !== invitation.email.toLowerCase() &&
              ' This invitation was sent to a different address.'}
          </p>
          <button
            type="button"
            className="button button-primary button-block"
            onClick={() => void accept()}
            disabled={action.pending}
          >
            {action.pending ? 'Joining…' : `Accept and join ${invitation.workspaceName}`}
          </button>
          <Link to="/" className="button button-secondary button-block">
            Not now
          </Link>
        </div>
      ) : session.status !== 'loading' ? (
        <div className="stack">
          <p>To accept, create an account or sign in. You will come back here afterwards.</p>
          <Link
            to={`/signup?next=${encodeURIComponent(here)}&email=${encodeURIComponent(invitation.email)}`}
            className="button button-primary button-block"
          >
            Create an account
          </Link>
          <Link
            to={`/signin?next=${encodeURIComponent(here)}&email=${encodeURIComponent(invitation.email)}`}
            className="button button-secondary button-block"
          >
            I already have an account
          </Link>
        </div>
      ) : null}
    </AuthLayout>
  );
}
