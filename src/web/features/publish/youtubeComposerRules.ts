import { validateMetadata } from '../../../domain/metadata/validate-metadata.js';

/** Field name → what is wrong with it; undefined when nothing is. */
export type ComposerErrors = Partial<Record<string, string>>;

/** Tags are edited as one comma-separated line. */
export const splitTags = (text: string) =>
  text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);

export type YoutubePrivacy = 'private' | 'unlisted' | 'public';

export interface YoutubeDraft {
  title: string;
  description: string;
  /** Comma-separated, as on the item page. */
  tags: string;
  categoryId: string;
  /** '' until chosen: YouTube's audience settings have no default. */
  privacyStatus: YoutubePrivacy | '';
  /** null until the person answers: "made for kids" is a legal declaration, never assumed. */
  madeForKids: boolean | null;
  containsSyntheticMedia: boolean;
  /** Let YouTube release the video at a set time; the value is a local date-time input value. */
  releaseLater: boolean;
  publishAtLocal: string;
}

export const YOUTUBE_DEFAULT_CATEGORY = '22';

export const PRIVACY_LABELS: Record<YoutubePrivacy, string> = {
  public: 'Public',
  unlisted: 'Unlisted (anyone with the link)',
  private: 'Private',
};

export const RELEASE_FORCES_PRIVATE =
  'YouTube keeps a video with a release time private until then, and makes it public at that moment.';

/** Starts from the version's texts; privacy and "made for kids" stay unanswered; synthetic media is declared. */
export function initialYoutubeDraft(
  texts: { title: string; description: string; tags: string[] },
  categoryIds: string[],
): YoutubeDraft {
  const categoryId = categoryIds.includes(YOUTUBE_DEFAULT_CATEGORY)
    ? YOUTUBE_DEFAULT_CATEGORY
    : (categoryIds[0] ?? YOUTUBE_DEFAULT_CATEGORY);
  return {
    title: texts.title,
    description: texts.description,
    tags: texts.tags.join(', '),
    categoryId,
    privacyStatus: '',
    madeForKids: null,
    containsSyntheticMedia: true,
    releaseLater: false,
    publishAtLocal: '',
  };
}

/** The privacy a draft really gets: a release time forces private. */
export function effectivePrivacy(draft: YoutubeDraft): YoutubePrivacy | '' {
  return draft.releaseLater ? 'private' : draft.privacyStatus;
}

/** Problems keyed by field name; `now` and `toUtc` judge the release time. */
export function youtubeErrors(draft: YoutubeDraft, now: Date, toUtc: (local: string) => string | null) {
  // The same domain rules the platform texts of a version follow, so the server would refuse the same things.
  const problems = validateMetadata({
    youtube: {
      title: draft.title,
      description: draft.description,
      tags: splitTags(draft.tags),
      aiGenerated: true,
    },
  });
  const first = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const errors: ComposerErrors = {
    'youtube-title': first('title'),
    'youtube-description': first('description'),
    'youtube-tags': first('tags'),
    'youtube-privacy': effectivePrivacy(draft) === '' ? 'Choose who can watch the video.' : undefined,
    'youtube-kids': draft.madeForKids === null ? 'Say whether the video is made for kids.' : undefined,
  };
  if (draft.releaseLater) {
    const utc = toUtc(draft.publishAtLocal);
    errors['youtube-publish-at'] = !utc
      ? 'Choose the date and time YouTube should release it.'
      : new Date(utc).getTime() <= now.getTime()
        ? 'Choose a release time in the future.'
        : undefined;
  }
  return errors;
}

/** The `options` of POST /api/publications for YouTube; call it only once `youtubeErrors` finds nothing. */
export function youtubePayload(draft: YoutubeDraft, toUtc: (local: string) => string | null) {
  const publishAt = draft.releaseLater ? toUtc(draft.publishAtLocal) : null;
  return {
    title: draft.title,
    description: draft.description,
    tags: splitTags(draft.tags),
    categoryId: draft.categoryId,
    privacyStatus: effectivePrivacy(draft) || 'private',
    madeForKids: draft.madeForKids === true,
    containsSyntheticMedia: draft.containsSyntheticMedia,
    ...(publishAt ? { publishAt } : {}),
  };
}
