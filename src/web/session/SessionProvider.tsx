import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
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

/** Whose data the cache holds: one person in one workspace, or nobody. */
function scopeOf(session: Session): string | null {
  return session.status === 'signedIn' ? `${session.me.user.id} ${session.me.currentWorkspace.id}` : null;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [session, setSession] = useState<Session>({ status: 'loading' });
  const scope = useRef<string | null>(null);

  // Cached answers belong to one person in one workspace: they go before another's pages can read them.
  const show = useCallback(
    (next: Session) => {
      const nextScope = scopeOf(next);
      if (nextScope !== scope.current) queryClient.removeQueries();
      scope.current = nextScope;
      setSession(next);
    },
    [queryClient],
  );

  const refresh = useCallback(async () => {
    show(await loadSession());
  }, [show]);

  useEffect(() => {
    let active = true;
    void loadSession().then((loaded) => {
      if (active) show(loaded);
    });
    return () => {
      active = false;
    };
  }, [show]);

  // Any request that finds the cookie gone sends the user back to sign in.
  useEffect(
    () =>
      onUnauthenticated(() => {
        if (scope.current !== null) show({ status: 'signedOut', reason: 'expired' });
      }),
    [show],
  );

  const setMe = useCallback((me: MeResponse) => show({ status: 'signedIn', me }), [show]);

  const signOut = useCallback(async () => {
    await signOutRequest();
    show({ status: 'signedOut', reason: 'signedOut' });
  }, [show]);

  const value = useMemo<SessionValue>(
    () => ({ session, refresh, setMe, signOut }),
    [session, refresh, setMe, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
