import type { DataKindId } from '../../domain/privacy/data-kinds.js';

/** One list of records in an export file: what it holds and what each field means. */
export interface ExportSection {
  about: string;
  /** Field name → meaning. Only these fields are written: a field not described here never leaves. */
  fields: Record<string, string>;
}

const ID = 'Identifier of this record';
const WORKSPACE = 'The workspace it belongs to';
const CREATED = 'When it was created (UTC, ISO 8601)';
const UPDATED = 'When it last changed (UTC)';

/**
 * Every file of the export, its sections and every field, in the README's words. The builders write exactly these
 * fields (see `pickFields`), and the README is generated from this table, so the two cannot drift.
 */
export const EXPORT_FILES: Record<DataKindId, Record<string, ExportSection>> = {
  account: {
    account: {
      about: 'Your account (never your password or its hash)',
      fields: {
        id: 'Your user id',
        email: 'Your email address',
        name: 'Your name',
        createdAt: 'When you signed up',
      },
    },
  },
  sessions: {
    sessions: {
      about:
        'Your sign-in sessions still kept (their secret identifiers are left out: they would sign you in)',
      fields: {
        createdAt: 'When you signed in',
        expiresAt: 'When the session ends',
        currentWorkspaceId: 'The workspace the session had open',
      },
    },
  },
  memberships: {
    memberships: {
      about: 'Every workspace you belong to, yours or someone else’s',
      fields: {
        workspaceId: 'The workspace',
        workspaceName: 'Its name',
        role: 'Your role there: owner, editor, reviewer or viewer',
        joinedAt: 'When you joined',
      },
    },
  },
  workspaces: {
    workspaces: {
      about: 'Workspaces you own; everything below covers them in full',
      fields: {
        id: 'The workspace id',
        name: 'Its name',
        createdAt: CREATED,
        settings:
          'Its rules (requireOtherApprover: nobody approves their own version); null when never changed',
      },
    },
  },
  invitations: {
    sent: {
      about:
        'Invitations sent from workspaces you own. The address is shown while the invitation was not accepted; once accepted, the person is named by user id only',
      fields: {
        id: ID,
        workspaceId: WORKSPACE,
        email: 'The invited address; null once accepted',
        role: 'The role offered',
        invitedBy: 'User id of who sent it',
        createdAt: 'When it was sent',
        expiresAt: 'When it stops working',
        acceptedAt: 'When it was accepted, or null',
        acceptedBy: 'User id of who accepted it, or null',
      },
    },
    received: {
      about: 'Invitations sent to your email address, from any workspace',
      fields: {
        id: ID,
        workspaceId: 'The workspace you were invited to',
        role: 'The role offered',
        invitedBy: 'User id of who sent it',
        createdAt: 'When it was sent',
        expiresAt: 'When it stops working',
        acceptedAt: 'When it was accepted, or null',
      },
    },
  },
  connections: {
    connections: {
      about:
        'Platform accounts connected to workspaces you own. Access and refresh tokens are never exported, only masked (first and last 4 characters)',
      fields: {
        id: ID,
        workspaceId: WORKSPACE,
        platform: 'tiktok, instagram or youtube',
        externalAccountId: "The account's id on the platform",
        displayName: 'The account name shown',
        avatarUrl: "The account's picture, or null",
        scopes: 'Permissions granted to AI Factory',
        status: 'active, needs_reconnect or revoked',
        accessTokenExpiresAt: 'When the access token expires',
        refreshTokenExpiresAt: 'When the refresh token expires, or null',
        maskedAccessToken: 'The access token, masked',
        maskedRefreshToken: 'The refresh token, masked, or null',
        lastRefreshedAt: 'When the tokens were last refreshed',
        lastError: 'The last problem with the account, or null',
        nextRefreshAt: 'When the next refresh is planned, or null',
        sandbox: 'True when it is an account of the local sandbox, not the real platform',
        aliases: 'Other ids the platform uses for the account',
        createdAt: 'When it was connected',
        updatedAt: UPDATED,
      },
    },
  },
  items: {
    items: {
      about: 'Content items of workspaces you own, and the items you created in other workspaces',
      fields: {
        id: ID,
        workspaceId: WORKSPACE,
        title: 'Its title',
        source: 'generated (made from a brief) or upload (a video you uploaded)',
        brief: 'The brief: topic, platforms, language, style and the other choices it was made with',
        seriesId: 'The series it was made in, or null',
        status: 'queued, generating, ready or failed',
        currentVersionId: 'The version shown now, or null',
        failure: 'The stage that failed and why, or null',
        createdBy: 'User id of who created it',
        createdAt: CREATED,
        updatedAt: UPDATED,
      },
    },
  },
  versions: {
    versions: {
      about: 'Every version of those items, with the parameters it was generated with',
      fields: {
        id: ID,
        itemId: 'The item',
        workspaceId: WORKSPACE,
        number: 'Version number within the item (1, 2, …)',
        contentHash: 'Hash of everything that determines the video',
        outputs:
          'What each stage made: script, voice timings, visuals, captions, per-platform texts, media keys',
        edits: 'Edits this version was made with (script, caption words, platform texts)',
        parameters: 'Generation parameters (the learning loop reads them)',
        stageLog: 'Per stage: whether it ran or came from the cache, and how long it took (ms)',
        createdAt: CREATED,
      },
    },
  },
  reviews: {
    reviews: {
      about: 'Review of versions in workspaces you own',
      fields: {
        versionId: 'The version reviewed',
        itemId: 'Its item',
        workspaceId: WORKSPACE,
        state: 'pending, approved or rejected',
        submittedBy: 'User id of who submitted it',
        submittedAt: 'When',
        decidedBy: 'User id of who approved or rejected it, or null',
        decidedAt: 'When, or null',
        comment: 'The decision comment, or null',
        seal: 'What an approval is bound to: content hash, video file hash, platform text hashes; or null',
        history: 'Every decision, oldest first (action, by, at, comment)',
        updatedAt: UPDATED,
      },
    },
  },
  publications: {
    publications: {
      about:
        'Publications from workspaces you own (upload checkpoints and internal job fields are left out; they hold platform upload addresses)',
      fields: {
        id: ID,
        workspaceId: WORKSPACE,
        itemId: 'The item published',
        versionId: 'The exact version published',
        connectionId: 'The connected account it went to',
        platform: 'tiktok, instagram or youtube',
        status: 'scheduled, queued, uploading, processing, published, failed, needs_action or canceled',
        options: 'Texts and settings sent to the platform (caption, privacy, title, tags, …)',
        scheduledAt: 'When it was planned, or null for now',
        timeZone: 'The time zone it was planned in, or null',
        startedAt: 'When publishing began, or null',
        publishedAt: 'When it went out, or null',
        attempts: 'Runs of the publish job',
        platformRef: "The platform's handle for the upload, or null",
        platformPostId: "The post's id on the platform, or null",
        url: "The post's address, or null",
        error: 'Why it failed (code, message, retriable), or null',
        deferral: 'Why and until when it waited for a platform limit, or null',
        timeline: 'Every status it went through, with when and why',
        createdBy: 'User id of who published it',
        createdAt: CREATED,
        updatedAt: UPDATED,
      },
    },
  },
  stats: {
    videos: {
      about:
        'Videos of connected accounts whose public numbers are followed (published here, or earlier posts)',
      fields: {
        id: ID,
        workspaceId: WORKSPACE,
        connectionId: 'The connected account',
        platform: 'tiktok, instagram or youtube',
        platformPostId: "The post's id on the platform",
        source: 'published (by AI Factory) or imported (an earlier post)',
        publicationId: 'The publication, or null',
        itemId: 'The item, or null',
        versionId: 'The version, or null',
        seriesId: 'The series, or null',
        title: 'Its title',
        url: 'Its address, or null',
        durationSec: 'Its length in seconds, or null',
        publishedAt: 'When it went out',
        factors: 'What it was made with, as the learning loop sees it',
        nextSnapshotAt: 'When its numbers are read next, or null',
        nextSnapshotAgeHours: 'Its age then, in hours, or null',
        latest: 'The newest numbers (views, likes, comments, shares, extra), or null',
        latestAt: 'When they were read, or null',
        latestState: 'ok, no_stats, lagging or missing, or null',
        viewsAt7d: 'Views at 7 days, or null',
        createdAt: CREATED,
        updatedAt: UPDATED,
      },
    },
    snapshots: {
      about: 'Every reading of those numbers (append-only)',
      fields: {
        id: ID,
        workspaceId: WORKSPACE,
        trackedVideoId: 'The video',
        connectionId: 'The connected account',
        platform: 'tiktok, instagram or youtube',
        scheduledAgeHours: 'The planned age of the reading, in hours',
        ageHours: 'Its actual age, in hours',
        takenAt: 'When it was read',
        state: 'ok, no_stats, lagging or missing',
        counters: 'Views, likes, comments, shares and platform extras; null unless ok',
        reason: 'Why there are no numbers, or null',
      },
    },
  },
  recommendations: {
    recommendations: {
      about:
        'Recommendations for each workspace you own, worked out from its statistics when the export was made',
      fields: {
        workspaceId: WORKSPACE,
        cards: 'Best level of each factor, its effect with an 80 % range, the chance it is best, a verdict',
        nextVideo: "The next video's likely views (quantiles), or null",
        observations: 'Videos with views the model learned from',
        fittedAt: 'When it was worked out',
        emptyReason: 'Why there are no cards yet, or null',
      },
    },
  },
  'audit-events': {
    events: {
      about: 'The audit log of workspaces you own: connections made, refreshed, revoked and disconnected',
      fields: {
        id: ID,
        workspaceId: WORKSPACE,
        type: 'What happened',
        platform: 'tiktok, instagram or youtube',
        connectionId: 'The connection, or null',
        externalAccountId: "The account's id on the platform, or null",
        actorUserId: 'User id of who did it, or null for the product itself',
        detail: 'Details in plain words',
        createdAt: 'When',
      },
    },
  },
  media: {
    assets: {
      about: 'Your media library (pictures, clips and music uploaded to workspaces you own)',
      fields: {
        id: ID,
        workspaceId: WORKSPACE,
        mediaKey: "The file's key; the file is in this ZIP under media/",
        kind: 'image, video or audio',
        filename: 'Its file name when uploaded',
        sizeBytes: 'Its size in bytes',
        width: 'Width in pixels (0 for audio)',
        height: 'Height in pixels (0 for audio)',
        durationMs: 'Length in ms, or null for pictures',
        tags: 'Words it is matched by',
        createdAt: 'When it was uploaded',
      },
    },
    files: {
      about:
        'Every media file of workspaces you own (renders, covers, voice-overs, uploads, library), as stored, under media/ in this ZIP',
      fields: {
        path: 'Where it is in this ZIP',
        workspaceId: WORKSPACE,
        sizeBytes: 'Its size in bytes',
      },
    },
  },
  exports: {
    exports: {
      about: 'Copies of your data you asked for, this one included',
      fields: {
        id: ID,
        status: 'queued, running, ready, failed or expired',
        createdAt: 'When you asked',
        readyAt: 'When it was ready, or null',
        expiresAt: 'When its link stops working and the file is deleted, or null',
        sizeBytes: 'Size of the ZIP in bytes, or null',
        error: 'Why it failed, or null',
      },
    },
  },
};

/** The record with exactly the described fields of a section (absent ones as null), in the table's order. */
export function pickFields(section: ExportSection, record: object): Record<string, unknown> {
  const source = record as Record<string, unknown>;
  return Object.fromEntries(Object.keys(section.fields).map((key) => [key, source[key] ?? null]));
}
