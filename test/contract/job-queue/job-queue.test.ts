import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { newId } from '../../../src/domain/ids.js';
import { redisAvailable, startRedis, type RedisServer } from '../../fakes/redis-server.js';
import { jobLanesContract } from './job-lanes.contract.js';
import { jobQueueContract } from './job-queue.contract.js';

const sqliteBacking = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aif-queue-'));
  return {
    target: join(dir, 'jobs.sqlite'),
    scope: 'install',
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
};
jobQueueContract('in-process', sqliteBacking);
jobLanesContract('in-process', sqliteBacking);

describe.runIf(redisAvailable('JobQueue contract on BullMQ'))('on a real redis-server', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => redis?.stop());
  // Each test gets its own key prefix on the one server.
  const redisBacking = async () => ({
    target: redis.url,
    scope: `t${newId()}`,
    cleanup: async () => undefined,
  });
  jobQueueContract('bullmq', redisBacking);
  jobLanesContract('bullmq', redisBacking);
});
