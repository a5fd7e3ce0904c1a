import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { platformSchema } from '../../../api/connections.js';
import { platformLabels } from './platformLabels.js';

export interface Notice {
  ok: boolean;
  text: string;
}

// The message arrives in the address, where anyone could write one: keep it to a sentence or two.
const MAX_MESSAGE_LENGTH = 300;

/** Reads `?platform=…&status=connected|error&message=…`, where the OAuth callback sends people back. */
export function readCallbackOutcome(search: string): Notice | null {
  const params = new URLSearchParams(search);
  const status = params.get('status');
  if (status !== 'connected' && status !== 'error') return null;
  const platform = platformSchema.safeParse(params.get('platform'));
  const name = platform.success ? platformLabels[platform.data] : 'The platform';
  const message = (params.get('message') ?? '').trim().slice(0, MAX_MESSAGE_LENGTH);
  if (status === 'connected') return { ok: true, text: message || `${name} account connected.` };
  return { ok: false, text: message || `${name} account could not be connected.` };
}

/** The outcome of the consent round trip, shown once: the query string is dropped so a reload does not repeat it. */
export function useCallbackOutcome(): Notice | null {
  const location = useLocation();
  const navigate = useNavigate();
  const [outcome] = useState(() => readCallbackOutcome(location.search));

  useEffect(() => {
    if (!readCallbackOutcome(location.search)) return;
    // replace: swaps the entry (history.replaceState) so Back does not bring the message back either.
    // The hash goes too: Instagram, like Meta's real one, appends "#_" to its redirect.
    void navigate({ pathname: location.pathname }, { replace: true });
  }, [location.search, location.pathname, navigate]);

  return outcome;
}
