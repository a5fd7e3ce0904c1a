import { createContext, useContext } from 'react';
import type { MeResponse } from '../../api/auth.js';
import type { ApiError } from '../api/client.js';

/** Why there is no session: the sign-in page words its hint from this. */
export type SignedOutReason = 'anonymous' | 'signedOut' | 'expired';

export type Session =
  | { status: 'loading' }
  | { status: 'signedOut'; reason: SignedOutReason }
  | { status: 'signedIn'; me: MeResponse }
  | { status: 'unavailable'; error: ApiError };

export interface SessionValue {
  session: Session;
  /** Re-reads /api/me; resolves once the session reflects the server. */
  refresh: () => Promise<void>;
  /** Several endpoints answer with the /api/me body; this saves a round trip. */
  setMe: (me: MeResponse) => void;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** For pages that only render behind the signed-in guard. */
export function useMe(): MeResponse {
  const { session } = useSession();
  if (session.status !== 'signedIn') throw new Error('useMe used outside a signed-in route');
  return session.me;
}
