import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../src/adapters/store/sqlite/sqlite-store.js';
import type { ContentItem } from '../../../src/domain/content-item.js';
import { generateJob } from '../../../src/jobs/generate.job.js';
import type { JobContext } from '../../../src/ports/job-queue.js';
import { BRIEF, item, user, workspaceWith } from '../../contract/store/fixtures.js';
import { fakeFactoryKit, itemsFor } from '../../fakes/factory-kit.fake.js';
import { FakeClock } from '../../fakes/fake-clock.js';

const run = (): JobContext => ({ heartbeat: async () => undefined, signal: new AbortController().signal });

/**
 * A queue may deliver a generate job again while or after it ran (BullMQ re-delivers a job whose worker lost its
 * lock, even when that worker finishes it): the item still gets one version per job.
 */
describe('a generate job makes one version, however often it is delivered', () => {
  let dir: string;
  let store: SqliteStore;
  let kit: ReturnType<typeof fakeFactoryKit>;
  let queued: ContentItem;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aif-once-'));
    store = SqliteStore.open(join(dir, 'db.sqlite'));
    kit = fakeFactoryKit();
    const owner = user();
    await store.users.create(owner);
    const ws = await workspaceWith(store, { user: owner, role: 'owner' });
    queued = item(ws.id, { status: 'queued', source: 'generated', brief: BRIEF, currentVersionId: null });
    await store.content.createItem(queued);
  });
  afterEach(async () => {
    kit.cleanup();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const versions = () => store.content.listVersions(queued.workspaceId, queued.id);
  const job = () => generateJob(itemsFor(store, kit.kit, new FakeClock(Date.now())));
  const delivery = (baseVersionId: string | null | undefined) => ({
    id: 'job-1',
    workspaceId: queued.workspaceId,
    payload: { itemId: queued.id, edits: {}, baseVersionId },
    attempt: 1,
  });

  it('delivered again after it finished: nothing more is made', async () => {
    await job().handle(delivery(null), run());
    await job().handle(delivery(null), run());
    expect(await versions()).toHaveLength(1);
    expect(kit.calls.render).toBe(1);
    const ready = await store.content.findItem(queued.workspaceId, queued.id);
    expect(ready).toMatchObject({ status: 'ready', currentVersionId: (await versions())[0]!.id });
  });

  it('delivered twice at once: one version is saved, the item is ready with it', async () => {
    await Promise.all([job().handle(delivery(null), run()), job().handle(delivery(null), run())]);
    const made = await versions();
    expect(made).toHaveLength(1);
    const ready = await store.content.findItem(queued.workspaceId, queued.id);
    expect(ready).toMatchObject({ status: 'ready', currentVersionId: made[0]!.id });
  });

  it('an edit queued on top of a version makes its own version once', async () => {
    await job().handle(delivery(null), run());
    const [first] = await versions();
    const edit = { ...delivery(first!.id), id: 'job-2', payload: { ...delivery(first!.id).payload } };
    edit.payload.edits = { metadata: { tiktok: { caption: 'Edited', aiGenerated: true } } };
    await job().handle(edit, run());
    await job().handle(edit, run());
    expect((await versions()).map((v) => v.number)).toEqual([2, 1]);
  });

  it('a job queued before the field existed is not checked', async () => {
    await job().handle(delivery(undefined), run());
    await job().handle(delivery(undefined), run());
    expect(await versions()).toHaveLength(2);
  });
});
