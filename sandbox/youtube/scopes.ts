const AUTH = 'https://www.googleapis.com/auth/';

/** YouTube scope URLs, as requested in `scope` and returned in the token's `scope`. */
export const SCOPES = {
  youtube: `${AUTH}youtube`,
  upload: `${AUTH}youtube.upload`,
  readonly: `${AUTH}youtube.readonly`,
  forceSsl: `${AUTH}youtube.force-ssl`,
  partner: `${AUTH}youtubepartner`,
  analytics: `${AUTH}yt-analytics.readonly`,
} as const;

/** Every scope the sandbox's Google knows, with its consent-screen wording. */
const KNOWN_SCOPES: Record<string, string> = {
  [SCOPES.youtube]: 'Manage your YouTube account',
  [SCOPES.upload]: 'Manage your YouTube videos',
  [SCOPES.readonly]: 'View your YouTube account',
  [SCOPES.forceSsl]: 'See, edit, and permanently delete your YouTube videos, ratings, comments and captions',
  [SCOPES.partner]: 'View and manage your assets and associated content on YouTube',
  [SCOPES.analytics]: 'View YouTube Analytics reports for your YouTube content',
  openid: 'Associate you with your personal info on Google',
  email: 'See your primary Google Account email address',
  profile: 'See your personal info',
  [`${AUTH}userinfo.email`]: 'See your primary Google Account email address',
  [`${AUTH}userinfo.profile`]: 'See your personal info',
};

/** Scopes that authorize each Data API method (from the methods' reference pages). */
export const METHOD_SCOPES = {
  'videos.insert': [SCOPES.upload, SCOPES.youtube, SCOPES.forceSsl, SCOPES.partner],
  'videos.list': [SCOPES.readonly, SCOPES.youtube, SCOPES.forceSsl, SCOPES.partner],
  'channels.list': [SCOPES.readonly, SCOPES.youtube, SCOPES.forceSsl, SCOPES.partner],
  'playlistItems.list': [SCOPES.readonly, SCOPES.youtube, SCOPES.forceSsl, SCOPES.partner],
  'videoCategories.list': [SCOPES.readonly, SCOPES.youtube, SCOPES.forceSsl, SCOPES.partner],
} as const;
export type ApiMethod = keyof typeof METHOD_SCOPES;

/** Splits a space-separated scope parameter (Google's separator); empty entries are dropped. */
export function splitScopes(value: string): string[] {
  return [...new Set(value.split(' ').filter((s) => s.length > 0))];
}

/** Requested scopes Google would not recognize (a comma-separated list is one unknown scope). */
export function unknownScopes(scopes: string[]): string[] {
  return scopes.filter((s) => !(s in KNOWN_SCOPES));
}

/** The consent-screen label of a scope. */
export function scopeLabel(scope: string): string {
  return KNOWN_SCOPES[scope] ?? scope;
}

/** Whether a token with these scopes may call the method. */
export function scopesAllow(granted: readonly string[], method: ApiMethod): boolean {
  const allowed: readonly string[] = METHOD_SCOPES[method];
  return granted.some((s) => allowed.includes(s));
}
