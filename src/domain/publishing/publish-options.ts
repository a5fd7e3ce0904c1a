import type { Platform } from '../connection.js';
import type { PlatformMetadata } from '../content.js';
import { UserError } from '../errors.js';
import { validateMetadata } from '../metadata/index.js';
import type {
  InstagramPublishOptions,
  PublishOptions,
  TiktokPrivacyLevel,
  TiktokPublishOptions,
  YoutubePrivacyStatus,
  YoutubePublishOptions,
} from './publication.js';

/** A TikTok composer's request, defaults filled in (the API's schema gives this shape). */
export interface TiktokOptionsRequest {
  mode: 'direct' | 'draft';
  privacyLevel?: TiktokPrivacyLevel | undefined;
  disableComment: boolean;
  disableDuet: boolean;
  disableStitch: boolean;
  brandOrganic: boolean;
  brandedContent: boolean;
  isAigc: boolean;
  caption?: string | undefined;
}

/** An Instagram composer's request. */
export interface InstagramOptionsRequest {
  caption?: string | undefined;
  shareToFeed: boolean;
  coverAtMs?: number | undefined;
}

/** A YouTube composer's request. */
export interface YoutubeOptionsRequest {
  title?: string | undefined;
  description?: string | undefined;
  tags?: string[] | undefined;
  categoryId: string;
  privacyStatus: YoutubePrivacyStatus;
  madeForKids: boolean;
  containsSyntheticMedia: boolean;
  publishAt?: string | undefined;
}

export type PublishOptionsRequest =
  | ({ platform: 'tiktok' } & TiktokOptionsRequest)
  | ({ platform: 'instagram' } & InstagramOptionsRequest)
  | ({ platform: 'youtube' } & YoutubeOptionsRequest);

/** What TikTok's creator_info allows this creator right now (fetched fresh before anything is sent). */
export interface TiktokCreatorRules {
  privacyLevelOptions: readonly TiktokPrivacyLevel[];
  commentDisabled: boolean;
  duetDisabled: boolean;
  stitchDisabled: boolean;
  maxVideoPostDurationSec: number;
  canPostNow: boolean;
  directPostAvailable: boolean;
  draftAvailable: boolean;
  /** Why the creator cannot post now, in plain words. */
  reason: string | null;
}

/** The version the options are for, and the moment they are checked. */
export interface PublishOptionsContext {
  metadata: PlatformMetadata;
  durationMs: number;
  /** A generated video always carries the AI label; an upload may not. */
  generated: boolean;
  now: number;
  /** Required for TikTok. */
  tiktok?: TiktokCreatorRules | null;
}

/** 400 `invalid_option`, naming the option, in words the composer can show. */
export function invalidOption(field: string, message: string): UserError {
  return new UserError('validation', 'invalid_option', message, { field });
}

/**
 * Turns a composer's request into the publication's final options: texts default to the version's platform
 * texts and stay within the same limits as generation; each platform's rules are checked here, before anything
 * reaches the platform. Throws 400 `invalid_option`.
 */
export function resolvePublishOptions(
  request: PublishOptionsRequest,
  context: PublishOptionsContext,
): PublishOptions {
  switch (request.platform) {
    case 'tiktok':
      return tiktokOptions(request, context);
    case 'instagram':
      return instagramOptions(request, context);
    case 'youtube':
      return youtubeOptions(request, context);
  }
}

function tiktokOptions(request: TiktokOptionsRequest, context: PublishOptionsContext): TiktokPublishOptions {
  const rules = context.tiktok;
  if (!rules) throw invalidOption('platform', "TikTok's creator settings could not be read; try again.");
  if (context.generated && !request.isAigc)
    throw invalidOption('isAigc', 'A generated video is always labelled as AI-generated on TikTok.');
  if (context.durationMs > rules.maxVideoPostDurationSec * 1000) {
    throw invalidOption(
      'duration',
      `This video is ${Math.ceil(context.durationMs / 1000)} s long; this TikTok account may post at most ` +
        `${rules.maxVideoPostDurationSec} s.`,
    );
  }
  const caption = request.caption ?? context.metadata.tiktok?.caption ?? '';
  checkTexts('tiktok', { tiktok: { caption, aiGenerated: request.isAigc } });
  if (request.mode === 'draft') {
    if (!rules.draftAvailable)
      throw invalidOption(
        'mode',
        'Sending to TikTok drafts needs the video.upload permission; reconnect TikTok.',
      );
    return { platform: 'tiktok', ...request, privacyLevel: null, caption };
  }
  if (!rules.directPostAvailable || !rules.canPostNow) {
    throw invalidOption(
      'mode',
      rules.reason ??
        'TikTok does not let this account post directly now; try again later or send it to drafts.',
    );
  }
  const privacy = request.privacyLevel;
  if (!privacy) throw invalidOption('privacyLevel', 'Choose who can see this TikTok post.');
  if (!rules.privacyLevelOptions.includes(privacy)) {
    throw invalidOption(
      'privacyLevel',
      `This TikTok account cannot post with privacy ${privacy}; choose one of ${rules.privacyLevelOptions.join(', ')}.`,
    );
  }
  if (request.brandedContent && privacy === 'SELF_ONLY')
    throw invalidOption('brandedContent', 'Branded content cannot be private; choose another privacy.');
  const interactions = [
    ['disableComment', request.disableComment, rules.commentDisabled, 'Comments'],
    ['disableDuet', request.disableDuet, rules.duetDisabled, 'Duets'],
    ['disableStitch', request.disableStitch, rules.stitchDisabled, 'Stitches'],
  ] as const;
  for (const [field, disabledHere, disabledByCreator, label] of interactions) {
    if (disabledByCreator && !disabledHere)
      throw invalidOption(
        field,
        `${label} are turned off for this TikTok account; they cannot be allowed here.`,
      );
  }
  return { platform: 'tiktok', ...request, privacyLevel: privacy, caption };
}

function instagramOptions(
  request: InstagramOptionsRequest,
  context: PublishOptionsContext,
): InstagramPublishOptions {
  const caption = request.caption ?? context.metadata.instagram?.caption ?? '';
  checkTexts('instagram', { instagram: { caption, aiGenerated: true } });
  const cover = request.coverAtMs ?? null;
  if (cover !== null && cover >= context.durationMs)
    throw invalidOption('coverAtMs', 'The cover frame must be within the video.');
  return { platform: 'instagram', caption, shareToFeed: request.shareToFeed, coverAtMs: cover };
}

function youtubeOptions(
  request: YoutubeOptionsRequest,
  context: PublishOptionsContext,
): YoutubePublishOptions {
  const current = context.metadata.youtube;
  const title = request.title ?? current?.title ?? '';
  const description = request.description ?? current?.description ?? '';
  const tags = request.tags ?? current?.tags ?? [];
  if (context.generated && !request.containsSyntheticMedia) {
    throw invalidOption(
      'containsSyntheticMedia',
      'A generated video is always declared as altered or synthetic content on YouTube.',
    );
  }
  checkTexts('youtube', {
    youtube: { title, description, tags, aiGenerated: request.containsSyntheticMedia },
  });
  let publishAt: string | null = null;
  if (request.publishAt !== undefined) {
    const at = Date.parse(request.publishAt);
    if (request.privacyStatus !== 'private')
      throw invalidOption(
        'publishAt',
        'YouTube releases a video at a set time only when it is uploaded private.',
      );
    if (!(at > context.now))
      throw invalidOption('publishAt', 'The YouTube release time must be in the future.');
    publishAt = new Date(at).toISOString();
  }
  return {
    platform: 'youtube',
    title,
    description,
    tags,
    categoryId: request.categoryId,
    privacyStatus: request.privacyStatus,
    madeForKids: request.madeForKids,
    containsSyntheticMedia: request.containsSyntheticMedia,
    publishAt,
  };
}

// The same limits generation applies; a problem is reported as the metadata edit reports it.
function checkTexts(platform: Platform, metadata: PlatformMetadata): void {
  const problems = validateMetadata(metadata).filter((p) => p.platform === platform);
  if (problems.length > 0)
    throw new UserError('validation', 'invalid_option', problems.map((p) => p.message).join(' '), {
      field: problems[0]?.field,
      problems,
    });
}
