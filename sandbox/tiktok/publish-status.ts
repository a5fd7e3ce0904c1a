import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../core/context.js';
import { Int64, isRecord, parseJsonBody, sendApiError, sendEnvelope } from './envelope.js';
import { guardCall } from './guard.js';
import { publishView } from './publish-state.js';
import type { TiktokStore } from './store.js';

/** `POST /v2/post/publish/status/fetch/`: the §1.3 state machine, computed from the clock on each read. */
export function registerStatusRoute(app: FastifyInstance, ctx: SandboxContext, store: TiktokStore): void {
  app.post('/v2/post/publish/status/fetch/', async (request, reply) => {
    const token = await guardCall(request, reply, ctx, store, ['video.publish', 'video.upload'], 'status');
    if (!token) return reply;
    const now = ctx.clock.now();
    const body = parseJsonBody(request);
    const publishId = body.ok && isRecord(body.value) ? body.value.publish_id : undefined;
    if (typeof publishId !== 'string' || publishId === '')
      return sendApiError(reply, now, 400, 'invalid_param', 'publish_id is required');
    const publish = store.publishes.get(publishId);
    if (!publish)
      return sendApiError(reply, now, 400, 'invalid_publish_id', 'The publish_id does not exist.');
    if (publish.openId !== token.openId || publish.clientKey !== token.clientKey)
      return sendApiError(
        reply,
        now,
        400,
        'token_not_authorized_for_specified_publish_id',
        'The access token is not authorized for this publish_id.',
      );
    const view = publishView(publish, now, ctx.settings.tiktok);
    const data: Record<string, unknown> = { status: view.status };
    if (view.failReason) data.fail_reason = view.failReason;
    // TikTok's spelling, and int64 values written as bare JSON numbers (beyond 2^53).
    if (view.publicPostIds) data.publicaly_available_post_id = view.publicPostIds.map((id) => new Int64(id));
    if (view.uploadedBytes !== null) data.uploaded_bytes = view.uploadedBytes;
    if (view.downloadedBytes !== null) data.downloaded_bytes = view.downloadedBytes;
    return sendEnvelope(reply, now, 200, data);
  });
}
