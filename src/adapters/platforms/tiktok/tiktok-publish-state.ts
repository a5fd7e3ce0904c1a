import type { PublishCheckpoint } from '../../../domain/publishing/publication.js';
import type { TiktokChunkPlan } from './tiktok-chunks.js';

type Remote = PublishCheckpoint['remote'];

/**
 * Where the last init stands: `sent` is recorded before the call and stays when no answer was read (the call may
 * or may not have reached TikTok); `answered` comes with a publish_id; `refused` with TikTok's error.
 */
export type TiktokInitState = 'sent' | 'answered' | 'refused';

/** A known end: a public post (with its id), a SELF_ONLY post (never an id), or a draft sent to the inbox. */
export type TiktokOutcome = 'posted' | 'posted_private' | 'sent_to_inbox';

/** The TikTok side of a publication, as saved in its journal (`PublishCheckpoint.remote`). */
export interface TiktokRemote {
  initState: TiktokInitState | null;
  publishId: string | null;
  uploadUrl: string | null;
  plan: TiktokChunkPlan | null;
  /** Bytes TikTok has confirmed (206/201), as far as this app knows; status/fetch's uploaded_bytes wins. */
  uploadedBytes: number;
  /** The last chunk was sent at least once: from then on the publish may become a post without us. */
  lastChunkSent: boolean;
  /** The last chunk was answered 201: only processing is left, nothing is ever sent again. */
  uploadComplete: boolean;
  /** From creator_info, for the post URL. */
  username: string | null;
  privacyLevel: string | null;
  outcome: TiktokOutcome | null;
  postId: string | null;
  /** Publishes TikTok reported FAILED for this publication so far (bounds automatic restarts). */
  failedPublishes: number;
}

/** Reads the saved state; anything missing or of the wrong type counts as not there. */
export function readTiktokRemote(remote: Remote): TiktokRemote {
  const str = (key: string): string | null => {
    const v = remote[key];
    return typeof v === 'string' && v !== '' ? v : null;
  };
  const num = (key: string): number | null => {
    const v = remote[key];
    return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : null;
  };
  const videoSize = num('videoSize');
  const chunkSize = num('chunkSize');
  const totalChunkCount = num('totalChunkCount');
  const initState = str('initState');
  const outcome = str('outcome');
  return {
    initState: initState === 'sent' || initState === 'answered' || initState === 'refused' ? initState : null,
    publishId: str('publishId'),
    uploadUrl: str('uploadUrl'),
    plan: videoSize && chunkSize && totalChunkCount ? { videoSize, chunkSize, totalChunkCount } : null,
    uploadedBytes: num('uploadedBytes') ?? 0,
    lastChunkSent: remote.lastChunkSent === true,
    uploadComplete: remote.uploadComplete === true,
    username: str('username'),
    privacyLevel: str('privacyLevel'),
    outcome:
      outcome === 'posted' || outcome === 'posted_private' || outcome === 'sent_to_inbox' ? outcome : null,
    postId: str('postId'),
    failedPublishes: num('failedPublishes') ?? 0,
  };
}

/**
 * The patch that forgets a publish that can never become a post: TikTok reported it FAILED (terminal), or it
 * never got its last chunk and TikTok no longer knows it.
 */
export function forgetFailedPublish(state: TiktokRemote, failReason: string | null): Remote {
  return {
    initState: null,
    publishId: null,
    uploadUrl: null,
    uploadedBytes: 0,
    lastChunkSent: false,
    uploadComplete: false,
    failedPublishId: state.publishId,
    failReason,
    failedPublishes: state.failedPublishes + 1,
  };
}

/** The patch saved before init: the plan and settings, and `sent` until an answer is read. */
export function beforeInitPatch(input: {
  mode: 'direct' | 'draft';
  plan: TiktokChunkPlan;
  username: string | null;
  privacyLevel: string | null;
}): Remote {
  return {
    mode: input.mode,
    initState: 'sent',
    publishId: null,
    uploadUrl: null,
    videoSize: input.plan.videoSize,
    chunkSize: input.plan.chunkSize,
    totalChunkCount: input.plan.totalChunkCount,
    uploadedBytes: 0,
    lastChunkSent: false,
    uploadComplete: false,
    username: input.username,
    privacyLevel: input.privacyLevel,
  };
}
