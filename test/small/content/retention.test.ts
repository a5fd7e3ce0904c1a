import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InProcessQueue } from '../../../src/adapters/queue/in-process/in-process.queue.js';
import { SqliteStore } from '../../../src/adapters/store/sqlite/sqlite-store.js';
import { briefInput } from '../../../src/api/content.js';
import { isUploaded, type Version } from '../../../src/domain/content-item.js';
import { generateJob } from '../../../src/jobs/generate.job.js';
import type { AuthContext } from '../../../src/services/auth-context.js';
import { ContentService } from '../../../src/services/content.service.js';
import { RetentionService } from '../../../src/services/privacy/retention.service.js';
import { publication } from '../../contract/store/publishing-fixtures.js';
import { fakeFactoryKit, itemsFor } from '../../fakes/factory-kit.fake.js';
import { FakeClock } from '../../fakes/fake-clock.js';

const DAY = 86_400_000;
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** The render, cover and voice-over files of a version. */
function filesOf(v: Version): string[] {
  if (isUploaded(v.outputs)) throw new Error('expected a generated version');
  return [v.outputs.videoKey, v.outputs.coverKey, v.outputs.voice.audioKey!];
}

describe('retention of rendered media of unpublished items', () => {
  let dir: string;
  let store: SqliteStore;
  let clock: FakeClock;
  const queues: InProcessQueue[] = [];
  const cleanups: (() => void)[] = [];
  const ctx: AuthContext = {
    sessionId: 's',
    user: {
      id: 'u1',
      email: 'a@example.com',
      name: 'A',
      passwordHash: 'x',
      createdAt: '2026-01-01T00:00:00Z',
    },
    workspaceId: 'w1',
    role: 'owner',
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aif-retention-'));
    store = SqliteStore.open(join(dir, 'db.sqlite'));
    clock = new FakeClock(Date.parse('2026-06-01T10:00:00Z'));
    await store.users.create(ctx.user);
    await store.workspaces.create({ id: 'w1', name: 'W', createdAt: ctx.user.createdAt });
  });
  afterEach(async () => {
    for (const q of queues.splice(0)) await q.stop();
    for (const c of cleanups.splice(0)) c();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function setup() {
    const fake = fakeFactoryKit();
    cleanups.push(fake.cleanup);
    const queue = new InProcessQueue({
      store,
      clock,
      logger: silent,
      concurrency: { render: 2, io: 1 },
      node: 'test',
    });
    await queue.start([generateJob(itemsFor(store, fake.kit, clock))]);
    queues.push(queue);
    const content = new ContentService({ store, clock, queue });
    const retention = new RetentionService({ store, clock, queue, media: fake.kit.mediaStore });
    const make = async (topic: string) => {
      const { item } = await content.create(ctx, briefInput.parse({ topic }));
      await queue.idle();
      return (await content.get(ctx, item.id)).versions[0]!;
    };
    const exists = (key: string) => fake.kit.mediaStore.exists(key);
    return { fake, queue, content, retention, make, exists };
  }

  it('deletes the files of stale unpublished items, marks them, and keeps published, shared and recent ones', async () => {
    const { content, retention, make, exists, queue } = await setup();
    const stale = await make('Cold brew coffee');
    const published = await make('Sourdough starter');
    await store.publications.create(
      publication('w1', { itemId: published.itemId, versionId: published.id, status: 'published' }),
    );
    // Same brief as the published item: the stage cache gives it the very same files.
    const twin = await make('Sourdough starter');
    expect(filesOf(twin)).toEqual(filesOf(published));
    const canceledOnly = await make('Tea ceremony');
    await store.publications.create(
      publication('w1', { itemId: canceledOnly.itemId, versionId: canceledOnly.id, status: 'canceled' }),
    );

    clock.advance(80 * DAY);
    const recent = await make('Morning run');
    clock.advance(11 * DAY);
    expect(await retention.sweep()).toEqual({ items: 3, files: 6 });

    for (const key of [...filesOf(stale), ...filesOf(canceledOnly)]) expect(await exists(key)).toBe(false);
    for (const key of [...filesOf(published), ...filesOf(recent)]) expect(await exists(key)).toBe(true);
    const item = (await content.get(ctx, stale.itemId)).item;
    expect(item.status).toBe('failed');
    expect(item.failure).toMatchObject({ mediaExpired: true, stage: 'render' });
    expect(item.failure?.reason).toContain('90 days');
    expect((await content.get(ctx, twin.itemId)).item.failure?.mediaExpired).toBe(true);
    expect((await content.get(ctx, published.itemId)).item.status).toBe('ready');
    expect((await content.get(ctx, recent.itemId)).item.status).toBe('ready');

    // A second sweep finds nothing more to do.
    expect(await retention.sweep()).toEqual({ items: 0, files: 0 });

    // Retrying re-renders: the stage cache notices its files are gone instead of pointing at them.
    await content.retry(ctx, stale.itemId);
    await queue.idle();
    const again = await content.get(ctx, stale.itemId);
    expect(again.item.status).toBe('ready');
    expect(again.item.failure).toBeNull();
    const remade = again.versions[0]!;
    expect(remade.stageLog.filter((s) => !s.cached).map((s) => s.stage)).toEqual(
      expect.arrayContaining(['voice', 'render', 'cover']),
    );
    for (const key of filesOf(remade)) expect(await exists(key)).toBe(true);
  });

  it('follows the workspace setting: another number of days, or never', async () => {
    const { retention, make, exists } = await setup();
    const v = await make('Cold brew coffee');
    await store.workspaces.updateSettings('w1', {
      requireOtherApprover: false,
      retention: { unpublishedMediaDays: null, statsOnDisconnect: 'keep' },
    });
    clock.advance(400 * DAY);
    expect(await retention.sweep()).toEqual({ items: 0, files: 0 });
    await store.workspaces.updateSettings('w1', {
      requireOtherApprover: false,
      retention: { unpublishedMediaDays: 500, statsOnDisconnect: 'keep' },
    });
    expect(await retention.sweep()).toEqual({ items: 0, files: 0 });
    clock.advance(101 * DAY);
    expect(await retention.sweep()).toEqual({ items: 1, files: 3 });
    for (const key of filesOf(v)) expect(await exists(key)).toBe(false);
  });

  it('plans itself once a day at 03:00 UTC, one job however many processes plan it', async () => {
    const { retention } = await setup();
    await retention.planNext();
    await retention.planNext();
    expect(await store.jobs.nextDueAt(['retention'])).toBe('2026-06-02T03:00:00.000Z');
  });
});
