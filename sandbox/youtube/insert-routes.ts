import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorizeCall, chargeQuota, isApiError, type ApiCaller, type ApiDeps } from './api-auth.js';
import { API_ERRORS, apiError, sendApiError, type ApiError } from './errors.js';
import { parseParts, validateVideoMetadata, VIDEO_PARTS } from './metadata.js';
import type { VideoMetadata } from './video-model.js';
import type { VideoStore } from './video-store.js';
import { renderVideo, viewerFor } from './video-view.js';
import { isAcceptedMediaType, parseMultipartRelated, receiveBody } from './upload-body.js';

/** Path of the upload host's videos.insert; the session URI is this path with `upload_id`. */
export const UPLOAD_PATH = '/upload/youtube/v3/videos';
const MAX_FILE_BYTES = 256 * 1024 ** 3;
/** The sandbox holds a multipart body in memory; the real host has no such limit (use resumable). */
const MAX_MULTIPART_BYTES = 256 * 1024 * 1024;
const MAX_METADATA_BYTES = 1024 * 1024;

/** videos.insert: resumable session creation and single-request multipart upload; metadata-only insert → 400. */
export function registerInsertRoutes(app: FastifyInstance, deps: ApiDeps, videos: VideoStore): void {
  app.post(UPLOAD_PATH, async (request, reply) => {
    const caller = authorizeCall(request, deps, 'videos.insert');
    if (isApiError(caller)) return sendApiError(reply, caller);
    if (!caller.user.channel) return sendApiError(reply, API_ERRORS.youtubeSignupRequired());
    const query = request.query as Record<string, unknown>;
    const spent = chargeQuota(caller, deps, 'videos.insert');
    if (spent) return sendApiError(reply, spent);
    const parts = parseParts(query.part, VIDEO_PARTS);
    if (isApiError(parts)) return sendApiError(reply, parts);
    if (query.uploadType === 'resumable')
      return initiateResumable(request, reply, { caller, parts, deps, videos });
    if (query.uploadType === 'multipart')
      return insertMultipart(request, reply, { caller, parts, deps, videos });
    return sendApiError(
      reply,
      API_ERRORS.badRequest(
        'The sandbox accepts uploadType=resumable or uploadType=multipart for videos.insert.',
      ),
    );
  });

  // Without the upload host there is no media: the API answers mediaBodyRequired.
  app.post('/youtube/v3/videos', async (request, reply) => {
    const caller = authorizeCall(request, deps, 'videos.insert');
    if (isApiError(caller)) return sendApiError(reply, caller);
    const spent = chargeQuota(caller, deps, 'videos.insert');
    return sendApiError(reply, spent ?? API_ERRORS.mediaBodyRequired());
  });
}

interface InsertInput {
  caller: ApiCaller;
  parts: string[];
  deps: ApiDeps;
  videos: VideoStore;
}

/** Step 1 of §3.3: validates headers and metadata, then answers 200 with the session URI in Location. */
async function initiateResumable(
  request: FastifyRequest,
  reply: FastifyReply,
  input: InsertInput,
): Promise<FastifyReply> {
  const headerProblem = uploadHeaderProblem(request);
  if (headerProblem) return sendApiError(reply, headerProblem);
  const declared = request.headers['x-upload-content-length'];
  const bodyType = request.headers['content-type'] ?? '';
  const received = await receiveBody(request.body, MAX_METADATA_BYTES);
  let resource: unknown;
  if (received.data.length > 0) {
    if (!bodyType.toLowerCase().startsWith('application/json')) {
      return sendApiError(reply, API_ERRORS.badRequest(`Unsupported content with type: ${bodyType}`));
    }
    resource = parseJson(received.data);
    if (resource === PARSE_ERROR) return sendApiError(reply, API_ERRORS.parseError());
  }
  const metadata = validated(resource, input);
  if (isApiError(metadata)) return sendApiError(reply, metadata);
  const channel = input.caller.user.channel;
  if (!channel || !input.videos.tryCountUpload(channel.id))
    return sendApiError(reply, API_ERRORS.uploadLimitExceeded());
  const session = input.videos.openSession({
    owner: input.caller.access.persona,
    channelId: channel.id,
    channelTitle: channel.title,
    metadata,
    parts: input.parts,
    declaredLength: typeof declared === 'string' ? Number(declared) : null,
  });
  const location = input.deps.ctx.url(
    'youtubeApi',
    `${UPLOAD_PATH}?uploadType=resumable&upload_id=${session.id}`,
  );
  return reply.code(200).headers({ location, 'x-guploader-uploadid': session.id }).send();
}

/** X-Upload-Content-Length (optional, > 0, ≤ 256 GB) and X-Upload-Content-Type (video/* or octet-stream). */
function uploadHeaderProblem(request: FastifyRequest): ApiError | null {
  const length = request.headers['x-upload-content-length'];
  if (length !== undefined) {
    if (typeof length !== 'string' || !/^\d+$/.test(length)) {
      return API_ERRORS.badRequest('Invalid value for the X-Upload-Content-Length header.');
    }
    if (Number(length) === 0) return API_ERRORS.mediaBodyRequired();
    if (Number(length) > MAX_FILE_BYTES) {
      return apiError(413, 'uploadTooLarge', 'The video exceeds the maximum file size of 256 GB.');
    }
  }
  const type = request.headers['x-upload-content-type'];
  if (type !== undefined && (typeof type !== 'string' || !isAcceptedMediaType(type))) {
    return API_ERRORS.badContent(String(type));
  }
  return null;
}

/** uploadType=multipart: a JSON metadata part then the media part, answered with the video at once. */
async function insertMultipart(
  request: FastifyRequest,
  reply: FastifyReply,
  input: InsertInput,
): Promise<FastifyReply> {
  const contentType = request.headers['content-type'] ?? '';
  if (!contentType.toLowerCase().startsWith('multipart/related')) {
    return sendApiError(reply, API_ERRORS.badRequest('Invalid multipart request with 0 mime parts.'));
  }
  const received = await receiveBody(request.body, MAX_MULTIPART_BYTES);
  if (received.tooLarge) {
    return sendApiError(
      reply,
      apiError(413, 'uploadTooLarge', 'Multipart bodies above 256 MiB: use a resumable upload.'),
    );
  }
  const related = parseMultipartRelated(contentType, received.data);
  if (!related || related.length === 0 || related.length > 2) {
    return sendApiError(
      reply,
      API_ERRORS.badRequest(`Invalid multipart request with ${related?.length ?? 0} mime parts.`),
    );
  }
  const [meta, media] = related;
  if (!meta || !media) return sendApiError(reply, API_ERRORS.mediaBodyRequired());
  if (!meta.contentType.toLowerCase().startsWith('application/json')) {
    return sendApiError(reply, API_ERRORS.badRequest(`Unsupported content with type: ${meta.contentType}`));
  }
  const resource = parseJson(meta.body);
  if (resource === PARSE_ERROR) return sendApiError(reply, API_ERRORS.parseError());
  if (!isAcceptedMediaType(media.contentType))
    return sendApiError(reply, API_ERRORS.badContent(media.contentType));
  const metadata = validated(resource, input);
  if (isApiError(metadata)) return sendApiError(reply, metadata);
  if (media.body.length === 0) return sendApiError(reply, API_ERRORS.mediaBodyRequired());
  const channel = input.caller.user.channel;
  if (!channel || !input.videos.tryCountUpload(channel.id))
    return sendApiError(reply, API_ERRORS.uploadLimitExceeded());
  // The whole file is at hand: its container and length are read from all of it.
  const video = input.videos.createVideo(input.caller.access.persona, channel.id, channel.title, metadata, {
    bytes: media.body.length,
    head: media.body,
  });
  return reply
    .code(200)
    .type('application/json; charset=UTF-8')
    .send(renderVideo(video, input.parts, viewerFor(input.deps.ctx, video.owner)));
}

function validated(resource: unknown, input: InsertInput): VideoMetadata | ApiError {
  const { ctx } = input.deps;
  return validateVideoMetadata(resource, input.parts, {
    now: ctx.clock.now(),
    unverifiedApp: ctx.settings.google.unverifiedApp,
  });
}

const PARSE_ERROR = Symbol('parse-error');

function parseJson(data: Buffer): unknown {
  try {
    return JSON.parse(data.toString('utf8')) as unknown;
  } catch {
    return PARSE_ERROR;
  }
}
