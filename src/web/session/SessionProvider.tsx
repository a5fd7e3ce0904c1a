import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MeResponse } from '../../api/auth.js';
import { ApiError, onUnauthenticated } from '../api/client.js';
import { signOut as signOutRequest } from '../features/auth/authApi.js';
import { fetchMe } from '../features/workspaces/workspacesApi.js';
import { SessionContext, type Session, type SessionValue } from './sessionContext.js';

async function loadSession(): Promise<Session> {
  try {
    return { status: 'signedIn', me: await fetchMe() };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401)
      return { status: 'signedOut', reason: 'anonymous' };
    const unavailable =
      error instanceof ApiError ? error : new ApiError(0, 'unknown', 'Could not load your session.');
    return { status: 'unavailable', error: unavailable };
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: 'loading' });

  const refresh = useCallback(async () => {
    setSession(await loadSession());
  }, []);

  useEffect(() => {
    let active = true;
    void loadSession().then((loaded) => {
      if (active) setSession(loaded);
    });
    return () => {
      active = false;
    };
  }, []);

  // Any request that finds the cookie gone sends the user back to sign in.
  useEffect(
    () =>
      onUnauthenticated(() =>
        setSession((current) =>
          current.status === 'signedIn' ? { status: 'signedOut', reason: 'expired' } : current,
        ),
      ),
    [],
  );

  const setMe = useCallback((me: MeResponse) => setSession({ status: 'signedIn', me }), []);

  const signOut = useCallback(async () => {
    await signOutRequest();
    setSession({ status: 'signedOut', reason: 'signedOut' });
  }, []);

  const value = useMemo<SessionValue>(
    () => ({ session, refresh, setMe, signOut }),
    [session, refresh, setMe, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
