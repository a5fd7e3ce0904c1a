/**
 * Every kind of record AI Factory keeps about a person and their workspaces: one list that the data export writes
 * (one file per kind), the privacy policy names (with why it is kept and for how long), and deletion covers.
 * A new kind of personal record is added here first; the export and the policy tests then ask for it.
 */
export interface DataKind {
  /** Stable id, also the export's file name without `.json`. */
  id: string;
  /** What it is, in the policy's words. */
  title: string;
  /** Why the product keeps it. */
  purpose: string;
  /** How long it is kept, before the person deletes it. */
  retention: string;
}

export const DATA_KINDS = [
  {
    id: 'account',
    title:
      'Your account: email address, name, when you signed up (never your password, only a salted hash of it)',
    purpose: 'To sign you in and to write to you about your account',
    retention: 'Until you delete your account',
  },
  {
    id: 'sessions',
    title: 'Your sign-in sessions: when each began and when it ends',
    purpose: 'To keep you signed in, and to sign you out everywhere on request',
    retention: 'Until the session ends (SESSION_TTL_DAYS) or you sign out',
  },
  {
    id: 'memberships',
    title: 'The workspaces you belong to and your role in each',
    purpose: 'To decide what you may see and do',
    retention: 'Until you leave the workspace, are removed, or delete your account',
  },
  {
    id: 'workspaces',
    title: 'Workspaces you own: name and settings (approval rule, retention choices)',
    purpose: 'To run the workspace as you set it up',
    retention: 'Until the workspace or your account is deleted',
  },
  {
    id: 'invitations',
    title: 'Invitations you sent, and invitations sent to your email address',
    purpose: 'To let the people you invite join your workspace',
    retention:
      'Until accepted or expired, then kept as a record of who joined until the workspace is deleted',
  },
  {
    id: 'connections',
    title:
      'Connected platform accounts: platform, account id, display name, avatar, granted scopes, status; access and refresh tokens encrypted in the token vault (shown and exported only masked)',
    purpose: 'To publish on your behalf and to read the public statistics of what was published',
    retention:
      'Until you disconnect the account or delete the workspace; its tokens are deleted as soon as access is revoked on the platform',
  },
  {
    id: 'items',
    title: 'Content items: your briefs, titles, series and status',
    purpose: 'To make the videos you asked for',
    retention: 'Until you delete the workspace or your account',
  },
  {
    id: 'versions',
    title:
      'Versions of each item: script, captions, per-platform captions/titles/hashtags and generation parameters',
    purpose: 'To show, review and publish exactly the version you approved, and to learn what works',
    retention: 'Until you delete the workspace or your account',
  },
  {
    id: 'reviews',
    title: 'Review decisions: who submitted, approved or rejected which version, and when',
    purpose: 'So nothing is published without a person approving that exact version',
    retention: 'Until you delete the workspace or your account',
  },
  {
    id: 'publications',
    title:
      'Publications: where and when each video was (or will be) published, its settings, status and post id',
    purpose: 'To publish on schedule and show what happened',
    retention: 'Until you delete the workspace or your account',
  },
  {
    id: 'stats',
    title:
      'Public statistics of published videos (views, likes, comments, shares over time) and of earlier posts of connected accounts',
    purpose: 'To show how videos do and to recommend what to make next',
    retention:
      'Until the workspace is deleted; on disconnect, kept or deleted as the workspace retention setting says',
  },
  {
    id: 'recommendations',
    title: 'Recommendations worked out from those statistics',
    purpose: 'To shape the next briefs',
    retention: 'Worked out when shown; follows the statistics they come from',
  },
  {
    id: 'audit-events',
    title: 'Audit events: connections made, refreshed, revoked and disconnected, with who did it',
    purpose: 'So owners can see what happened to their accounts and tokens',
    retention: 'Until you delete the workspace or your account',
  },
  {
    id: 'media',
    title:
      'Media files: videos, covers and voice-overs the product made, videos and pictures you uploaded, and their descriptions',
    purpose: 'To make, preview and publish your videos',
    retention:
      'Until you delete the workspace or your account; renders of unpublished items as the workspace retention setting says',
  },
  {
    id: 'exports',
    title: 'Copies of your data you asked for (a ZIP file and when it expires)',
    purpose: 'To give you a copy of your data',
    retention: 'Seven days, then the file is deleted',
  },
] as const satisfies readonly DataKind[];

export type DataKindId = (typeof DATA_KINDS)[number]['id'];
