import type { Platform } from '../domain/connection.js';
import type {
  PublishCheckpoint,
  PublishOptions,
  TiktokPrivacyLevel,
} from '../domain/publishing/publication.js';

/** What a composer needs to offer only what the platform will take, fetched fresh when it opens. */
export type PublishOptionsInfo =
  | {
      platform: 'tiktok';
      creator: { nickname: string; username: string; avatarUrl: string | null };
      privacyLevelOptions: TiktokPrivacyLevel[];
      commentDisabled: boolean;
      duetDisabled: boolean;
      stitchDisabled: boolean;
      maxVideoPostDurationSec: number;
      /** False when the creator cannot post now (daily cap, ban); `reason` says why in plain words. */
      canPostNow: boolean;
      /** Direct Post needs the video.publish scope and a creator who can post now. */
      directPostAvailable: boolean;
      /** Drafts (inbox upload) need the video.upload scope. */
      draftAvailable: boolean;
      /** True when TikTok offers only SELF_ONLY because the app has not passed its audit. */
      unauditedApp: boolean;
      reason: string | null;
    }
  | {
      platform: 'instagram';
      /** Publishes left in the rolling 24 h window (content_publishing_limit). */
      quotaTotal: number;
      quotaUsage: number;
      quotaLeft: number;
    }
  | {
      platform: 'youtube';
      categories: { id: string; title: string }[];
      /** True when a publishAt release may be set (the video is then uploaded private). */
      canSchedule: boolean;
    };

/** The approved file, ready to be sent. */
export interface PublishVideo {
  /** Absolute path; publishers stream it and never read it whole. */
  path: string;
  sizeBytes: number;
  durationMs: number;
  /** A signed, expiring https URL under PUBLIC_BASE_URL that serves exactly this file (Instagram fetches it). */
  publicUrl: string;
  /** Cover frame chosen at generation, ms. */
  coverAtMs: number;
}

/** The publication's saved platform-side state, and how a publisher records its progress. */
export interface PublishJournal {
  /** The platform-side state saved so far (empty on a first run). */
  readonly remote: PublishCheckpoint['remote'];
  /**
   * Merges `patch` into the saved state and appends a journal entry; resolves once it is stored. Called before
   * and after every call that changes the platform (init, container create, session create, media_publish).
   */
  record(step: string, phase: 'before' | 'after', patch?: PublishCheckpoint['remote']): Promise<void>;
  /** Moves the person-visible status to uploading or processing, with a short detail (stored). */
  status(status: 'uploading' | 'processing', detail: string): Promise<void>;
}

export type PublishStepResult =
  /** The platform is working on it (processing, moderation): call `advance` again after `checkAgainInMs`. */
  | { kind: 'wait'; checkAgainInMs: number; detail: string }
  /**
   * It is out. `postId`/`url` may be null while the platform has not told them yet (TikTok moderation); with
   * `awaitingPostId`, call `advance` again later (bounded by the service) to learn them.
   */
  | {
      kind: 'published';
      postId: string | null;
      url: string | null;
      detail: string;
      awaitingPostId: boolean;
    };

/** One step of one publication, as a publisher receives it. */
export interface PublishAdvanceInput {
  accessToken: string;
  options: PublishOptions;
  video: PublishVideo;
  journal: PublishJournal;
}

/**
 * Publishes approved videos to one platform. Implementations reach the platform only through the configured base
 * URLs (and URLs it returned), and throw PublishFailure (domain/publishing/publish-failure) for every refusal,
 * mapped by that platform's error table.
 */
export interface PlatformPublisher {
  readonly platform: Platform;
  /** What the composer needs, fresh from the platform (TikTok creator_info, YouTube categories, IG quota). */
  publishOptions(accessToken: string): Promise<PublishOptionsInfo>;
  /**
   * Moves the publication forward from its journal: starts it, resumes an interrupted upload, or checks on it.
   * A call that changed the platform is never repeated before the platform was asked whether it took effect;
   * a stored post id means it is published and the platform is not called to publish again.
   */
  advance(input: PublishAdvanceInput): Promise<PublishStepResult>;
}

/** The publishers this run has, by platform. */
export type PublisherSet = Partial<Record<Platform, PlatformPublisher>>;
