import type { PlatformMetadataView } from '../../../api/version-outputs.js';
import { countHashtags, youtubeTagsLength } from '../../../domain/metadata/hashtags.js';
import { METADATA_LIMITS as L } from '../../../domain/metadata/limits.js';
import { utf8Bytes } from '../../../domain/metadata/text-limits.js';
import type { FieldErrors } from '../../lib/validation.js';

// The limits and counts are the server's own (src/domain/metadata), so the form warns exactly where the
// server would refuse; the server checks again on save.

export const splitTags = (text: string) =>
  text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);

/** The form's values: tags are edited as one comma-separated line. */
export interface MetadataDraft {
  tiktok?: { caption: string; aiGenerated: boolean };
  youtube?: { title: string; description: string; tags: string; aiGenerated: boolean };
  instagram?: { caption: string; aiGenerated: boolean };
}

export function toDraft(metadata: PlatformMetadataView): MetadataDraft {
  const { tiktok, youtube, instagram } = metadata;
  return {
    ...(tiktok ? { tiktok: { ...tiktok } } : {}),
    ...(youtube ? { youtube: { ...youtube, tags: youtube.tags.join(', ') } } : {}),
    ...(instagram ? { instagram: { ...instagram } } : {}),
  };
}

export function fromDraft(draft: MetadataDraft): PlatformMetadataView {
  const { tiktok, youtube, instagram } = draft;
  return {
    ...(tiktok ? { tiktok } : {}),
    ...(youtube ? { youtube: { ...youtube, tags: splitTags(youtube.tags) } } : {}),
    ...(instagram ? { instagram } : {}),
  };
}

const over = (what: string, actual: number, max: number, unit: string) =>
  actual > max
    ? `${what} is ${actual} ${unit} long; the limit is ${max}. Shorten it by ${actual - max}.`
    : undefined;

/** Problems keyed by field name, in form order; an empty result means every platform accepts the texts. */
export function metadataErrors(draft: MetadataDraft): FieldErrors {
  const errors: FieldErrors = {};
  if (draft.tiktok) {
    errors['tiktok-caption'] = over(
      'The caption',
      draft.tiktok.caption.length,
      L.tiktokCaptionUnits,
      'characters',
    );
  }
  if (draft.youtube) {
    const { title, description, tags } = draft.youtube;
    errors['youtube-title'] = !title.trim()
      ? 'YouTube needs a title.'
      : /[<>]/.test(title)
        ? 'YouTube does not accept “<” or “>” in a title.'
        : over('The title', title.length, L.youtubeTitleChars, 'characters');
    errors['youtube-description'] = /[<>]/.test(description)
      ? 'YouTube does not accept “<” or “>” in a description.'
      : over('The description', utf8Bytes(description), L.youtubeDescriptionBytes, 'bytes');
    errors['youtube-tags'] = over(
      'The tag list',
      youtubeTagsLength(splitTags(tags)),
      L.youtubeTagsChars,
      'characters',
    );
  }
  if (draft.instagram) {
    const { caption } = draft.instagram;
    const hashtags = countHashtags(caption);
    errors['instagram-caption'] =
      over('The caption', caption.length, L.instagramCaptionChars, 'characters') ??
      (hashtags > L.instagramHashtags
        ? `The caption has ${hashtags} hashtags; Instagram allows ${L.instagramHashtags}.`
        : undefined);
  }
  return errors;
}
