import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { BugError, TransientError, UserError, type UserErrorKind } from '../domain/errors.js';
import type { ErrorBody } from '../api/common.js';
import { noteRejection } from './request-log.js';

const STATUS_BY_KIND: Record<UserErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  needs_reconnect: 409,
};

// Fastify's own request errors, mapped to stable codes. Oversized bodies answer 400 like any other bad input.
const FASTIFY_CODES: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid_json', message: 'The body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'invalid_json', message: 'The JSON body is empty' },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 400,
    code: 'payload_too_large',
    message: 'The body is larger than 1 MB',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type', message: 'Send JSON' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'invalid_content_length',
    message: 'Bad Content-Length',
  },
};

/** The one error body, with a stable code. */
export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}

function toResponse(error: unknown): { status: number; body: ErrorBody; retryAfterSeconds?: number } {
  if (error instanceof UserError) {
    return { status: STATUS_BY_KIND[error.kind], body: errorBody(error.code, error.message, error.details) };
  }
  if (error instanceof TransientError) {
    const retryAfterSeconds = error.retryAfterMs ? Math.ceil(error.retryAfterMs / 1000) : undefined;
    return {
      status: 503,
      body: errorBody(error.code, error.message),
      ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((v) => ({
      in: error.validationContext,
      path: v.instancePath.replace(/^\//, '').replace(/\//g, '.'),
      message: v.message,
    }));
    return { status: 400, body: errorBody('validation_failed', 'The request is not valid', details) };
  }
  const fastifyError = error as Partial<FastifyError>;
  const known = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (known) return { status: known.status, body: errorBody(known.code, known.message) };
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return {
      status: fastifyError.statusCode,
      body: errorBody('bad_request', fastifyError.message ?? 'Bad request'),
    };
  }
  return {
    status: 500,
    body: errorBody('internal_error', 'Something went wrong on our side; it has been logged'),
  };
}

/** Maps every thrown error to the error body; only unexpected ones are logged as errors, the rest in the request's line. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(async (error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const response = toResponse(error);
    if (response.status >= 500) {
      const code = error instanceof BugError ? error.code : 'unexpected';
      request.log.error({ err: error, code }, 'request failed');
    } else {
      noteRejection(request, response.body.error.code);
    }
    if (response.retryAfterSeconds) void reply.header('retry-after', String(response.retryAfterSeconds));
    return reply.code(response.status).send(response.body);
  });
}

// Errors the router raises before any route runs: a path part over maxParamLength, broken percent-encoding.
const ROUTER_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 414,
    code: 'url_too_long',
    message: 'A part of the address is longer than 100 characters',
  },
  FST_ERR_BAD_URL: {
    status: 400,
    code: 'bad_url',
    message: 'The address is not valid (broken percent-encoding)',
  },
};

/** Fastify's `frameworkErrors`: the router's own errors answer the one error body too. */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const known = ROUTER_ERRORS[error.code] ?? { status: 400, code: 'bad_request', message: 'Bad request' };
  request.log.info({ code: known.code, status: known.status }, 'request rejected');
  void reply.code(known.status).send(errorBody(known.code, known.message));
}

/**
 * Fastify's `clientErrorHandler`: a request Node cannot even parse (a raw non-ASCII byte in the URL, headers too
 * large, a timeout) gets the one error body on the socket, which is then closed.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  // A client that went away gets no answer, but its socket must still be let go (or the server never closes).
  if (error.code === 'ECONNRESET' || socket.destroyed) {
    socket.destroy();
    return;
  }
  const [status, code, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'request_timeout', 'The request took too long to arrive']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'headers_too_large', 'The request headers are too large']
        : [400, 'bad_request', 'The request is not valid HTTP'];
  const body = JSON.stringify(errorBody(code, message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
