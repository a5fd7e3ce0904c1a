import type { Brief } from '../content.js';
import { contentWordRuns, keywordsOf } from './keywords.js';

const MAX_GENERATED_TAG_LENGTH = 30;

/**
 * Hashtags for a brief, from its topic first and then its key points: the topic's leading phrase as one tag
 * ("cold brew coffee" → #coldbrewcoffee) followed by single meaningful words, without repeats.
 */
export function hashtagsFor(brief: Pick<Brief, 'topic' | 'keyPoints' | 'language'>, max = 5): string[] {
  const [firstRun] = contentWordRuns(brief.topic, brief.language);
  const candidates = [
    ...(firstRun && firstRun.length > 1 ? [firstRun.slice(0, 3).join('')] : []),
    ...keywordsOf(brief.topic, brief.language),
    ...brief.keyPoints.flatMap((point) => keywordsOf(point, brief.language)),
  ];
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const candidate of candidates) {
    const tag = candidate.toLocaleLowerCase().replace(/[^\p{L}\p{N}_]/gu, '');
    if (tag.length < 3 || tag.length > MAX_GENERATED_TAG_LENGTH || seen.has(tag)) continue;
    seen.add(tag);
    tags.push(`#${tag}`);
    if (tags.length === max) break;
  }
  return tags;
}

/** YouTube keyword tags for a brief: the topic as a phrase, then its meaningful words and the key points'. */
export function youtubeTagsFor(
  brief: Pick<Brief, 'topic' | 'keyPoints' | 'language'>,
  maxLength: number,
): string[] {
  const phrase = brief.topic.replace(/[<>,]/g, ' ').replace(/\s+/g, ' ').trim().toLocaleLowerCase();
  const candidates = [
    phrase,
    ...keywordsOf(brief.topic, brief.language),
    ...brief.keyPoints.flatMap((point) => keywordsOf(point, brief.language)),
  ];
  const tags: string[] = [];
  for (const tag of new Set(candidates)) {
    if (!tag || tag.length > MAX_GENERATED_TAG_LENGTH) continue;
    if (youtubeTagsLength([...tags, tag]) > maxLength) break;
    tags.push(tag);
  }
  return tags;
}

/**
 * The length YouTube counts for a tag list: commas between tags count, and a tag with a space counts as if
 * wrapped in quotation marks ("Foo-Baz" is 7 characters, "Foo Baz" is 9).
 */
export function youtubeTagsLength(tags: string[]): number {
  const quoted = tags.reduce((sum, tag) => sum + tag.length + (/\s/u.test(tag) ? 2 : 0), 0);
  return quoted + Math.max(0, tags.length - 1);
}

/** How many #hashtags a caption holds (a "#" inside a word, as in "C#", does not start one). */
export function countHashtags(text: string): number {
  return text.match(/(?<![\p{L}\p{N}_&#])#[\p{L}\p{N}_]+/gu)?.length ?? 0;
}

/** How many @mentions a caption holds (e-mail addresses are not mentions). */
export function countMentions(text: string): number {
  return text.match(/(?<![\p{L}\p{N}_.@])@[\p{L}\p{N}_.]+/gu)?.length ?? 0;
}
