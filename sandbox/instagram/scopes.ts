/** Instagram Login scopes (PLATFORMS.md §2.1); the old `business_*` names were retired on 2025-01-27. */
export const SCOPES = {
  basic: 'instagram_business_basic',
  publish: 'instagram_business_content_publish',
  insights: 'instagram_business_manage_insights',
  comments: 'instagram_business_manage_comments',
  messages: 'instagram_business_manage_messages',
} as const;

export const SCOPE_LABELS: Record<string, string> = {
  [SCOPES.basic]: 'Access your profile and media',
  [SCOPES.publish]: 'Publish content to your account',
  [SCOPES.insights]: 'Access insights for your content',
  [SCOPES.comments]: 'Manage comments on your content',
  [SCOPES.messages]: 'Manage your messages',
};

/** Splits a `scope` parameter: a comma-separated or (URL-encoded) space-separated list, per the docs. */
export function splitScopes(raw: string): string[] {
  return [...new Set(raw.split(/[,\s]+/).filter((s) => s.length > 0))];
}

/** Scope names this platform does not know (including the retired `business_*` ones). */
export function unknownScopes(scopes: string[]): string[] {
  return scopes.filter((s) => !(s in SCOPE_LABELS));
}
