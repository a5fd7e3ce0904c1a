import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Publication } from '../../../src/domain/publishing/publication.js';
import { publishJob } from '../../../src/jobs/publish.job.js';
import type { PublishingService } from '../../../src/services/publishing/publishing.service.js';
import { publishAtOnce } from '../../fakes/fake-publisher.js';
import type { approvedVersionFixture } from '../../fakes/publishing-fixture.js';
import { publishingHarness, selfOnlyTiktokPublication } from '../../fakes/publishing-harness.js';

/** What happens to a publication once the queue gives up on the job moving it (its retries ran out). */
describe('giving up on a publish job', () => {
  let h: ReturnType<typeof publishingHarness>;
  let service: PublishingService;
  let f: Awaited<ReturnType<typeof approvedVersionFixture>>;
  let p: Publication;
  beforeEach(async () => {
    h = publishingHarness();
    service = h.service();
    ({ f, p } = await selfOnlyTiktokPublication(h, service));
  });
  afterEach(async () => h.cleanup());

  const reload = async () => (await h.store.publications.find(f.ctx.workspaceId, p.id))!;

  /** A run that got as far as the init's "before", then stopped for good (its later saves kept failing). */
  async function stuckMidUpload(jobId: string): Promise<void> {
    h.publishers.tiktok.script(
      async (journal) => {
        await journal.record('init', 'before', { chunkSize: 300_000 });
        await journal.status('uploading', 'Uploading');
        return new Promise(() => undefined);
      },
      async (journal, call) => {
        expect(call.remote).toEqual({ chunkSize: 300_000 });
        return publishAtOnce('post-9')(journal, call);
      },
    );
    void service.advance(f.ctx.workspaceId, p.id, jobId);
    for (let i = 0; i < 100 && (await reload()).status !== 'uploading'; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
  }

  it('the job’s final failure marks the publication failed with the reason; a retry resumes it at once', async () => {
    await stuckMidUpload('job-1');
    expect(await reload()).toMatchObject({ status: 'uploading', runner: { jobId: 'job-1' } });

    const handler = publishJob(service);
    await handler.onFinalFailure?.(
      { id: 'job-1', workspaceId: f.ctx.workspaceId, payload: { publicationId: p.id }, attempt: 8 },
      new Error('store unreachable'),
    );
    const failed = await reload();
    expect(failed).toMatchObject({
      status: 'failed',
      runner: null,
      nextRunAt: null,
      error: { code: 'publish_interrupted', retriable: true },
    });
    expect(failed.error?.message).toMatch(/TikTok stopped after repeated errors on our side; retry it/);
    expect(failed.timeline.at(-1)).toMatchObject({ status: 'failed' });

    // The person's retry is not held up by the dead run's hold, and resumes from the journal.
    const retried = await service.retry(f.ctx, p.id);
    expect(retried.status).toBe('queued');
    expect(await service.advance(f.ctx.workspaceId, p.id, 'job-retry')).toBe('published');
    expect(await reload()).toMatchObject({ status: 'published', platformPostId: 'post-9' });
    expect(h.publishers.tiktok.calls).toHaveLength(2);
  });

  it('leaves a publication that another job holds, or that a later run is planned for', async () => {
    await stuckMidUpload('job-1');
    expect(await service.giveUp(f.ctx.workspaceId, p.id, 'job-old')).toBe('left');
    expect((await reload()).status).toBe('uploading');

    const planned = await h.store.publications.find(f.ctx.workspaceId, p.id);
    await h.store.publications.update({
      ...planned!,
      runner: null,
      nextRunAt: new Date(h.clock.now() + 60_000).toISOString(),
      revision: planned!.revision + 1,
    });
    expect(await service.giveUp(f.ctx.workspaceId, p.id, 'job-1')).toBe('left');
    expect((await reload()).status).toBe('uploading');
  });

  it('leaves a published publication as it is', async () => {
    h.publishers.tiktok.script(publishAtOnce('post-1'));
    expect(await service.advance(f.ctx.workspaceId, p.id, 'job-1')).toBe('published');
    expect(await service.giveUp(f.ctx.workspaceId, p.id, 'job-1')).toBe('left');
    expect(await reload()).toMatchObject({ status: 'published', error: null });
  });
});
