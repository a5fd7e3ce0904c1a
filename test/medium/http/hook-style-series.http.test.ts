import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';

interface Created {
  item: { id: string; seriesId: string | null; brief: { hookStyle: string | null } };
}
interface ErrorReply {
  error: { code: string; message: string };
}

describe('hook style and series over HTTP', () => {
  let t: TestApp;
  let owner: Client;

  beforeAll(async () => {
    t = await startTestApp();
    owner = new Client(t.app, t.origin);
    await owner.signUp('hooks-owner@example.com');
  });
  afterAll(async () => t.close());

  it('takes a hook style on one brief and shows it back; one video has no series', async () => {
    const styled = await owner.post('/api/items', { topic: 'Cold brew at home', hookStyle: 'bold-claim' });
    expect(styled.statusCode).toBe(201);
    const { item } = styled.json<Created>();
    expect(item.brief.hookStyle).toBe('bold-claim');
    expect(item.seriesId).toBeNull();
    const read = (await owner.get(`/api/items/${item.id}`)).json<Created>();
    expect(read.item.brief.hookStyle).toBe('bold-claim');

    const plain = (await owner.post('/api/items', { topic: 'Iced tea' })).json<Created>();
    expect(plain.item.brief.hookStyle).toBeNull();
  });

  it('gives the briefs of a series, as JSON or CSV, one series id and each its own hook style', async () => {
    const json = await owner.post('/api/items/series', {
      briefs: [
        { topic: 'Cold brew at home', hookStyle: 'question' },
        { topic: 'Iced tea', hookStyle: 'how-to' },
      ],
    });
    expect(json.statusCode).toBe(201);
    const jsonItems = json.json<{ items: Created[] }>().items.map((entry) => entry.item);
    expect(jsonItems.map((item) => item.brief.hookStyle)).toEqual(['question', 'how-to']);
    expect(jsonItems[0]?.seriesId).toEqual(expect.any(String));
    expect(jsonItems[1]?.seriesId).toBe(jsonItems[0]?.seriesId);

    const csv = await owner.post('/api/items/series', {
      csv: 'topic,hookStyle\nMorning stretches,story\nEvening walks,\n',
    });
    expect(csv.statusCode).toBe(201);
    const csvItems = csv.json<{ items: Created[] }>().items.map((entry) => entry.item);
    expect(csvItems.map((item) => item.brief.hookStyle)).toEqual(['story', null]);
    expect(csvItems[0]?.seriesId).not.toBe(jsonItems[0]?.seriesId);
    expect(csvItems[1]?.seriesId).toBe(csvItems[0]?.seriesId);
  });

  it('answers 400 with a stable code for an unknown hook style', async () => {
    const single = await owner.post('/api/items', { topic: 'Cold brew at home', hookStyle: 'cliffhanger' });
    expect(single.statusCode).toBe(400);
    expect(single.json<ErrorReply>().error.code).toBe('validation_failed');
    const series = await owner.post('/api/items/series', {
      csv: 'topic,hookStyle\nMorning stretches,story\nEvening walks,cliffhanger\n',
    });
    expect(series.statusCode).toBe(400);
    expect(series.json<ErrorReply>().error).toMatchObject({
      code: 'brief_invalid',
      message: expect.stringContaining('Brief 2: hookStyle') as unknown,
    });
  });
});
