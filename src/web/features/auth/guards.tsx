import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router-dom';
import type { ApiError } from '../../api/client.js';
import { ErrorAlert } from '../../components/Alerts.js';
import { FullPageLoading } from '../../components/Loading.js';
import { safeNextPath } from '../../lib/validation.js';
import { useSession } from '../../session/sessionContext.js';

function SessionUnavailable({ error }: { error: ApiError }) {
  const { refresh } = useSession();
  return (
    <main id="main" className="full-page-center">
      <div className="auth-card">
        <h1 className="auth-title">AI Factory is not answering</h1>
        <ErrorAlert error={error} />
        <button type="button" className="button button-primary" onClick={() => void refresh()}>
          Try again
        </button>
      </div>
    </main>
  );
}

/** Signed-in pages: anyone else goes to sign in, and comes back here afterwards. */
export function RequireSignedIn() {
  const { session } = useSession();
  const location = useLocation();
  if (session.status === 'loading') return <FullPageLoading />;
  if (session.status === 'unavailable') return <SessionUnavailable error={session.error} />;
  if (session.status === 'signedOut') {
    const here = location.pathname + location.search;
    const returnHere = session.reason !== 'signedOut' && here !== '/';
    return <Navigate to={returnHere ? `/signin?next=${encodeURIComponent(here)}` : '/signin'} replace />;
  }
  return <Outlet />;
}

/** Sign-in and sign-up pages: once a session exists, continue to where the user was heading. */
export function RedirectIfSignedIn() {
  const { session } = useSession();
  const [searchParams] = useSearchParams();
  if (session.status === 'loading') return <FullPageLoading />;
  if (session.status === 'signedIn') return <Navigate to={safeNextPath(searchParams.get('next'))} replace />;
  return <Outlet />;
}
