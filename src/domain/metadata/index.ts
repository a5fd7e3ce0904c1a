export { buildPlatformMetadata, buildUploadMetadata } from './build-platform-metadata.js';
export { validateMetadata, type MetadataProblem } from './validate-metadata.js';
export { METADATA_LIMITS } from './limits.js';
export { countHashtags, countMentions, hashtagsFor, youtubeTagsFor, youtubeTagsLength } from './hashtags.js';
export { contentWordRuns, isStopword, keywordsOf, primaryLanguage, wordsOf } from './keywords.js';
export {
  fitText,
  truncateUtf16,
  truncateUtf8,
  utf16Length,
  utf8Bytes,
  withoutAngleBrackets,
} from './text-limits.js';
export { checkMetadataEdit, type MetadataEditTarget } from './metadata-edit.js';
