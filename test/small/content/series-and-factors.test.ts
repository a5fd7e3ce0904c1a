import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InProcessQueue } from '../../../src/adapters/queue/in-process/in-process.queue.js';
import { SqliteStore } from '../../../src/adapters/store/sqlite/sqlite-store.js';
import { briefInput } from '../../../src/api/content.js';
import type { Brief } from '../../../src/domain/content.js';
import type { AuthContext } from '../../../src/services/auth-context.js';
import { ContentService } from '../../../src/services/content.service.js';
import { GenerationService } from '../../../src/services/generation/generation.service.js';
import { fakeFactoryKit } from '../../fakes/factory-kit.fake.js';
import { FakeClock } from '../../fakes/fake-clock.js';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const NOW = '2026-03-01T00:00:00.000Z';
const brief = (topic: string, over: Partial<Brief> = {}): Brief => ({
  ...briefInput.parse({ topic }),
  ...over,
});

describe('series and the factors every version records', () => {
  let dir: string;
  let store: SqliteStore;
  let ctx: AuthContext;
  let queue: InProcessQueue;
  let content: ContentService;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aif-series-'));
    store = SqliteStore.open(join(dir, 'db.sqlite'));
    const user = { id: 'u1', email: 'a@example.com', name: 'A', passwordHash: 'x', createdAt: NOW };
    await store.users.create(user);
    await store.workspaces.create({ id: 'w1', name: 'W1', createdAt: NOW });
    ctx = { sessionId: 's', user, workspaceId: 'w1', role: 'owner' };
    const clock = new FakeClock();
    // Not started: these tests look at what is created and queued, not at the generation.
    queue = new InProcessQueue({
      store,
      clock,
      logger: silent,
      concurrency: { render: 1, io: 1 },
      node: 'test',
    });
    content = new ContentService({ store, clock, queue });
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the items of a series one series id, stored with them; each series its own', async () => {
    const first = await content.createSeries(ctx, [brief('Cold brew'), brief('Iced tea'), brief('Matcha')]);
    const ids = new Set(first.map(({ item }) => item.seriesId));
    expect(ids.size).toBe(1);
    const [seriesId] = [...ids];
    expect(seriesId).toEqual(expect.any(String));
    for (const { item } of first) expect((await content.get(ctx, item.id)).item.seriesId).toBe(seriesId);
    const second = await content.createSeries(ctx, [brief('Espresso'), brief('Latte')]);
    expect(second[0]?.item.seriesId).not.toBe(seriesId);
    expect(second[1]?.item.seriesId).toBe(second[0]?.item.seriesId);
  });

  it('leaves a single video, and a series of one brief, without a series id', async () => {
    const { item } = await content.create(ctx, brief('Cold brew'));
    const [alone] = await content.createSeries(ctx, [brief('Iced tea')]);
    expect((await content.get(ctx, item.id)).item.seriesId).toBeUndefined();
    expect(alone && (await content.get(ctx, alone.item.id)).item.seriesId).toBeUndefined();
  });

  it('records the hook style as written and the topic level in every version’s parameters', async () => {
    const fake = fakeFactoryKit();
    try {
      const generation = new GenerationService({ store, clock: new FakeClock(), kit: fake.kit });
      const styled = await generation.generate(
        'w1',
        'item1',
        brief('How a password manager helps', { hookStyle: 'how-to', durationSeconds: 45 }),
        {},
      );
      expect(styled.parameters).toMatchObject({ hookStyle: 'how-to', duration: '41-60s', topic: 'password' });
      const numberless = await generation.generate(
        'w1',
        'item2',
        brief('Cold brew', { hookStyle: 'statistic' }),
        {},
      );
      expect(numberless.parameters.hookStyle).toBe('question');
      const toneHook = await generation.generate('w1', 'item3', brief('Cold brew'), {});
      expect(toneHook.parameters).not.toHaveProperty('hookStyle');
      expect(toneHook.parameters.topic).toBe('cold');
    } finally {
      fake.cleanup();
    }
  });
});
