import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ContentItem } from '../domain/content-item.js';
import type { ProgressBus, ProgressEvent } from '../ports/progress-bus.js';

const KEEPALIVE_MS = 15_000;

/** What keeps a stream open: the viewer's slot, given back at the end, and a check that they may still watch. */
export interface StreamGuard {
  release(): void;
  /** False once the viewer is no longer a member of the item's workspace. */
  stillAllowed(): Promise<boolean>;
  recheckMs: number;
}

/**
 * Server-sent events for one item: its state now, then every progress event until it is ready or failed
 * (or the browser goes away, or the viewer's membership ends).
 */
export function streamItemProgress(
  request: FastifyRequest,
  reply: FastifyReply,
  bus: ProgressBus,
  item: ContentItem,
  guard: StreamGuard,
): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-accel-buffering': 'no',
    // Keep-alive, unless the client asked to close after this response (its Connection: close wins).
    ...(/\bclose\b/i.test(request.headers.connection ?? '') ? {} : { connection: 'keep-alive' }),
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
    guard.release();
    res.end();
    return;
  }
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
  // Removal from the workspace happens elsewhere (another request, maybe another process): look again regularly.
  const recheck = setInterval(() => {
    guard.stillAllowed().then(
      (allowed) => allowed || close(),
      () => close(),
    );
  }, guard.recheckMs);
  const unsubscribe = bus.subscribe(item.workspaceId, item.id, (event) => {
    send(event);
    if (event.status !== 'running') close();
  });
  function close(): void {
    clearInterval(keepalive);
    clearInterval(recheck);
    unsubscribe();
    guard.release();
    res.end();
  }
  request.raw.on('close', close);
}
