/**
 * Text limits of the three platforms (PLATFORMS.md §1.3, §2.2, §3). Where a platform says "characters" we
 * count UTF-16 code units, the stricter reading: it equals the character count except for emoji and other
 * characters outside the Basic Multilingual Plane, which it counts twice.
 */
export const METADATA_LIMITS = {
  tiktokCaptionUnits: 2200,
  youtubeTitleChars: 100,
  youtubeDescriptionBytes: 5000,
  youtubeTagsChars: 500,
  instagramCaptionChars: 2200,
  instagramHashtags: 30,
  instagramMentions: 20,
} as const;
