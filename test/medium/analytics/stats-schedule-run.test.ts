import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshotCoverage } from '../../../bench/analytics/snapshot-coverage.js';
import type { Connection } from '../../../src/domain/connection.js';
import { statsSyncHarness } from '../../fakes/stats-sync-harness.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

describe('90 days of sweeps over three platforms', () => {
  let h: ReturnType<typeof statsSyncHarness>;
  beforeEach(() => {
    h = statsSyncHarness();
  });
  afterEach(async () => h.cleanup());

  it('makes exactly the theoretical minimum of calls and leaves every video with all its due snapshots', async () => {
    const connections: Connection[] = [];
    for (const platform of ['tiktok', 'instagram', 'youtube'] as const)
      connections.push(await h.account(platform));
    // Three cohorts, published 7 and 40 minutes apart, with some posts that never have numbers.
    for (const offset of [0, 7 * MINUTE, 33 * MINUTE]) {
      h.clock.advance(offset);
      for (const c of connections) {
        const made = await h.videos(c, c.platform === 'instagram' ? 4 : 45);
        h.readers[c.platform].answers.set(made[0]!.platformPostId, { state: 'no_stats', reason: 'private' });
      }
    }
    const end = h.clock.now() + 91 * DAY;
    let minimum = 0;
    for (let guard = 0; guard < 500; guard++) {
      const [next] = await h.store.trackedVideos.listDue(new Date(end).toISOString(), 1);
      if (!next?.nextSnapshotAt) break;
      const at = Math.ceil(Date.parse(next.nextSnapshotAt) / MINUTE) * MINUTE;
      h.clock.advance(Math.max(0, at - h.clock.now()));
      const due = await h.store.trackedVideos.listDue(new Date(h.clock.now()).toISOString(), 100_000);
      for (const c of connections) {
        const count = due.filter((v) => v.connectionId === c.id).length;
        minimum += Math.ceil(count / h.readers[c.platform].maxIdsPerCall);
      }
      await h.service.sweep();
    }
    const made = Object.values(h.readers).reduce((sum, r) => sum + r.calls.length, 0);
    expect(made).toBe(minimum);
    for (const c of connections) {
      const l5 = await snapshotCoverage(h.store, c.workspaceId, h.clock.now());
      expect(l5.complete).toBe(l5.videos);
      expect(l5.noData).toBe(3 * 15);
      expect(l5.noDataStoredAsZero).toBe(0);
    }
  });
});
