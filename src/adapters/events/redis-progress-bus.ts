import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import type { ProgressBus, ProgressEvent } from '../../ports/progress-bus.js';

/** The one channel every process of an install publishes progress on; events name their item. */
const CHANNEL = 'ai-factory:progress';

/**
 * Progress across processes: a worker publishes to Redis, and every API process delivers the events to its own
 * open streams. Events are live-only (a stream that opens late reads the job's saved progress first), so pub/sub's
 * at-most-once delivery is enough.
 */
export class RedisProgressBus implements ProgressBus {
  private readonly local = new EventEmitter();
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private subscribed: Promise<unknown> | null = null;

  constructor(redisUrl: string) {
    this.local.setMaxListeners(0);
    this.publisher = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    this.subscriber = new Redis(redisUrl, { lazyConnect: true });
    // ioredis reconnects by itself; without a listener it would print every failed attempt as unhandled.
    this.publisher.on('error', () => undefined);
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', (_channel: string, message: string) => {
      const event = JSON.parse(message) as ProgressEvent;
      this.local.emit(`${event.workspaceId}/${event.itemId}`, event);
    });
  }

  /** Subscribes before the first listener waits, so no event published after `ready` resolves is missed. */
  ready(): Promise<unknown> {
    this.subscribed ??= this.subscriber.subscribe(CHANNEL);
    return this.subscribed;
  }

  publish(event: ProgressEvent): void {
    // Progress is advisory: a lost event must never fail the generation that reported it.
    this.publisher.publish(CHANNEL, JSON.stringify(event)).catch(() => undefined);
  }

  subscribe(workspaceId: string, itemId: string, listener: (event: ProgressEvent) => void): () => void {
    void this.ready();
    const channel = `${workspaceId}/${itemId}`;
    this.local.on(channel, listener);
    return () => this.local.off(channel, listener);
  }

  async close(): Promise<void> {
    this.subscriber.disconnect();
    this.publisher.disconnect();
  }
}
