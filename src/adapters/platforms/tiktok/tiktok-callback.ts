import type { CallbackResult } from '../../../ports/platform-connector.js';
import { splitTikTokScopes } from './tiktok-token.js';

/**
 * Reads TikTok's redirect back (§1.1): `?code=…&scopes=<granted>&state=…` or `?error=…&error_description=…`.
 * The query arrives already URL-decoded by the HTTP layer, which is the decoding TikTok's `code` needs.
 */
export function parseTikTokCallback(query: Record<string, string | undefined>): CallbackResult {
  const state = query.state || null;
  if (query.error) {
    return { ok: false, state, error: query.error, description: query.error_description || query.error };
  }
  if (!query.code) {
    return {
      ok: false,
      state,
      error: 'invalid_request',
      description: 'TikTok sent back neither a code nor an error',
    };
  }
  // Without the state the callback cannot be tied to the person who started it, so the code is not used.
  if (!state) {
    return { ok: false, state: null, error: 'invalid_request', description: 'TikTok sent back no state' };
  }
  return {
    ok: true,
    code: query.code,
    state,
    grantedScopes: query.scopes ? splitTikTokScopes(query.scopes) : null,
  };
}
