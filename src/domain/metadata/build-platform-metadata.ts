import type { Brief, PlatformMetadata, Script } from '../content.js';
import { hashtagsFor, youtubeTagsFor } from './hashtags.js';
import { METADATA_LIMITS } from './limits.js';
import { fitText, utf16Length, utf8Bytes, withoutAngleBrackets } from './text-limits.js';

/**
 * Caption, title, description and tags for each platform the brief targets, derived from the script and the
 * brief and kept within each platform's limits. Marked AI-generated, as the platforms ask for synthetic media.
 */
export function buildPlatformMetadata(script: Script, brief: Brief): PlatformMetadata {
  const hashtags = hashtagsFor(brief);
  const metadata: PlatformMetadata = {};
  for (const platform of new Set(brief.platforms)) {
    if (platform === 'tiktok') {
      metadata.tiktok = { caption: tiktokCaption(script, hashtags), aiGenerated: true };
    } else if (platform === 'instagram') {
      metadata.instagram = { caption: instagramCaption(script, hashtags), aiGenerated: true };
    } else {
      metadata.youtube = {
        title: youtubeTitle(script, brief),
        description: youtubeDescription(script, hashtags),
        tags: youtubeTagsFor(brief, METADATA_LIMITS.youtubeTagsChars),
        aiGenerated: true,
      };
    }
  }
  return metadata;
}

/** Short: the hook and the call to action, then the hashtags (TikTok counts UTF-16 units). */
function tiktokCaption(script: Script, hashtags: string[]): string {
  return withTrailer(
    paragraphs(script.hook, script.callToAction),
    hashtags.join(' '),
    METADATA_LIMITS.tiktokCaptionUnits,
    utf16Length,
  );
}

/** Longer: the hook, one line per beat, the call to action, then the hashtags. */
function instagramCaption(script: Script, hashtags: string[]): string {
  const beats = script.beats.map((beat) => `• ${beat.text.trim()}`).join('\n');
  return withTrailer(
    paragraphs(script.hook, beats, script.callToAction),
    hashtags.join(' '),
    METADATA_LIMITS.instagramCaptionChars,
    utf16Length,
  );
}

/** The hook as a title (a closing full stop dropped), or the topic when the hook is empty. */
function youtubeTitle(script: Script, brief: Brief): string {
  const clean = (text: string) => withoutAngleBrackets(text).replace(/\s+/g, ' ').trim();
  const title = (clean(script.hook) || clean(brief.topic)).replace(/(?<!\.)\.$/u, '');
  return fitText(title, METADATA_LIMITS.youtubeTitleChars, utf16Length);
}

function youtubeDescription(script: Script, hashtags: string[]): string {
  const body = paragraphs(script.hook, ...script.beats.map((beat) => beat.text), script.callToAction);
  return withTrailer(
    withoutAngleBrackets(body),
    withoutAngleBrackets([...hashtags, '#Shorts'].join(' ')),
    METADATA_LIMITS.youtubeDescriptionBytes,
    utf8Bytes,
  );
}

/**
 * Platform texts for a finished video someone uploaded, from its title and description: the same limits and
 * hashtags as for a generated video. The AI-generated label starts off: only the person knows how it was made.
 */
export function buildUploadMetadata(
  upload: { title: string; description: string },
  brief: Pick<Brief, 'platforms' | 'language'>,
): PlatformMetadata {
  const words = {
    topic: upload.title,
    keyPoints: upload.description ? [upload.description] : [],
    language: brief.language,
  };
  const hashtags = hashtagsFor(words);
  const body = paragraphs(upload.title, upload.description);
  const metadata: PlatformMetadata = {};
  for (const platform of new Set(brief.platforms)) {
    if (platform === 'youtube') {
      metadata.youtube = {
        title: fitText(
          withoutAngleBrackets(upload.title).replace(/\s+/g, ' ').trim(),
          METADATA_LIMITS.youtubeTitleChars,
          utf16Length,
        ),
        description: withTrailer(
          withoutAngleBrackets(paragraphs(upload.description || upload.title)),
          withoutAngleBrackets([...hashtags, '#Shorts'].join(' ')),
          METADATA_LIMITS.youtubeDescriptionBytes,
          utf8Bytes,
        ),
        tags: youtubeTagsFor(words, METADATA_LIMITS.youtubeTagsChars),
        aiGenerated: false,
      };
    } else {
      const max =
        platform === 'tiktok' ? METADATA_LIMITS.tiktokCaptionUnits : METADATA_LIMITS.instagramCaptionChars;
      metadata[platform] = {
        caption: withTrailer(body, hashtags.join(' '), max, utf16Length),
        aiGenerated: false,
      };
    }
  }
  return metadata;
}

function paragraphs(...parts: string[]): string {
  return parts
    .map((part) => part.trim())
    .filter(Boolean)
    .join('\n\n');
}

/** The body shortened as needed so that the trailer (the hashtags) always fits after it. */
function withTrailer(body: string, trailer: string, max: number, measure: (text: string) => number): string {
  if (!trailer) return fitText(body, max, measure);
  const separator = '\n\n';
  const room = max - measure(trailer) - measure(separator);
  if (room <= 0) return fitText(trailer, max, measure);
  const fitted = fitText(body, room, measure);
  return fitted ? `${fitted}${separator}${trailer}` : trailer;
}
