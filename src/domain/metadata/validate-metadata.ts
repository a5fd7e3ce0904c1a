import type { Platform } from '../connection.js';
import type { PlatformMetadata } from '../content.js';
import { countHashtags, countMentions, youtubeTagsLength } from './hashtags.js';
import { METADATA_LIMITS } from './limits.js';
import { utf16Length, utf8Bytes } from './text-limits.js';

/** One field a person edited beyond what the platform accepts, in plain words. */
export interface MetadataProblem {
  platform: Platform;
  field: string;
  message: string;
}

/** Checks edited metadata against each platform's limits; an empty list means every platform accepts it. */
export function validateMetadata(metadata: PlatformMetadata): MetadataProblem[] {
  const problems: MetadataProblem[] = [];
  const add = (platform: Platform, field: string, message: string) =>
    problems.push({ platform, field, message });
  const L = METADATA_LIMITS;

  if (metadata.tiktok) {
    const length = utf16Length(metadata.tiktok.caption);
    if (length > L.tiktokCaptionUnits) {
      add(
        'tiktok',
        'caption',
        tooLong('The TikTok caption', length, L.tiktokCaptionUnits, 'characters', metadata.tiktok.caption),
      );
    }
  }

  if (metadata.youtube) {
    const { title, description, tags } = metadata.youtube;
    if (!title.trim()) add('youtube', 'title', 'The YouTube title is empty; YouTube requires one.');
    if (utf16Length(title) > L.youtubeTitleChars) {
      add(
        'youtube',
        'title',
        tooLong('The YouTube title', utf16Length(title), L.youtubeTitleChars, 'characters', title),
      );
    }
    if (/[<>]/.test(title)) add('youtube', 'title', 'YouTube does not accept "<" or ">" in a title.');
    if (utf8Bytes(description) > L.youtubeDescriptionBytes) {
      const bytes = utf8Bytes(description);
      add(
        'youtube',
        'description',
        tooLong('The YouTube description', bytes, L.youtubeDescriptionBytes, 'bytes'),
      );
    }
    if (/[<>]/.test(description)) {
      add('youtube', 'description', 'YouTube does not accept "<" or ">" in a description.');
    }
    if (tags.some((tag) => !tag.trim())) add('youtube', 'tags', 'A YouTube tag is empty; remove it.');
    if (tags.some((tag) => tag.includes(','))) {
      add('youtube', 'tags', 'A YouTube tag contains a comma; split it into separate tags.');
    }
    if (youtubeTagsLength(tags) > L.youtubeTagsChars) {
      add(
        'youtube',
        'tags',
        `The YouTube tags take ${youtubeTagsLength(tags)} characters, counting the commas between tags and ` +
          `the quotation marks around tags with spaces; YouTube allows ${L.youtubeTagsChars}.`,
      );
    }
  }

  if (metadata.instagram) {
    const { caption } = metadata.instagram;
    if (utf16Length(caption) > L.instagramCaptionChars) {
      add(
        'instagram',
        'caption',
        tooLong(
          'The Instagram caption',
          utf16Length(caption),
          L.instagramCaptionChars,
          'characters',
          caption,
        ),
      );
    }
    const hashtags = countHashtags(caption);
    if (hashtags > L.instagramHashtags) {
      add(
        'instagram',
        'caption',
        `The Instagram caption has ${hashtags} hashtags; Instagram allows ${L.instagramHashtags}.`,
      );
    }
    const mentions = countMentions(caption);
    if (mentions > L.instagramMentions) {
      add(
        'instagram',
        'caption',
        `The Instagram caption has ${mentions} @mentions; Instagram allows ${L.instagramMentions}.`,
      );
    }
  }
  return problems;
}

function tooLong(what: string, actual: number, max: number, unit: string, text = ''): string {
  // Counting UTF-16 units, an emoji takes two places; say so, or the count looks wrong to the person.
  const note = /[\ud800-\udbff]/.test(text) ? ' (an emoji counts as two)' : '';
  return `${what} is ${actual} ${unit} long${note}; the limit is ${max}. Shorten it by ${actual - max}.`;
}
