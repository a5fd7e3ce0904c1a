import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { PlatformName } from '../../../api/connections.js';
import { goToConsentPage } from './connectionsApi.js';

export interface ConsentRedirect {
  /** Asks the server for the consent page of `platform` and sends the browser there. */
  open: (platform: PlatformName, reconnectId?: string) => void;
  /** Set from the click until the browser has left, so the button cannot be pressed twice. */
  leaving: boolean;
  error: unknown;
}

export function useConsentRedirect(): ConsentRedirect {
  const consent = useMutation({
    mutationFn: ({ platform, reconnectId }: { platform: PlatformName; reconnectId?: string }) =>
      goToConsentPage(platform, reconnectId),
  });
  const [leaving, setLeaving] = useState(false);

  // Coming back with the browser's Back button can restore this page from the cache, still "leaving".
  useEffect(() => {
    function onPageShow(event: PageTransitionEvent) {
      if (event.persisted) setLeaving(false);
    }
    window.addEventListener('pageshow', onPageShow);
    return () => window.removeEventListener('pageshow', onPageShow);
  }, []);

  const { mutate } = consent;
  const open = useCallback(
    (platform: PlatformName, reconnectId?: string) => {
      setLeaving(true);
      mutate({ platform, reconnectId }, { onError: () => setLeaving(false) });
    },
    [mutate],
  );

  return { open, leaving: leaving || consent.isPending, error: consent.error };
}
