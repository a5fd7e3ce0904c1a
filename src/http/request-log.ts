import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

// The stable error code a request was answered with, noted by the error handler for the request's one log line.
const rejectionCodes = new WeakMap<FastifyRequest, string>();

/** Notes the error code a request is answered with, so its log line names it. */
export function noteRejection(request: FastifyRequest, code: string): void {
  rejectionCodes.set(request, code);
}

/**
 * One log line per request, written once the response is sent, instead of Fastify's "incoming request" and
 * "request completed" pair. The message is the short readable form (method, path, status, time and the error code
 * of a rejection); the structured fields keep what JSON logs need: request id, method, url, status, duration.
 * The path leaves out the query string; `req.url` keeps it, with secret parameters redacted by the logger.
 */
export class OneLineRequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const errorCode = rejectionCodes.get(request);
    const path = request.url.split('?')[0] ?? request.url;
    const line = `${request.method} ${path} ${reply.statusCode} ${Math.round(reply.elapsedTime)} ms`;
    const fields = {
      req: request,
      res: { statusCode: reply.statusCode },
      responseTime: reply.elapsedTime,
      ...(errorCode ? { errorCode } : {}),
    };
    // A response that broke off midway (client gone, stream failed) is an error, as in Fastify's own line.
    if (error) request.log.error({ ...fields, err: error }, `${line} broken off`);
    else request.log.info(fields, errorCode ? `${line} ${errorCode}` : line);
  }
}
