import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../core/context.js';
import { registerCdnRoutes } from './cdn.js';
import { sendApiError } from './envelope.js';
import { mediaFailReason, probeMedia } from './media-probe.js';
import { CHUNK_RULES } from './post-validation.js';
import type { UploadProgress } from './publish-state.js';
import type { TiktokStore } from './store.js';

/** Bytes kept from each end of an upload for the media checks (the `moov` box sits at one end). */
const KEEP_BYTES = 8 * 1024 * 1024;
const MAX_BODY = CHUNK_RULES.maxLastChunk + 1024 * 1024;
const VIDEO_TYPES = new Set(['video/mp4', 'video/quicktime', 'video/webm']);
const CONTENT_RANGE = /^bytes (\d+)-(\d+)\/(\d+)$/;

function keep(upload: UploadProgress, chunk: Buffer): void {
  if (upload.head.length < KEEP_BYTES)
    upload.head = Buffer.concat([upload.head, chunk.subarray(0, KEEP_BYTES - upload.head.length)]);
  const joined = Buffer.concat([
    upload.tail,
    chunk.length > KEEP_BYTES ? chunk.subarray(-KEEP_BYTES) : chunk,
  ]);
  upload.tail = Buffer.from(joined.subarray(Math.max(0, joined.length - KEEP_BYTES)));
}

/**
 * The upload host: sequential chunk PUTs at the returned `upload_url`, authorized by its upload_token
 * alone. 206 for each chunk but the last, 201 for the last; 400 bad headers or length, 403 wrong token
 * or expired URL, 404 unknown upload, 416 a range that is not the next one. Also the signed CDN.
 */
export function registerUploadRoutes(app: FastifyInstance, ctx: SandboxContext, store: TiktokStore): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_BODY }, (_request, body, done) =>
    done(null, body),
  );
  app.setNotFoundHandler(async (_request, reply) =>
    sendApiError(reply, ctx.clock.now(), 404, 'not_found', 'Not found'),
  );
  app.setErrorHandler(async (error, _request, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 400 && status < 500)
      return sendApiError(reply, ctx.clock.now(), status, 'invalid_param', 'The request could not be read.');
    return sendApiError(reply, ctx.clock.now(), 500, 'internal_error', 'Something went wrong.');
  });
  registerCdnRoutes(app, ctx);

  app.put('/video/', { bodyLimit: MAX_BODY }, async (request, reply) => {
    const now = ctx.clock.now();
    const reject = (status: number, code: string, message: string) =>
      sendApiError(reply, now, status, code, message);
    const query = request.query as Record<string, unknown>;
    const { upload_id: uploadId, upload_token: uploadToken } = query;
    if (typeof uploadId !== 'string' || typeof uploadToken !== 'string')
      return reject(400, 'invalid_param', 'upload_id and upload_token are required');
    const publish = store.publishes.get(store.uploads.get(uploadId) ?? '');
    const upload = publish?.upload;
    if (!publish || !upload) return reject(404, 'not_found', 'Unknown upload task');
    if (uploadToken !== upload.uploadToken) return reject(403, 'access_denied', 'Invalid upload_token');
    if (now >= upload.expiresAt) return reject(403, 'access_denied', 'The upload_url has expired');
    if (request.headers.authorization !== undefined)
      return reject(400, 'invalid_param', 'The upload host takes no Authorization header');
    const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!VIDEO_TYPES.has(type))
      return reject(400, 'invalid_param', 'Content-Type must be video/mp4, video/quicktime or video/webm');
    const range = CONTENT_RANGE.exec(request.headers['content-range'] ?? '');
    if (!range) return reject(400, 'invalid_param', 'Content-Range must be bytes <first>-<last>/<total>');
    const [first, last, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
    if (total !== publish.videoSize || first > last || last >= total)
      return reject(
        400,
        'invalid_param',
        `Content-Range must cover bytes of the ${publish.videoSize}-byte file`,
      );
    if (first !== upload.receivedBytes)
      return reject(416, 'range_not_satisfiable', `Expected the chunk at byte ${upload.receivedBytes}`);
    const isLast = first / publish.chunkSize >= publish.totalChunks - 1;
    const expected = isLast ? publish.videoSize - first : publish.chunkSize;
    const chunk = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    if (last - first + 1 !== expected || chunk.length !== expected)
      return reject(400, 'invalid_param', `This chunk must be ${expected} bytes (Content-Range and body)`);
    upload.contentType = type;
    keep(upload, chunk);
    upload.receivedBytes += chunk.length;
    if (!isLast) {
      if (store.lostAnswers.loseIfDue('upload', request, reply)) return reply;
      return reply.code(206).send();
    }
    upload.completedAt = now;
    publish.probe = probeMedia({ head: upload.head, tail: upload.tail, total: publish.videoSize });
    publish.checkFailReason = mediaFailReason(publish.probe, publish.maxDurationSec);
    upload.head = Buffer.alloc(0);
    upload.tail = Buffer.alloc(0);
    if (store.lostAnswers.loseIfDue('upload', request, reply)) return reply;
    return reply.code(201).send();
  });
}
