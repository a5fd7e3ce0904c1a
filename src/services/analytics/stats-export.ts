import type { ExportedVideo } from '../../api/analytics.js';
import { FACTORS } from '../../domain/analytics/factors.js';
import { csvRow, type CsvCell } from '../../domain/analytics/csv-row.js';

export type ExportFormat = 'csv' | 'json';

/** A file to download: its name, type and content, produced piece by piece. */
export interface ExportFile {
  filename: string;
  contentType: string;
  body: AsyncIterable<string>;
}

const VIDEO_COLUMNS = [
  'video_id',
  'platform',
  'account',
  'title',
  'url',
  'published_at',
  'source',
  'item_id',
  'version_id',
  'series_id',
];
const READING_COLUMNS = [
  'snapshot_id',
  'scheduled_age_hours',
  'age_hours',
  'taken_at',
  'state',
  'views',
  'likes',
  'comments',
  'shares',
  'extra',
  'reason',
];
const MADE_COLUMNS = [...FACTORS.map((factor) => `factor_${factor}`), 'brief', 'parameters'];

/** The CSV's columns: the video, the reading, then how the video was made. */
export const CSV_COLUMNS: readonly string[] = [...VIDEO_COLUMNS, ...READING_COLUMNS, ...MADE_COLUMNS];

const json = (value: unknown): string | null => (value === null ? null : JSON.stringify(value));

/** A video's CSV rows, one per reading (a video without readings still gets one row, its reading cells empty). */
export function csvRows(video: ExportedVideo): string {
  const made: CsvCell[] = [
    ...FACTORS.map((factor) => video.generation.factors[factor] ?? null),
    json(video.generation.brief),
    json(video.generation.parameters),
  ];
  const about: CsvCell[] = [
    video.id,
    video.platform,
    video.accountName,
    video.title,
    video.url,
    video.publishedAt,
    video.source,
    video.itemId,
    video.versionId,
    video.seriesId,
  ];
  if (video.snapshots.length === 0) return csvRow([...about, ...READING_COLUMNS.map(() => null), ...made]);
  return video.snapshots
    .map((s) =>
      csvRow([
        ...about,
        s.id,
        s.scheduledAgeHours,
        s.ageHours,
        s.takenAt,
        s.state,
        s.counters?.views ?? null,
        s.counters?.likes ?? null,
        s.counters?.comments ?? null,
        s.counters?.shares ?? null,
        s.counters ? JSON.stringify(s.counters.extra) : null,
        s.reason,
        ...made,
      ]),
    )
    .join('');
}

/** The CSV file: a header row, then every reading of every video. */
export async function* csvFile(videos: AsyncIterable<ExportedVideo>) {
  yield csvRow(CSV_COLUMNS);
  for await (const video of videos) yield csvRows(video);
}

/** The JSON file ({exportedAt, videos}), written one video at a time. */
export async function* jsonFile(exportedAt: string, videos: AsyncIterable<ExportedVideo>) {
  yield `{"exportedAt":${JSON.stringify(exportedAt)},"videos":[`;
  let first = true;
  for await (const video of videos) {
    yield `${first ? '' : ','}${JSON.stringify(video)}`;
    first = false;
  }
  yield ']}';
}

/** ai-factory-stats-YYYY-MM-DD.csv|json, dated by the export's UTC day. */
export const exportFilename = (exportedAt: string, format: ExportFormat): string =>
  `ai-factory-stats-${exportedAt.slice(0, 10)}.${format}`;
