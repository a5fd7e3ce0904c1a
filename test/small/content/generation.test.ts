import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InProcessQueue } from '../../../src/adapters/queue/in-process/in-process.queue.js';
import { InProcessProgressBus } from '../../../src/adapters/events/in-process-progress-bus.js';
import { SqliteStore } from '../../../src/adapters/store/sqlite/sqlite-store.js';
import { briefInput } from '../../../src/api/content.js';
import type { Brief } from '../../../src/domain/content.js';
import { isUploaded, type GeneratedOutputs, type Version } from '../../../src/domain/content-item.js';
import { TransientError } from '../../../src/domain/errors.js';
import { generateJob } from '../../../src/jobs/generate.job.js';
import type { AuthContext } from '../../../src/services/auth-context.js';
import { ContentService } from '../../../src/services/content.service.js';
import { fakeFactoryKit, itemsFor } from '../../fakes/factory-kit.fake.js';
import { FakeClock } from '../../fakes/fake-clock.js';

/** A version's outputs, which must be the factory's (not an upload's). */
function generated(version: Version): GeneratedOutputs {
  if (isUploaded(version.outputs)) throw new Error('expected a generated version');
  return version.outputs;
}

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('generation pipeline and jobs', () => {
  let dir: string;
  let store: SqliteStore;
  let ctx: AuthContext;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aif-gen-'));
    store = SqliteStore.open(join(dir, 'db.sqlite'));
    const now = new Date().toISOString();
    await store.users.create({
      id: 'u1',
      email: 'a@example.com',
      name: 'A',
      passwordHash: 'x',
      createdAt: now,
    });
    await store.workspaces.create({ id: 'w1', name: 'W', createdAt: now });
    ctx = {
      sessionId: 's',
      user: { id: 'u1', email: 'a@example.com', name: 'A', passwordHash: 'x', createdAt: now },
      workspaceId: 'w1',
      role: 'owner',
    };
  });
  const queues: InProcessQueue[] = [];
  afterEach(async () => {
    for (const q of queues.splice(0)) await q.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function setup(kitOptions: Parameters<typeof fakeFactoryKit>[0] = {}) {
    const clock = new FakeClock();
    const fake = fakeFactoryKit(kitOptions);
    const progress = new InProcessProgressBus();
    const queue = new InProcessQueue({
      store,
      clock,
      logger: silent,
      concurrency: { render: 2, io: 1 },
      node: 'test',
    });
    const items = itemsFor(store, fake.kit, clock, progress);
    const content = new ContentService({ store, clock, queue });
    await queue.start([generateJob(items)]);
    queues.push(queue);
    return { ...fake, queue, content, progress, clock };
  }

  const brief = (over: Partial<Brief> = {}): Brief => ({
    ...briefInput.parse({ topic: 'Cold brew coffee' }),
    ...over,
  });

  it('turns a brief into a ready version with every stage output and live progress', async () => {
    const { content, queue, progress, cleanup } = await setup();
    const events: string[] = [];
    const { item } = await content.create(ctx, brief());
    progress.subscribe('w1', item.id, (e) => events.push(`${e.stage}:${e.status}`));
    await queue.idle();
    const { item: done, versions } = await content.get(ctx, item.id);
    expect(done.status).toBe('ready');
    expect(versions).toHaveLength(1);
    const [v] = versions;
    expect(generated(v!).script.hook).toBe('All about Cold brew coffee');
    expect(generated(v!).visuals).toHaveLength(5);
    expect(v!.outputs.videoKey).toMatch(/^workspaces\/w1\/cache\/render\/[0-9a-f]{64}\.mp4$/);
    expect(v!.stageLog.map((s) => s.stage)).toEqual([
      'script',
      'voice',
      'visuals',
      'captions',
      'render',
      'cover',
      'metadata',
      'preflight',
    ]);
    expect(v!.parameters).toMatchObject({
      scriptWriter: 'fake-writer',
      voiceEngine: 'fake-voice',
      stylePreset: 'clean',
    });
    expect(events).toContain('render:running');
    expect(events.at(-1)).toBe('done:ready');
    await queue.stop();
    cleanup();
  });

  it('re-runs only the stages that depend on an edit, and gives the new version its own hash', async () => {
    const { content, queue, calls, cleanup } = await setup();
    const { item } = await content.create(ctx, brief());
    await queue.idle();
    const before = { ...calls };
    await content.edit(ctx, item.id, { captionText: { 0: 'A corrected caption' } });
    await queue.idle();
    expect(calls.script - before.script).toBe(0);
    expect(calls.voice - before.voice).toBe(0);
    expect(calls.render - before.render).toBe(1);
    const { versions } = await content.get(ctx, item.id);
    expect(versions.map((v) => v.number)).toEqual([2, 1]);
    expect(versions[0]!.contentHash).not.toBe(versions[1]!.contentHash);
    expect(versions[0]!.stageLog.filter((s) => s.cached).map((s) => s.stage)).toEqual([
      'script',
      'voice',
      'visuals',
      'metadata',
    ]);

    const metadataOnly = { ...calls };
    await content.edit(ctx, item.id, {
      metadata: { tiktok: { caption: 'New caption #coffee', aiGenerated: true } },
    });
    await queue.idle();
    expect(calls.render - metadataOnly.render).toBe(0);
    expect((await content.get(ctx, item.id)).versions[0]!.outputs.metadata.tiktok?.caption).toBe(
      'New caption #coffee',
    );
    await queue.stop();
    cleanup();
  });

  it('leaves a failed item with the failed stage and the reason, and retries from the cache', async () => {
    const { content, queue, calls, cleanup } = await setup({ failRenderTimes: 1 });
    const { item } = await content.create(ctx, brief());
    await queue.idle();
    const scriptsWritten = calls.script;
    const failed = (await content.get(ctx, item.id)).item;
    expect(failed.status).toBe('failed');
    expect(failed.failure).toEqual({ stage: 'render', reason: 'ffmpeg exited with code 1' });
    await expect(content.edit(ctx, item.id, {})).resolves.toEqual(expect.any(String));
    await queue.idle();
    expect((await content.get(ctx, item.id)).item.status).toBe('ready');
    expect(calls.script).toBe(scriptsWritten);
    await queue.stop();
    cleanup();
  });

  it('retries transient failures with backoff, then succeeds', async () => {
    const { content, queue, clock, cleanup } = await setup({
      failRenderTimes: 1,
      failWith: () => new TransientError('provider_busy', 'Busy', 1),
    });
    const { item } = await content.create(ctx, brief());
    for (let i = 0; i < 50 && (await content.get(ctx, item.id)).item.status !== 'ready'; i++) {
      clock.advance(5_000);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await content.get(ctx, item.id)).item.status).toBe('ready');
    await queue.stop();
    cleanup();
  });

  it('takes back at boot the job a crashed process of the same install left running, without waiting', async () => {
    const clock = new FakeClock();
    const fake = fakeFactoryKit();
    const items = itemsFor(store, fake.kit, clock);
    const crashed = new InProcessQueue({
      store,
      clock,
      logger: silent,
      concurrency: { render: 1, io: 1 },
      node: 'install',
    });
    const content = new ContentService({ store, clock, queue: crashed });
    const { item, jobId } = await content.create(ctx, brief());
    // The first process claimed it and died mid-job: its lease has a minute to run.
    const iso = (ms: number) => new Date(clock.now() + ms).toISOString();
    expect(await store.jobs.claimNext(iso(0), iso(60_000), crashed.worker)).toMatchObject({ id: jobId });
    const restarted = new InProcessQueue({
      store,
      clock,
      logger: silent,
      concurrency: { render: 1, io: 1 },
      node: 'install',
    });
    queues.push(restarted);
    await restarted.start([generateJob(items)]);
    await restarted.idle();
    expect((await content.get(ctx, item.id)).item.status).toBe('ready');
    expect(await store.jobs.find('w1', jobId)).toMatchObject({ status: 'succeeded', attempts: 2 });
    fake.cleanup();
  });

  it("leaves another node's running job alone until its lease runs out", async () => {
    const clock = new FakeClock();
    const fake = fakeFactoryKit();
    const items = itemsFor(store, fake.kit, clock);
    const elsewhere = new InProcessQueue({
      store,
      clock,
      logger: silent,
      concurrency: { render: 1, io: 1 },
      node: 'host-a',
    });
    const content = new ContentService({ store, clock, queue: elsewhere });
    const { item } = await content.create(ctx, brief());
    const iso = (ms: number) => new Date(clock.now() + ms).toISOString();
    expect(await store.jobs.claimNext(iso(0), iso(60_000), elsewhere.worker)).not.toBeNull();
    const here = new InProcessQueue({
      store,
      clock,
      logger: silent,
      concurrency: { render: 1, io: 1 },
      node: 'host-b',
    });
    queues.push(here);
    await here.start([generateJob(items)]);
    await here.idle();
    expect((await content.get(ctx, item.id)).item.status).toBe('queued');
    clock.advance(61_000);
    await here.idle();
    expect((await content.get(ctx, item.id)).item.status).toBe('ready');
    fake.cleanup();
  });

  it('does without a voice: captions follow a reading pace', async () => {
    const { content, queue, calls, cleanup } = await setup();
    const { item } = await content.create(ctx, brief({ voice: 'none' }));
    await queue.idle();
    const [v] = (await content.get(ctx, item.id)).versions;
    expect(calls.voice).toBe(0);
    expect(generated(v!).voice.audioKey).toBeNull();
    expect(generated(v!).voice.words.length).toBeGreaterThan(10);
    await queue.stop();
    cleanup();
  });
});
