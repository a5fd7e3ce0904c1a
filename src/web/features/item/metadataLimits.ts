import type { FieldErrors } from '../../lib/validation.js';
import type { PlatformMetadata } from './versionOutputs.js';

/**
 * The platforms' text limits, counted as the server counts them (src/domain/metadata): "characters" are UTF-16
 * code units, YouTube's description is measured in UTF-8 bytes. The server checks again on save.
 */
export const metadataLimits = {
  tiktokCaption: 2200,
  youtubeTitle: 100,
  youtubeDescriptionBytes: 5000,
  youtubeTags: 500,
  instagramCaption: 2200,
  instagramHashtags: 30,
} as const;

const encoder = new TextEncoder();

export const utf8Bytes = (text: string) => encoder.encode(text).length;

/** YouTube counts the commas between tags, and quotes around a tag with a space in it. */
export function youtubeTagsLength(tags: string[]): number {
  const quoted = tags.reduce((sum, tag) => sum + tag.length + (/\s/u.test(tag) ? 2 : 0), 0);
  return quoted + Math.max(0, tags.length - 1);
}

/** A "#" inside a word (as in "C#") does not start a hashtag. */
export function countHashtags(text: string): number {
  return text.match(/(?<![\p{L}\p{N}_&#])#[\p{L}\p{N}_]+/gu)?.length ?? 0;
}

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

export function toDraft(metadata: PlatformMetadata): MetadataDraft {
  const { tiktok, youtube, instagram } = metadata;
  return {
    ...(tiktok ? { tiktok: { ...tiktok } } : {}),
    ...(youtube ? { youtube: { ...youtube, tags: youtube.tags.join(', ') } } : {}),
    ...(instagram ? { instagram: { ...instagram } } : {}),
  };
}

export function fromDraft(draft: MetadataDraft): PlatformMetadata {
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
  const L = metadataLimits;
  const errors: FieldErrors = {};
  if (draft.tiktok) {
    errors['tiktok-caption'] = over(
      'The caption',
      draft.tiktok.caption.length,
      L.tiktokCaption,
      'characters',
    );
  }
  if (draft.youtube) {
    const { title, description, tags } = draft.youtube;
    errors['youtube-title'] = !title.trim()
      ? 'YouTube needs a title.'
      : /[<>]/.test(title)
        ? 'YouTube does not accept “<” or “>” in a title.'
        : over('The title', title.length, L.youtubeTitle, 'characters');
    errors['youtube-description'] = /[<>]/.test(description)
      ? 'YouTube does not accept “<” or “>” in a description.'
      : over('The description', utf8Bytes(description), L.youtubeDescriptionBytes, 'bytes');
    errors['youtube-tags'] = over(
      'The tag list',
      youtubeTagsLength(splitTags(tags)),
      L.youtubeTags,
      'characters',
    );
  }
  if (draft.instagram) {
    const { caption } = draft.instagram;
    const hashtags = countHashtags(caption);
    errors['instagram-caption'] =
      over('The caption', caption.length, L.instagramCaption, 'characters') ??
      (hashtags > L.instagramHashtags
        ? `The caption has ${hashtags} hashtags; Instagram allows ${L.instagramHashtags}.`
        : undefined);
  }
  return errors;
}
