import type { PublishStepResult } from '../../../ports/platform-publisher.js';
import type { TiktokRemote } from './tiktok-publish-state.js';

/** What the person reads when a draft reached the inbox. */
export const INBOX_DETAIL = 'Sent to the TikTok inbox: the creator finishes the post in the TikTok app';
/** What the person reads when a SELF_ONLY post is out. */
export const PRIVATE_DETAIL =
  'Posted privately (only the creator sees it); TikTok gives private posts no public link';

/** A `published` step result. */
export function published(
  postId: string | null,
  url: string | null,
  awaitingPostId: boolean,
  detail: string,
) {
  return { kind: 'published' as const, postId, url, awaitingPostId, detail };
}

/** The public URL of a post, once its id and the creator's username are known. */
export function postUrl(username: string | null, postId: string): string | null {
  return username ? `https://www.tiktok.com/@${encodeURIComponent(username)}/video/${postId}` : null;
}

/** The result of an outcome already stored in the journal, or null while there is none. */
export function knownOutcome(state: TiktokRemote): PublishStepResult | null {
  if (state.postId)
    return published(state.postId, postUrl(state.username, state.postId), false, 'Posted on TikTok');
  if (state.outcome === 'posted_private') return published(null, null, false, PRIVATE_DETAIL);
  if (state.outcome === 'sent_to_inbox') return published(null, null, false, INBOX_DETAIL);
  return null;
}
