import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../core/context.js';
import { API_ERRORS, sendApiError } from './errors.js';
import { UPLOAD_PATH } from './insert-routes.js';
import { countBody, parseContentRange, type ContentRange } from './upload-body.js';
import { CHUNK_UNIT, HEAD_BYTES, type UploadSession } from './video-model.js';
import type { VideoStore } from './video-store.js';
import { renderVideo, viewerFor } from './video-view.js';

/**
 * PUTs to the session URI: chunks with `Content-Range: bytes a-b/T` (308 + Range until the last, then 201),
 * status queries with `bytes *\/T`, and 404 once the session expired. The session URI is the credential.
 */
export function registerChunkRoutes(app: FastifyInstance, ctx: SandboxContext, videos: VideoStore): void {
  app.put(UPLOAD_PATH, async (request, reply) => {
    const uploadId = (request.query as Record<string, unknown>).upload_id;
    const session = typeof uploadId === 'string' ? videos.liveSession(uploadId) : undefined;
    if (!session) return sendApiError(reply, API_ERRORS.notFound());
    reply.header('x-guploader-uploadid', session.id);
    if (session.videoId) return sendComplete(reply, session, ctx, videos);
    const range = rangeOf(request, session);
    if (!range) return sendApiError(reply, API_ERRORS.badRequest('Failed to parse Content-Range header.'));
    const declared = session.declaredLength;
    if (declared !== null && range.total !== null && range.total !== declared) {
      return sendApiError(
        reply,
        API_ERRORS.badRequest(
          `The total size ${range.total} does not match X-Upload-Content-Length ${declared}.`,
        ),
      );
    }
    const total = range.total ?? declared;
    if (range.kind === 'query') {
      if (total !== null && session.received === total) return finish(reply, session, ctx, videos);
      return sendIncomplete(reply, session);
    }
    if (range.first > session.received) {
      return sendApiError(
        reply,
        API_ERRORS.badRequest(
          `Invalid request. According to the Content-Range header, the upload offset is ${range.first} byte(s), which exceeds already uploaded size of ${session.received} byte(s).`,
        ),
      );
    }
    const expected = range.last - range.first + 1;
    const length = request.headers['content-length'];
    if (length !== undefined && Number(length) !== expected) {
      return sendApiError(
        reply,
        API_ERRORS.badRequest('The Content-Length does not match the Content-Range.'),
      );
    }
    const isFinal = total !== null && range.last + 1 === total;
    const body = await countBody(request.body, expected, HEAD_BYTES);
    if (!body.complete && !body.tooLarge) {
      // The connection dropped mid-chunk: only whole 256 KiB units of what arrived are kept.
      videos.persist(session, range.first, body, false);
      return reply.hijack();
    }
    if (body.tooLarge || body.length !== expected) {
      return sendApiError(reply, API_ERRORS.badRequest('The request body does not match the Content-Range.'));
    }
    if (!isFinal && expected < CHUNK_UNIT) {
      return sendApiError(
        reply,
        API_ERRORS.badRequest(
          `Invalid request. The number of bytes uploaded is required to be equal or greater than ${CHUNK_UNIT}, except for the final request (it's recommended to be the exact multiple of ${CHUNK_UNIT}). The received request contained ${expected} bytes, which does not meet this requirement.`,
        ),
      );
    }
    // A non-final chunk that is not a multiple of 256 KiB keeps only its whole units: trust Range, not what you sent.
    videos.persist(session, range.first, body, isFinal);
    if (isFinal) return finish(reply, session, ctx, videos);
    return sendIncomplete(reply, session);
  });
}

/** Content-Range of the PUT; without one, the body is the whole file (or a status query when empty). */
function rangeOf(request: FastifyRequest, session: UploadSession): ContentRange | null {
  const header = request.headers['content-range'];
  if (typeof header === 'string') return parseContentRange(header);
  const length = Number(request.headers['content-length'] ?? '0');
  if (!Number.isInteger(length) || length < 0) return null;
  if (length === 0) return { kind: 'query', total: session.declaredLength };
  return { kind: 'chunk', first: 0, last: length - 1, total: session.declaredLength ?? length };
}

async function sendIncomplete(reply: FastifyReply, session: UploadSession): Promise<FastifyReply> {
  if (session.received > 0) reply.header('range', `bytes=0-${session.received - 1}`);
  return reply.code(308).header('content-length', '0').send();
}

function finish(
  reply: FastifyReply,
  session: UploadSession,
  ctx: SandboxContext,
  videos: VideoStore,
): Promise<FastifyReply> {
  videos.completeSession(session);
  return sendComplete(reply, session, ctx, videos);
}

/** The completed upload answers with the video resource (uploadStatus "uploaded" at first). */
async function sendComplete(
  reply: FastifyReply,
  session: UploadSession,
  ctx: SandboxContext,
  videos: VideoStore,
): Promise<FastifyReply> {
  const video = session.videoId ? videos.video(session.videoId) : undefined;
  if (!video) return sendApiError(reply, API_ERRORS.notFound());
  return reply
    .code(ctx.settings.google.uploadCompleteStatus)
    .type('application/json; charset=UTF-8')
    .send(renderVideo(video, session.parts, viewerFor(ctx, video.owner)));
}
