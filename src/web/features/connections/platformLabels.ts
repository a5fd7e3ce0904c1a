import type { ConnectionView, PlatformName } from '../../../api/connections.js';

export const platformOrder: readonly PlatformName[] = ['tiktok', 'instagram', 'youtube'];

export const platformLabels: Record<PlatformName, string> = {
  tiktok: 'TikTok',
  instagram: 'Instagram',
  youtube: 'YouTube',
};

type Status = ConnectionView['status'];

export const statusLabels: Record<Status, string> = {
  active: 'Active',
  needs_reconnect: 'Needs reconnect',
  revoked: 'Revoked',
};

/** What each status means for the person, in plain words; only owners and editors can act on it. */
export function statusExplanation(status: Status, platform: PlatformName, canManage: boolean): string | null {
  const name = platformLabels[platform];
  const next = canManage ? 'Reconnect it' : 'An owner or editor has to reconnect it';
  if (status === 'needs_reconnect')
    return `AI Factory can no longer use this ${name} account. ${next} to publish again.`;
  if (status === 'revoked')
    return `Access to this account was withdrawn on ${name}. ${next} to use it again.`;
  return null;
}

// Plain words for the permissions AI Factory asks for; anything else is shown as the platform names it.
const scopeLabels: Record<string, string> = {
  'user.info.basic': 'See the profile',
  'video.publish': 'Publish videos',
  'video.upload': 'Upload drafts',
  'video.list': 'Read published videos',
  instagram_business_basic: 'See the profile',
  instagram_business_content_publish: 'Publish posts and reels',
  instagram_business_manage_insights: 'Read insights',
  'https://www.googleapis.com/auth/youtube.upload': 'Upload videos',
  'https://www.googleapis.com/auth/youtube.readonly': 'See the channel and its videos',
};

/** Google scopes are long URLs; the last part is the name people recognise. */
export function shortScope(scope: string): string {
  return scope.replace(/^https:\/\/www\.googleapis\.com\/auth\//, '');
}

export function scopeLabel(scope: string): string {
  return scopeLabels[scope] ?? shortScope(scope);
}
