import { API_ERRORS, type ApiError } from './errors.js';
import { ASSIGNABLE_CATEGORY_IDS } from './video-categories.js';
import type { VideoMetadata } from './video-model.js';

/** Parts a videos.insert or videos.list may name. */
export const VIDEO_PARTS = [
  'contentDetails',
  'fileDetails',
  'id',
  'liveStreamingDetails',
  'localizations',
  'paidProductPlacementDetails',
  'player',
  'processingDetails',
  'recordingDetails',
  'snippet',
  'statistics',
  'status',
  'suggestions',
  'topicDetails',
] as const;

const PRIVACY = ['private', 'public', 'unlisted'] as const;
const LICENSES = ['youtube', 'creativeCommon'] as const;

const invalid = {
  title: () =>
    API_ERRORS.videoMetadata(
      'invalidTitle',
      'The request metadata specifies an invalid or empty video title.',
    ),
  description: () =>
    API_ERRORS.videoMetadata(
      'invalidDescription',
      'The request metadata specifies an invalid video description.',
    ),
  tags: () =>
    API_ERRORS.videoMetadata('invalidTags', 'The request metadata specifies invalid video keywords.'),
  category: () =>
    API_ERRORS.videoMetadata(
      'invalidCategoryId',
      'The snippet.categoryId property specifies an invalid category ID. Use the videoCategories.list method to retrieve supported categories.',
    ),
  publishAt: () =>
    API_ERRORS.videoMetadata(
      'invalidPublishAt',
      'The request metadata specifies an invalid scheduled publishing time.',
    ),
  metadata: () => API_ERRORS.videoMetadata('invalidVideoMetadata', 'The request metadata is invalid.'),
};

/** Reads `part` (comma-separated, possibly repeated) and rejects unknown part names. */
export function parseParts(raw: unknown, allowed: readonly string[]): string[] | ApiError {
  const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
  const parts = values.flatMap((v) => v.split(',')).map((p) => p.trim());
  if (values.length === 0 || parts.every((p) => p === '')) return API_ERRORS.requiredParameter('part');
  const unknown = parts.find((p) => !allowed.includes(p));
  return unknown === undefined ? [...new Set(parts)] : API_ERRORS.unknownPart(unknown);
}

/** Tag length as YouTube counts it: a tag with a space is counted with its quotes, plus commas between tags. */
function tagsLength(tags: string[]): number {
  const chars = tags.reduce((sum, t) => sum + t.length + (t.includes(' ') ? 2 : 0), 0);
  return chars + Math.max(0, tags.length - 1);
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function optionalBoolean(value: unknown, fallback: boolean): boolean | null {
  if (value === undefined) return fallback;
  return typeof value === 'boolean' ? value : null;
}

/** Validates the insert body against §3.3; properties outside `part` are ignored, as the API does. */
export function validateVideoMetadata(
  body: unknown,
  parts: string[],
  options: { now: number; unverifiedApp: boolean },
): VideoMetadata | ApiError {
  const resource = body === undefined ? {} : record(body);
  if (!resource) return invalid.metadata();
  const snippet = parts.includes('snippet') ? (record(resource.snippet) ?? {}) : {};
  const status = parts.includes('status') ? (record(resource.status) ?? {}) : {};

  const title = snippet.title;
  if (typeof title !== 'string' || title.trim() === '' || title.length > 100 || /[<>]/.test(title)) {
    return invalid.title();
  }
  const description = snippet.description ?? '';
  if (typeof description !== 'string' || Buffer.byteLength(description) > 5000 || /[<>]/.test(description)) {
    return invalid.description();
  }
  const tags = snippet.tags ?? [];
  if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string') || tagsLength(tags) > 500)
    return invalid.tags();
  const categoryId = snippet.categoryId ?? '22';
  if (typeof categoryId !== 'string' || !ASSIGNABLE_CATEGORY_IDS.includes(categoryId))
    return invalid.category();
  for (const key of ['defaultLanguage', 'defaultAudioLanguage'] as const) {
    if (snippet[key] !== undefined && typeof snippet[key] !== 'string') return invalid.metadata();
  }

  const privacy = status.privacyStatus ?? 'public';
  const license = status.license ?? 'youtube';
  const kids = optionalBoolean(status.selfDeclaredMadeForKids, false);
  const embeddable = optionalBoolean(status.embeddable, true);
  const statsViewable = optionalBoolean(status.publicStatsViewable, true);
  const synthetic = status.containsSyntheticMedia === undefined ? null : status.containsSyntheticMedia;
  if (
    !PRIVACY.includes(privacy as (typeof PRIVACY)[number]) ||
    !LICENSES.includes(license as (typeof LICENSES)[number]) ||
    kids === null ||
    embeddable === null ||
    statsViewable === null ||
    (synthetic !== null && typeof synthetic !== 'boolean')
  ) {
    return invalid.metadata();
  }
  const publishAt = status.publishAt ?? null;
  if (publishAt !== null) {
    const at = typeof publishAt === 'string' ? Date.parse(publishAt) : NaN;
    if (Number.isNaN(at) || at <= options.now || privacy !== 'private') return invalid.publishAt();
  }

  return {
    snippet: {
      title,
      description,
      tags: tags,
      categoryId,
      ...(typeof snippet.defaultLanguage === 'string' ? { defaultLanguage: snippet.defaultLanguage } : {}),
      ...(typeof snippet.defaultAudioLanguage === 'string'
        ? { defaultAudioLanguage: snippet.defaultAudioLanguage }
        : {}),
    },
    status: {
      // Unverified projects (created after 2020-07-28, not audited) get every upload locked to private.
      privacyStatus: options.unverifiedApp
        ? 'private'
        : (privacy as VideoMetadata['status']['privacyStatus']),
      publishAt:
        options.unverifiedApp || publishAt === null ? null : new Date(publishAt as string).toISOString(),
      selfDeclaredMadeForKids: kids,
      embeddable,
      license: license as VideoMetadata['status']['license'],
      publicStatsViewable: statsViewable,
      containsSyntheticMedia: synthetic,
    },
  };
}
