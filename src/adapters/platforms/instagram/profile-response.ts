import type { AccountProfile } from '../../../ports/platform-connector.js';
import { asText, isRecord } from './body-fields.js';

/** The /me fields the connector asks for (PLATFORMS.md §2.1 profile; Graph always adds the app-scoped `id`). */
export const PROFILE_FIELDS = 'user_id,username,name,account_type,profile_picture_url';

/** The account behind a token, with its kind (`BUSINESS`, `MEDIA_CREATOR`; `PERSONAL` cannot use this API). */
export interface InstagramAccount {
  profile: AccountProfile;
  accountType: string | null;
}

/**
 * Reads /me: `user_id` is the professional account id used for publishing, the app-scoped `id` becomes an alias
 * (deauthorize and data-deletion callbacks name the account by it). Null when `user_id` is missing.
 */
export function parseProfile(text: string): InstagramAccount | null {
  const body = parseKeepingIds(text);
  if (!isRecord(body)) return null;
  const accountId = asText(body.user_id);
  if (!accountId) return null;
  const appScopedId = asText(body.id);
  return {
    profile: {
      externalAccountId: accountId,
      // The username is how people recognise an Instagram account; `name` is optional on professional accounts.
      displayName: asText(body.username) ?? asText(body.name) ?? accountId,
      avatarUrl: asText(body.profile_picture_url),
      aliases: appScopedId && appScopedId !== accountId ? [appScopedId] : [],
    },
    accountType: asText(body.account_type),
  };
}

// Instagram ids (17841400000000000) exceed Number.MAX_SAFE_INTEGER: a bare number would be silently rounded by
// JSON.parse, so numeric ids are quoted before parsing.
function parseKeepingIds(text: string): unknown {
  try {
    return JSON.parse(text.replace(/"(id|user_id)"(\s*):(\s*)(-?\d+)/g, '"$1"$2:$3"$4"'));
  } catch {
    return null;
  }
}
