import { describe, expect, it } from 'vitest';
import type { ExportedVideo } from '../../../src/api/analytics.js';
import { statsExport } from '../../../src/api/analytics.js';
import { csvRow } from '../../../src/domain/analytics/csv-row.js';
import { parseCsv } from '../../../src/domain/briefs-csv.js';
import {
  CSV_COLUMNS,
  csvFile,
  exportFilename,
  jsonFile,
} from '../../../src/services/analytics/stats-export.js';

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = '';
  for await (const chunk of chunks) all += chunk;
  return all;
}

async function* from<T>(values: T[]): AsyncGenerator<T> {
  for (const value of values) yield await Promise.resolve(value);
}

const video = (over: Partial<ExportedVideo> = {}): ExportedVideo => ({
  id: 'v1',
  platform: 'tiktok',
  connectionId: 'c1',
  accountName: 'Main, "the" account',
  title: '=HYPERLINK("http://evil")',
  url: 'https://www.tiktok.com/@me/video/1',
  publishedAt: '2031-01-01T10:00:00.000Z',
  source: 'published',
  itemId: 'i1',
  versionId: 'ver1',
  seriesId: null,
  generation: {
    factors: { hookStyle: 'question', duration: '21-40s' },
    brief: { topic: 'Line one\nline two', durationSeconds: 30 },
    parameters: { writer: 'offline', seed: 7 },
  },
  snapshots: [
    {
      id: 's1',
      scheduledAgeHours: 1,
      ageHours: 1.02,
      takenAt: '2031-01-01T11:01:00.000Z',
      state: 'ok',
      counters: { views: 120, likes: 9, comments: 0, shares: 1, extra: { reach: 100 } },
      reason: null,
    },
    {
      id: 's2',
      scheduledAgeHours: 6,
      ageHours: 6.1,
      takenAt: '2031-01-01T16:06:00.000Z',
      state: 'missing',
      counters: null,
      reason: '-the call failed',
    },
  ],
  ...over,
});

describe('CSV rows', () => {
  it('quotes per RFC 4180 and makes formula-like text inert, numbers untouched', () => {
    expect(csvRow(['a', 'b,c', 'say "hi"', 'two\nlines', null, 42, -3.5])).toBe(
      'a,"b,c","say ""hi""","two\nlines",,42,-3.5\r\n',
    );
    expect(csvRow(['=1+1', '+x', '-x', '@sum', '\tx', 'ok=1'])).toBe("'=1+1,'+x,'-x,'@sum,'\tx,ok=1\r\n");
    expect(csvRow(['=a,b'])).toBe(`"'=a,b"\r\n`);
  });
});

describe('the export files', () => {
  it('CSV: a header, one row per reading, no-number readings with empty cells (never 0), parses back', async () => {
    const csv = await text(csvFile(from([video(), video({ id: 'v2', snapshots: [] })])));
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(4);
    const record = (row: string[]) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, row[i]]));
    const [ok, missing, empty] = rows.slice(1).map(record);
    expect(ok).toMatchObject({
      video_id: 'v1',
      account: 'Main, "the" account',
      title: `'=HYPERLINK("http://evil")`,
      state: 'ok',
      views: '120',
      comments: '0',
      extra: '{"reach":100}',
      factor_hookStyle: 'question',
      factor_topic: '',
      parameters: '{"writer":"offline","seed":7}',
    });
    expect(JSON.parse(ok!.brief!)).toEqual({ topic: 'Line one\nline two', durationSeconds: 30 });
    expect(missing).toMatchObject({ state: 'missing', views: '', likes: '', reason: "'-the call failed" });
    expect(empty).toMatchObject({ video_id: 'v2', snapshot_id: '', state: '', views: '' });
  });

  it('JSON: the videos with their readings, round trip through the schema', async () => {
    const videos = [video(), video({ id: 'v2', snapshots: [] })];
    const parsed = statsExport.parse(
      JSON.parse(await text(jsonFile('2031-02-01T00:00:00.000Z', from(videos)))),
    );
    expect(parsed).toEqual({ exportedAt: '2031-02-01T00:00:00.000Z', videos });
    expect(JSON.parse(await text(jsonFile('2031-02-01T00:00:00.000Z', from([]))))).toEqual({
      exportedAt: '2031-02-01T00:00:00.000Z',
      videos: [],
    });
  });

  it('names the file after the UTC day of the export', () => {
    expect(exportFilename('2031-02-03T23:59:00.000Z', 'csv')).toBe('ai-factory-stats-2031-02-03.csv');
    expect(exportFilename('2031-02-03T23:59:00.000Z', 'json')).toBe('ai-factory-stats-2031-02-03.json');
  });
});
