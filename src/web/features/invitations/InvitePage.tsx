import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { InvitationPreview } from '../../../api/workspaces.js';
import { asApiError } from '../../api/client.js';
import { ErrorAlert } from '../../components/Alerts.js';
import { Loading } from '../../components/Loading.js';
import { roleDescriptions, roleLabels } from '../../lib/roles.js';
import { useSession } from '../../session/sessionContext.js';
import { AuthLayout } from '../auth/AuthLayout.js';
import { acceptInvitation, invitationPreviewQuery } from './invitationsApi.js';

export function InvitePage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const preview = useQuery(invitationPreviewQuery(token));

  if (!token) {
    return (
      <AuthLayout title="This invitation link is incomplete">
        <ErrorAlert>The link is missing its code. Open it again from the message you received.</ErrorAlert>
      </AuthLayout>
    );
  }
  if (preview.status === 'pending') {
    return (
      <AuthLayout title="Invitation">
        <Loading label="Opening your invitation…" />
      </AuthLayout>
    );
  }
  if (preview.status === 'error') {
    const gone = asApiError(preview.error).code === 'invitation_not_found';
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
  const joining = useMutation({
    mutationFn: () => acceptInvitation(token),
    onSuccess: (me) => {
      setMe(me);
      void navigate('/', { replace: true });
    },
  });
  const here = `/invite?token=${encodeURIComponent(token)}`;

  return (
    <AuthLayout title={`Join ${invitation.workspaceName}`}>
      <p>
        You have been invited to join <strong>{invitation.workspaceName}</strong> as{' '}
        <strong>{roleLabels[invitation.role]}</strong>. {roleDescriptions[invitation.role]}
      </p>
      <p className="muted">Invitation sent to {invitation.email}.</p>
      <ErrorAlert error={joining.error} />
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
            onClick={() => joining.mutate()}
            disabled={joining.isPending}
          >
            {joining.isPending ? 'Joining…' : `Accept and join ${invitation.workspaceName}`}
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
