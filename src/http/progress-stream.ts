import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ContentItem } from '../domain/content-item.js';
import type { ProgressBus, ProgressEvent } from '../ports/progress-bus.js';

const KEEPALIVE_MS = 15_000;

/**
 * Server-sent events for one item: its state now, then every progress event until it is ready or failed
 * (or the browser goes away).
 */
export function streamItemProgress(
  request: FastifyRequest,
  reply: FastifyReply,
  bus: ProgressBus,
  item: ContentItem,
): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-accel-buffering': 'no',
  });
  const send = (
    event: Pick<ProgressEvent, 'stage' | 'fraction' | 'overall' | 'status'> & { message?: string },
  ) => res.write(`event: progress\ndata: ${JSON.stringify(event)}\n\n`);
  const initial = item.status === 'ready' ? 'ready' : item.status === 'failed' ? 'failed' : 'running';
  send({
    stage: item.failure?.stage ?? item.status,
    fraction: 0,
    overall: initial === 'ready' ? 1 : 0,
    status: initial,
    ...(item.failure ? { message: item.failure.reason } : {}),
  });
  if (initial !== 'running') {
    res.end();
    return;
  }
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
  const unsubscribe = bus.subscribe(item.workspaceId, item.id, (event) => {
    send(event);
    if (event.status !== 'running') close();
  });
  function close(): void {
    clearInterval(keepalive);
    unsubscribe();
    res.end();
  }
  request.raw.on('close', close);
}
