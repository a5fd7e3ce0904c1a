import { useCallback, useEffect, useState } from 'react';
import type { PlatformName } from '../../../api/connections.js';
import { useAction } from '../../hooks/useAction.js';
import { goToConsentPage } from './connectionsApi.js';

export interface ConsentRedirect {
  /** Asks the server for the consent page of `platform` and sends the browser there. */
  open: (platform: PlatformName, reconnectId?: string) => Promise<void>;
  /** Set from the click until the browser has left, so the button cannot be pressed twice. */
  leaving: boolean;
  error: unknown;
}

export function useConsentRedirect(): ConsentRedirect {
  const action = useAction();
  const { run } = action;
  const [leaving, setLeaving] = useState(false);

  // Coming back with the browser's Back button can restore this page from the cache, still "leaving".
  useEffect(() => {
    function onPageShow(event: PageTransitionEvent) {
      if (event.persisted) setLeaving(false);
    }
    window.addEventListener('pageshow', onPageShow);
    return () => window.removeEventListener('pageshow', onPageShow);
  }, []);

  const open = useCallback(
    async (platform: PlatformName, reconnectId?: string) => {
      setLeaving(true);
      const ok = await run(() => goToConsentPage(platform, reconnectId));
      if (!ok) setLeaving(false);
    },
    [run],
  );

  return { open, leaving: leaving || action.pending, error: action.error };
}
