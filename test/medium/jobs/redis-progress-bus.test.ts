import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisProgressBus } from '../../../src/adapters/events/redis-progress-bus.js';
import type { ProgressEvent } from '../../../src/ports/progress-bus.js';
import { redisAvailable, startRedis, type RedisServer } from '../../fakes/redis-server.js';

const event = (itemId: string, overall: number): ProgressEvent => ({
  workspaceId: 'w1',
  itemId,
  stage: 'render',
  fraction: overall,
  overall,
  status: 'running',
});

describe.runIf(redisAvailable('Progress over Redis'))(
  'Progress from a worker process to an API process',
  () => {
    let redis: RedisServer;
    beforeAll(async () => {
      redis = await startRedis();
    });
    afterAll(async () => redis?.stop());

    it("delivers a worker's events to the API's listeners of that item only, until they unsubscribe", async () => {
      const api = new RedisProgressBus(redis.url);
      const worker = new RedisProgressBus(redis.url);
      await api.ready();
      const seen: ProgressEvent[] = [];
      const other: ProgressEvent[] = [];
      const stop = api.subscribe('w1', 'item-1', (e) => seen.push(e));
      api.subscribe('w1', 'item-2', (e) => other.push(e));

      worker.publish(event('item-1', 0.25));
      worker.publish(event('item-1', 0.5));
      await waitFor(() => seen.length === 2);
      expect(seen.map((e) => e.overall)).toEqual([0.25, 0.5]);
      expect(other).toEqual([]);

      stop();
      worker.publish(event('item-1', 0.75));
      worker.publish(event('item-2', 0.1));
      await waitFor(() => other.length === 1);
      expect(seen).toHaveLength(2);
      await api.close();
      await worker.close();
    });

    it('never fails the publisher when Redis is gone', async () => {
      const bus = new RedisProgressBus('redis://127.0.0.1:1');
      expect(() => bus.publish(event('item-1', 1))).not.toThrow();
      await bus.close();
    });
  },
);

async function waitFor(done: () => boolean): Promise<void> {
  const until = Date.now() + 5000;
  while (!done()) {
    if (Date.now() > until) throw new Error('timed out waiting for progress events');
    await new Promise((r) => setTimeout(r, 20));
  }
}
