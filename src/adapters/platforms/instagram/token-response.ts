import { asNumber, asText, isRecord } from './body-fields.js';

/** The short-lived token call's answer (PLATFORMS.md §2.1), valid for about an hour. */
export interface ShortLivedToken {
  accessToken: string;
  /** Granted permissions when Meta lists them (the person may untick optional ones); null when absent. */
  permissions: string[] | null;
}

/** The answer of ig_exchange_token and ig_refresh_token: a long-lived token with its lifetime in seconds. */
export interface LongLivedToken {
  accessToken: string;
  expiresIn: number | null;
}

/** Reads the short-lived token body, flat or wrapped in `{"data":[{…}]}` (both are documented); null if unusable. */
export function parseShortLivedToken(body: unknown): ShortLivedToken | null {
  const fields = unwrapData(body);
  const accessToken = asText(fields?.access_token);
  if (!fields || !accessToken) return null;
  return { accessToken, permissions: readPermissions(fields.permissions) };
}

/** Reads a long-lived token body (`access_token`, `token_type`, `expires_in`); null if unusable. */
export function parseLongLivedToken(body: unknown): LongLivedToken | null {
  const fields = unwrapData(body);
  const accessToken = asText(fields?.access_token);
  if (!fields || !accessToken) return null;
  const expiresIn = asNumber(fields.expires_in);
  return { accessToken, expiresIn: expiresIn !== null && expiresIn > 0 ? expiresIn : null };
}

function unwrapData(body: unknown): Record<string, unknown> | null {
  if (!isRecord(body)) return null;
  if (!Array.isArray(body.data)) return body;
  const first: unknown = body.data[0];
  return isRecord(first) ? first : null;
}

// Documented as a JSON array; a comma-separated string has also been seen, so accept both.
function readPermissions(value: unknown): string[] | null {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : null;
  if (!list) return null;
  return list.filter((p): p is string => typeof p === 'string' && p.trim() !== '').map((p) => p.trim());
}
