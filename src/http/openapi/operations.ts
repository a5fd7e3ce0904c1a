/** The error statuses the API answers with, each with the one error body. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 414 | 415 | 429 | 503;

/** What the reference says about one operation, beyond what its route's schemas say. */
export interface OperationDoc {
  summary: string;
  tags: string[];
  /** The stable error codes a client can get, per status. */
  errors: Partial<Record<ErrorStatus, string[]>>;
}

type Errors = OperationDoc['errors'];

/** The union of several error lists, codes in order of first mention. */
function errors(...parts: Errors[]): Errors {
  const merged: Errors = {};
  for (const part of parts) {
    for (const [status, codes] of Object.entries(part) as [`${ErrorStatus}`, string[]][]) {
      const key = Number(status) as ErrorStatus;
      merged[key] = [...new Set([...(merged[key] ?? []), ...codes])];
    }
  }
  return merged;
}

// Errors shared by many operations: the session check, the CSRF rule on state-changing requests, schema checks.
const SIGNED_IN: Errors = { 401: ['unauthenticated'] };
const CHANGES_STATE: Errors = { 403: ['csrf_origin_mismatch', 'csrf_json_required'] };
const CHECKED_INPUT: Errors = { 400: ['validation_failed'] };
const JSON_BODY: Errors = errors(
  CHECKED_INPUT,
  { 400: ['invalid_json', 'payload_too_large'] },
  CHANGES_STATE,
);
const ROLE: Errors = { 403: ['forbidden'] };
const THROTTLED: Errors = { 429: ['rate_limited'] };
// Password hashes wait behind a bounded gate; past its queue the request is answered at once.
const HASHES_PASSWORD: Errors = errors(THROTTLED, { 503: ['busy'] });
// A workspace has at most WORKSPACE_QUEUE_MAX items queued or generating.
const QUEUES_WORK: Errors = { 429: ['queue_full'] };
// What a platform's answer becomes when an account is asked for something (never a 500).
const PLATFORM_ANSWERS: Errors = {
  409: [
    'connection_inactive',
    'publishing_unavailable',
    'needs_reconnect',
    'platform_refused',
    'platform_unavailable',
  ],
  429: ['platform_busy'],
};
const UPLOAD: Errors = errors(SIGNED_IN, ROLE, CHANGES_STATE, {
  400: [
    'validation_failed',
    'upload_missing',
    'upload_too_large',
    'upload_unsupported',
    'upload_corrupt',
    'upload_malformed',
    'upload_too_many_pixels',
    'upload_too_long',
    'media_unreadable',
  ],
});

/**
 * Summary, tags and error codes of every /api operation, keyed by "METHOD /api/path" as the OpenAPI document
 * writes it. One table instead of edits in every route file; a test fails when an operation is missing here or
 * a key names a route that no longer exists.
 */
export const OPERATIONS: Record<string, OperationDoc> = {
  'POST /api/auth/signup': {
    summary: 'Sign up: create an account and its first workspace',
    tags: ['auth'],
    errors: errors(JSON_BODY, HASHES_PASSWORD, { 400: ['weak_password'], 409: ['email_taken'] }),
  },
  'POST /api/auth/signin': {
    summary: 'Sign in with email and password',
    tags: ['auth'],
    errors: errors(JSON_BODY, HASHES_PASSWORD, { 401: ['invalid_credentials'] }),
  },
  'POST /api/auth/signout': {
    summary: 'Sign out and end this session',
    tags: ['auth'],
    errors: CHANGES_STATE,
  },
  'POST /api/auth/password-reset/request': {
    summary: 'Ask for a password reset link by mail',
    tags: ['auth'],
    errors: errors(JSON_BODY, THROTTLED),
  },
  'POST /api/auth/password-reset/confirm': {
    summary: 'Set a new password with a reset link',
    tags: ['auth'],
    errors: errors(JSON_BODY, HASHES_PASSWORD, { 400: ['invalid_token', 'weak_password'] }),
  },
  'GET /api/me': {
    summary: 'The signed-in person, their workspaces and the current one',
    tags: ['workspaces'],
    errors: errors(SIGNED_IN, { 404: ['workspace_not_found'] }),
  },
  'PUT /api/me/current-workspace': {
    summary: 'Switch to another of your workspaces',
    tags: ['workspaces'],
    errors: errors(SIGNED_IN, JSON_BODY, { 404: ['workspace_not_found'] }),
  },
  'POST /api/workspaces': {
    summary: 'Create a workspace you own',
    tags: ['workspaces'],
    errors: errors(SIGNED_IN, JSON_BODY),
  },
  'PATCH /api/workspaces/current': {
    summary: 'Rename the current workspace',
    tags: ['workspaces'],
    errors: errors(SIGNED_IN, JSON_BODY, ROLE),
  },
  'DELETE /api/workspaces/current': {
    summary: 'Delete the current workspace and everything in it (owners; type its name to confirm)',
    tags: ['workspaces'],
    errors: errors(SIGNED_IN, JSON_BODY, ROLE, {
      400: ['confirmation_mismatch'],
      404: ['workspace_not_found'],
    }),
  },
  'GET /api/privacy/deletion-preview': {
    summary: 'Which of your workspaces deleting your account would delete, and which it would hand over',
    tags: ['privacy'],
    errors: SIGNED_IN,
  },
  'POST /api/privacy/delete-account': {
    summary: 'Delete your account: password and the typed word DELETE; signs you out everywhere',
    tags: ['privacy'],
    errors: errors(SIGNED_IN, JSON_BODY, HASHES_PASSWORD, {
      400: ['confirmation_mismatch'],
      403: ['wrong_password'],
    }),
  },
  'GET /api/members': {
    summary: 'List the members of the current workspace',
    tags: ['members'],
    errors: errors(SIGNED_IN, CHECKED_INPUT, ROLE, { 400: ['invalid_cursor'] }),
  },
  'PATCH /api/members/{userId}': {
    summary: "Change a member's role",
    tags: ['members'],
    errors: errors(SIGNED_IN, JSON_BODY, ROLE, { 404: ['member_not_found'], 409: ['last_owner'] }),
  },
  'DELETE /api/members/{userId}': {
    summary: 'Remove a member, or leave the workspace',
    tags: ['members'],
    errors: errors(SIGNED_IN, CHECKED_INPUT, CHANGES_STATE, ROLE, {
      404: ['member_not_found'],
      409: ['last_owner'],
    }),
  },
  'GET /api/invitations': {
    summary: 'List pending invitations',
    tags: ['invitations'],
    errors: errors(SIGNED_IN, CHECKED_INPUT, ROLE, { 400: ['invalid_cursor'] }),
  },
  'POST /api/invitations': {
    summary: 'Invite someone by email with a role',
    tags: ['invitations'],
    errors: errors(SIGNED_IN, JSON_BODY, ROLE, { 409: ['already_member'], 429: ['too_many_invitations'] }),
  },
  'DELETE /api/invitations/{id}': {
    summary: 'Revoke a pending invitation',
    tags: ['invitations'],
    errors: errors(SIGNED_IN, CHECKED_INPUT, CHANGES_STATE, ROLE, { 404: ['invitation_not_found'] }),
  },
  'GET /api/invitations/preview': {
    summary: 'What an invitation link offers, before signing in',
    tags: ['invitations'],
    errors: errors(CHECKED_INPUT, { 404: ['invitation_not_found'] }),
  },
  'POST /api/invitations/accept': {
    summary: 'Accept an invitation and switch to its workspace',
    tags: ['invitations'],
    errors: errors(SIGNED_IN, JSON_BODY, {
      403: ['invitation_email_mismatch'],
      404: ['invitation_not_found'],
    }),
  },
  'GET /api/connections/platforms': {
    summary: 'Which platforms can be connected (and whether the local sandbox stands in)',
    tags: ['connections'],
    errors: SIGNED_IN,
  },
  'POST /api/connections/{platform}/authorize': {
    summary: "Start connecting an account: the platform's consent URL",
    tags: ['connections'],
    errors: errors(SIGNED_IN, JSON_BODY, ROLE, {
      400: ['platform_not_configured'],
      404: ['connection_not_found'],
    }),
  },
  'GET /api/connections': {
    summary: 'List connected accounts with masked tokens',
    tags: ['connections'],
    errors: errors(SIGNED_IN, CHECKED_INPUT, ROLE, { 400: ['invalid_cursor'] }),
  },
  'DELETE /api/connections/{id}': {
    summary: 'Disconnect an account: revoke at the platform and delete its tokens',
    tags: ['connections'],
    errors: errors(SIGNED_IN, CHECKED_INPUT, CHANGES_STATE, ROLE, { 404: ['connection_not_found'] }),
  },
  'GET /api/audit': {
    summary: 'The audit log of connection events (owners)',
    tags: ['audit'],
    errors: errors(SIGNED_IN, CHECKED_INPUT, ROLE, { 400: ['invalid_cursor'] }),
  },
  'POST /api/items': {
    summary: 'Create a video from a brief (starts generation)',
    tags: ['content'],
    errors: errors(SIGNED_IN, JSON_BODY, ROLE, QUEUES_WORK, { 400: ['music_not_found'] }),
  },
  'POST /api/items/series': {
    summary: 'Create a series of videos from a list of briefs or a CSV',
    tags: ['content'],
    errors: errors(SIGNED_IN, JSON_BODY, ROLE, QUEUES_WORK, {
      400: [
        'series_empty',
        'series_too_long',
        'brief_invalid',
        'csv_invalid',
        'csv_empty',
        'csv_no_topic',
        'music_not_found',
      ],
    }),
  },
  'POST /api/items/upload': {
    summary: 'Upload a finished video as a new item (multipart)',
    tags: ['content'],
    errors: errors(UPLOAD, QUEUES_WORK),
  },
  'GET /api/items': {
    summary: 'List content items, by status or title search',
    tags: ['content'],
    errors: errors(SIGNED_IN, CHECKED_INPUT, ROLE, { 400: ['invalid_cursor'] }),
  },
  'GET /api/items/{id}': {
    summary: 'One content item with its versions',
    tags: ['content'],
    errors: errors(SIGNED_IN, CHECKED_INPUT, ROLE, { 404: ['item_not_found'] }),
  },
  'POST /api/items/{id}/versions': {
    summary: 'Edit script, captions or platform texts into a new version',
    tags: ['content'],
    errors: errors(SIGNED_IN, JSON_BODY, ROLE, QUEUES_WORK, {
      400: ['edit_not_applicable', 'invalid_metadata'],
      404: ['item_not_found'],
      409: ['generation_in_progress'],
    }),
  },
  'POST /api/items/{id}/retry': {
    summary: 'Retry a failed generation',
    tags: ['content'],
    errors: errors(SIGNED_IN, CHECKED_INPUT, CHANGES_STATE, ROLE, QUEUES_WORK, {
      404: ['item_not_found'],
      409: ['not_failed'],
    }),
  },
  'GET /api/items/{id}/events': {
    summary: "Live progress of an item's generation (server-sent events)",
    tags: ['content'],
    errors: errors(SIGNED_IN, CHECKED_INPUT, ROLE, {
      404: ['item_not_found'],
      429: ['too_many_streams'],
    }),
  },
  'POST /api/library': {
    summary: 'Add a picture, clip or audio file to the media library (multipart)',
    tags: ['library'],
    errors: UPLOAD,
  },
  'GET /api/library': {
    summary: "List the workspace's media library",
    tags: ['library'],
    errors: errors(SIGNED_IN, CHECKED_INPUT, ROLE, { 400: ['invalid_cursor'] }),
  },
  'GET /api/library/limits': {
    summary: 'The largest file the media library accepts',
    tags: ['library'],
    errors: SIGNED_IN,
  },
  'GET /api/library/{id}': {
    summary: 'One file of the media library',
    tags: ['library'],
    errors: errors(SIGNED_IN, CHECKED_INPUT, ROLE, { 404: ['media_asset_not_found'] }),
  },
  'DELETE /api/library/{id}': {
    summary: 'Delete a file from the media library',
    tags: ['library'],
    errors: errors(SIGNED_IN, CHECKED_INPUT, CHANGES_STATE, ROLE, { 404: ['media_asset_not_found'] }),
  },
  'GET /api/connections/{id}/publish-options': {
    summary:
      'What the composer of this account needs, fresh from the platform (TikTok creator_info, YouTube categories, Instagram quota)',
    tags: ['publishing'],
    errors: errors(SIGNED_IN, CHECKED_INPUT, ROLE, PLATFORM_ANSWERS, { 404: ['connection_not_found'] }),
  },
  'POST /api/publications': {
    summary:
      'Publish an approved version to one account, now or at a time (Idempotency-Key makes a repeat return the first)',
    tags: ['publishing'],
    errors: errors(SIGNED_IN, JSON_BODY, ROLE, PLATFORM_ANSWERS, {
      400: ['invalid_option', 'invalid_idempotency_key'],
      404: ['version_not_found', 'connection_not_found', 'item_not_found'],
      409: ['not_approved'],
    }),
  },
  'GET /api/publications': {
    summary: 'List publications by planned time, newest first (filter by status, account, item, time range)',
    tags: ['publishing'],
    errors: errors(SIGNED_IN, CHECKED_INPUT, ROLE, { 400: ['invalid_cursor'] }),
  },
  'GET /api/publications/{id}': {
    summary: 'One publication with its status, link and timeline',
    tags: ['publishing'],
    errors: errors(SIGNED_IN, CHECKED_INPUT, ROLE, { 404: ['publication_not_found'] }),
  },
  'POST /api/publications/{id}/retry': {
    summary: 'Send a failed publication, or one waiting for a reconnect, again (it resumes where it stopped)',
    tags: ['publishing'],
    errors: errors(SIGNED_IN, CHECKED_INPUT, CHANGES_STATE, ROLE, {
      404: ['publication_not_found'],
      409: ['not_retriable'],
    }),
  },
  'DELETE /api/publications/{id}': {
    summary: 'Cancel a publication before its upload begins',
    tags: ['publishing'],
    errors: errors(SIGNED_IN, CHECKED_INPUT, CHANGES_STATE, ROLE, {
      404: ['publication_not_found'],
      409: ['publication_started'],
    }),
  },
  'PATCH /api/publications/{id}': {
    summary: 'Move a publication to another time before its upload begins',
    tags: ['publishing'],
    errors: errors(SIGNED_IN, JSON_BODY, ROLE, {
      400: ['invalid_option'],
      404: ['publication_not_found'],
      409: ['publication_started'],
    }),
  },
  'GET /api/analytics/dashboard': {
    summary:
      'Analytics dashboard: totals per platform and account, views gained per day, the leaderboard by views at 7 days, videos without numbers by state',
    tags: ['analytics'],
    errors: errors(SIGNED_IN, CHECKED_INPUT, ROLE, { 400: ['invalid_range'] }),
  },
  'GET /api/analytics/videos': {
    summary:
      'Tracked videos with their newest numbers, newest published first (filter by platform, account, series, date)',
    tags: ['analytics'],
    errors: errors(SIGNED_IN, CHECKED_INPUT, ROLE, { 400: ['invalid_range', 'invalid_cursor'] }),
  },
  'GET /api/analytics/videos/{id}': {
    summary: 'One tracked video with every reading of its numbers, oldest first',
    tags: ['analytics'],
    errors: errors(SIGNED_IN, CHECKED_INPUT, ROLE, { 404: ['tracked_video_not_found'] }),
  },
  'GET /api/analytics/export': {
    summary:
      "Every reading of every matching video with the video's generation parameters, as a CSV or JSON file",
    tags: ['analytics'],
    errors: errors(SIGNED_IN, CHECKED_INPUT, ROLE, { 400: ['invalid_range'] }),
  },
  'GET /api/music/builtin': {
    summary: 'The built-in music tracks, with preview links',
    tags: ['music'],
    errors: errors(SIGNED_IN, ROLE),
  },
  'POST /api/versions/{id}/review': {
    summary: 'Submit a version for review, or approve or reject it with a comment',
    tags: ['review'],
    errors: errors(SIGNED_IN, JSON_BODY, ROLE, {
      400: ['comment_required'],
      403: ['self_approval_not_allowed'],
      404: ['version_not_found'],
      409: [
        'review_not_pending',
        'review_already_pending',
        'review_already_approved',
        'version_not_rendered',
      ],
    }),
  },
  'GET /api/versions/{id}/review': {
    summary: "A version's review state and history (state null when never submitted)",
    tags: ['review'],
    errors: errors(SIGNED_IN, CHECKED_INPUT, ROLE, { 404: ['version_not_found'] }),
  },
  'GET /api/review': {
    summary: 'The review queue, most recently changed first, optionally one state',
    tags: ['review'],
    errors: errors(SIGNED_IN, CHECKED_INPUT, ROLE, { 400: ['invalid_cursor'] }),
  },
  'GET /api/workspaces/current/settings': {
    summary: "The current workspace's settings",
    tags: ['workspaces'],
    errors: errors(SIGNED_IN, ROLE),
  },
  'PATCH /api/workspaces/current/settings': {
    summary: "Change the current workspace's settings (owners): the review rule and retention",
    tags: ['workspaces'],
    errors: errors(SIGNED_IN, JSON_BODY, ROLE, { 404: ['workspace_not_found'] }),
  },
  'GET /api/analytics/recommendations': {
    summary:
      'Recommendation cards (best level of each factor, its effect with an 80 % range, the chance it is best, a ' +
      "verdict) and the next video's likely views as 20 quantiles; for the workspace or one account",
    tags: ['analytics'],
    errors: errors(SIGNED_IN, CHECKED_INPUT, ROLE, { 404: ['connection_not_found'] }),
  },
  'POST /api/analytics/next-briefs': {
    summary:
      'Levels for the next briefs: the model picks each, pinned factors kept; a share explores where it is unsure',
    tags: ['analytics'],
    errors: errors(SIGNED_IN, JSON_BODY, ROLE, {
      400: ['invalid_pin'],
      404: ['connection_not_found'],
      409: ['not_enough_videos'],
    }),
  },
  'POST /api/privacy/exports': {
    summary:
      'Start a copy of your data (a ZIP made in the background); while one is under way, answers with that one',
    tags: ['privacy'],
    errors: errors(SIGNED_IN, CHANGES_STATE),
  },
  'GET /api/privacy/exports/latest': {
    summary: 'Your newest copy of your data, or null',
    tags: ['privacy'],
    errors: SIGNED_IN,
  },
  'GET /api/privacy/exports/{id}': {
    summary:
      'Where a copy of your data stands: status, progress, and when ready the download link and its expiry',
    tags: ['privacy'],
    errors: errors(SIGNED_IN, CHECKED_INPUT, { 404: ['data_export_not_found'] }),
  },
  'GET /api/privacy/exports/{id}/download': {
    summary: 'Download the ZIP: needs the signed link and a session of the same account; valid 7 days',
    tags: ['privacy'],
    errors: errors(SIGNED_IN, CHECKED_INPUT, {
      403: ['export_expired', 'export_link_invalid'],
      404: ['data_export_not_found'],
      409: ['export_not_ready'],
    }),
  },
};
