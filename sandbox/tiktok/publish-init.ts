import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../core/context.js';
import { privacyOptionsOf, type PrivacyLevel } from './accounts.js';
import { postingBlock } from './creator-info.js';
import { isRecord, parseJsonBody, sendApiError, sendEnvelope } from './envelope.js';
import { guardCall } from './guard.js';
import {
  checkPostInfo,
  checkSourceInfo,
  isPrivacyLevel,
  isVerifiedPullUrl,
  type Invalid,
  type PostInfo,
  type SourceInfo,
} from './post-validation.js';
import { isPendingDraft, type PublishRecord } from './publish-state.js';
import { unitHash, videoIdOf } from './stats.js';
import type { IssuedToken, TiktokStore } from './store.js';

/** The upload URL of a FILE_UPLOAD, on the sandbox's upload host (no Authorization: the token is the credential). */
export function uploadUrlOf(ctx: SandboxContext, p: PublishRecord): string | undefined {
  if (!p.upload) return undefined;
  const { uploadId, uploadToken } = p.upload;
  return ctx.url('tiktokUpload', `/video/?upload_id=${uploadId}&upload_token=${uploadToken}`);
}

function createPublish(
  ctx: SandboxContext,
  store: TiktokStore,
  token: IssuedToken,
  publishType: PublishRecord['publishType'],
  source: SourceInfo,
  post: (PostInfo & { privacyLevel: PrivacyLevel }) | null,
): PublishRecord {
  const now = ctx.clock.now();
  const { seed } = ctx.settings;
  const serial = store.nextSerial();
  const digits = videoIdOf(seed, `publish:${serial}`, serial);
  const kind = source.source === 'FILE_UPLOAD' ? 'file' : 'url';
  const publishId =
    publishType === 'DIRECT_PUBLISH' ? `v_pub_${kind}~v2-1.${digits}` : `v_inbox_${kind}~v2.${digits}`;
  const file = source.source === 'FILE_UPLOAD' ? source : null;
  const record: PublishRecord = {
    publishId,
    publishType,
    source: source.source,
    clientKey: token.clientKey,
    openId: token.openId,
    persona: token.persona,
    createdAt: now,
    privacy: post?.privacyLevel ?? null,
    title: post?.title ?? '',
    isAigc: post?.isAigc ?? false,
    // A pulled file's size is only known to TikTok; the sandbox draws one from the seed.
    videoSize: file?.videoSize ?? 8_000_000 + Math.floor(unitHash(seed, publishId) * 40_000_000),
    chunkSize: file?.chunkSize ?? 0,
    totalChunks: file?.totalChunks ?? 0,
    upload: file
      ? {
          ...store.newUploadCredentials(),
          expiresAt: now + ctx.settings.tiktok.uploadUrlSeconds * 1000,
          contentType: null,
          receivedBytes: 0,
          completedAt: null,
          head: Buffer.alloc(0),
          tail: Buffer.alloc(0),
        }
      : null,
    videoUrl: source.source === 'PULL_FROM_URL' ? source.videoUrl : null,
    maxDurationSec: store.accounts[token.persona].maxVideoPostDurationSec,
    probe: null,
    checkFailReason: null,
    forcedFailReason: store.forcedFailures.shift() ?? null,
    authRemovedAt: null,
    postId: videoIdOf(seed, `post:${publishId}`, serial),
    takenDownAt: null,
    draftResolvedAt: null,
    emitted: new Set(),
  };
  store.publishes.set(publishId, record);
  if (record.upload) store.uploads.set(record.upload.uploadId, publishId);
  return record;
}

async function answerInvalid(reply: FastifyReply, now: number, error: Invalid): Promise<FastifyReply> {
  return sendApiError(reply, now, error.status, error.code, error.message);
}

async function answerCreated(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: SandboxContext,
  store: TiktokStore,
  p: PublishRecord,
) {
  if (store.lostAnswers.loseIfDue('init', request, reply)) return reply;
  const uploadUrl = uploadUrlOf(ctx, p);
  const data = uploadUrl ? { publish_id: p.publishId, upload_url: uploadUrl } : { publish_id: p.publishId };
  return sendEnvelope(reply, ctx.clock.now(), 200, data);
}

const BAD_BODY: Invalid = {
  ok: false,
  status: 400,
  code: 'invalid_param',
  message: 'The request body must be a JSON object (Content-Type: application/json; charset=UTF-8)',
};

const UNVERIFIED_URL = {
  code: 'url_ownership_unverified',
  message: 'The video_url domain or URL prefix is not verified for this app.',
};

/** Direct Post init and inbox (draft) init, with the §1.3 validation and caps. */
export function registerInitRoutes(app: FastifyInstance, ctx: SandboxContext, store: TiktokStore): void {
  app.post('/v2/post/publish/video/init/', async (request, reply) => {
    const token = await guardCall(request, reply, ctx, store, ['video.publish'], 'directInit');
    if (!token) return reply;
    const now = ctx.clock.now();
    const body = parseJsonBody(request);
    if (!body.ok || !isRecord(body.value)) return answerInvalid(reply, now, BAD_BODY);
    const post = checkPostInfo(body.value.post_info);
    if (!post.ok) return answerInvalid(reply, now, post);
    const source = checkSourceInfo(body.value.source_info);
    if (!source.ok) return answerInvalid(reply, now, source);
    const block = postingBlock(ctx, store, token, true);
    if (block) return sendApiError(reply, now, 403, block.code, block.message);
    const privacy = post.value.privacyLevel;
    const options = privacyOptionsOf(store.accounts[token.persona]);
    if (!isPrivacyLevel(privacy) || !options.includes(privacy))
      return sendApiError(
        reply,
        now,
        403,
        'privacy_level_option_mismatch',
        `privacy_level ${privacy} is not allowed for this creator; use one of privacy_level_options.`,
      );
    if (
      source.value.source === 'PULL_FROM_URL' &&
      !isVerifiedPullUrl(source.value.videoUrl, ctx.settings.tiktok.verifiedUrlPrefixes)
    )
      return sendApiError(reply, now, 403, UNVERIFIED_URL.code, UNVERIFIED_URL.message);
    const record = createPublish(ctx, store, token, 'DIRECT_PUBLISH', source.value, {
      ...post.value,
      privacyLevel: privacy,
    });
    return answerCreated(request, reply, ctx, store, record);
  });

  app.post('/v2/post/publish/inbox/video/init/', async (request, reply) => {
    const token = await guardCall(request, reply, ctx, store, ['video.upload'], 'inboxInit');
    if (!token) return reply;
    const now = ctx.clock.now();
    const body = parseJsonBody(request);
    if (!body.ok || !isRecord(body.value)) return answerInvalid(reply, now, BAD_BODY);
    const source = checkSourceInfo(body.value.source_info);
    if (!source.ok) return answerInvalid(reply, now, source);
    if (
      source.value.source === 'PULL_FROM_URL' &&
      !isVerifiedPullUrl(source.value.videoUrl, ctx.settings.tiktok.verifiedUrlPrefixes)
    )
      return sendApiError(reply, now, 403, UNVERIFIED_URL.code, UNVERIFIED_URL.message);
    const pending = [...store.publishes.values()].filter(
      (p) => p.openId === token.openId && isPendingDraft(p, now, ctx.settings.tiktok),
    );
    if (pending.length >= ctx.settings.tiktok.maxPendingDrafts)
      return sendApiError(
        reply,
        now,
        403,
        'spam_risk_too_many_pending_share',
        'The creator has too many pending drafts in the inbox. Please try again later.',
      );
    const record = createPublish(ctx, store, token, 'INBOX_SHARE', source.value, null);
    return answerCreated(request, reply, ctx, store, record);
  });
}
