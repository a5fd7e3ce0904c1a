import type { AccountProfile } from '../../../ports/platform-connector.js';
import { platformRefused, type PlatformResponse } from '../http.js';
import { isRecord, readTikTokEnvelope } from './tiktok-envelope.js';

/** The user fields requested from `/v2/user/info/`; all covered by `user.info.basic` (§1.1). */
export const TIKTOK_PROFILE_FIELDS = ['open_id', 'display_name', 'avatar_url'] as const;

/** The account from a `/v2/user/info/` answer (`data.user` inside the §1.2 envelope). */
export function parseTikTokProfile(response: PlatformResponse): AccountProfile {
  const what = 'Reading the TikTok profile';
  const data = readTikTokEnvelope(response, what);
  const user = data.user;
  if (!isRecord(user) || typeof user.open_id !== 'string' || user.open_id === '') {
    throw platformRefused(what, 'TikTok answered without the account id');
  }
  const displayName = typeof user.display_name === 'string' ? user.display_name.trim() : '';
  const avatarUrl = typeof user.avatar_url === 'string' && user.avatar_url !== '' ? user.avatar_url : null;
  return {
    // open_id is the id TikTok's webhooks name the account by (`user_openid`).
    externalAccountId: user.open_id,
    displayName: displayName || 'TikTok account',
    avatarUrl,
    aliases: [],
  };
}
