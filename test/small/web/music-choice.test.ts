import { describe, expect, it } from 'vitest';
import { briefInput } from '../../../src/api/content.js';
import { briefsFromCsv } from '../../../src/domain/briefs-csv.js';
import { musicLabel } from '../../../src/web/features/create/musicLabels.js';
import { exampleSeriesCsv, seriesColumns } from '../../../src/web/features/create/seriesCsv.js';

describe('music in the create forms', () => {
  it('documents the music column, and the example CSV uses it the way the server reads it', () => {
    expect(seriesColumns.map((column) => column.name)).toContain('music');
    const briefs = briefsFromCsv(exampleSeriesCsv).map((raw) => briefInput.parse(raw));
    expect(briefs.map((brief) => brief.music)).toEqual(['builtin:calm', 'builtin:bright', 'none']);
  });

  it.each([
    ['none', 'No music'],
    ['builtin:calm', 'Calm (built-in)'],
    ['builtin:bright', 'Bright (built-in)'],
    ['library:01jsong', 'evening piano.mp3 (media library)'],
    ['library:01jgone', 'An audio file no longer in the media library'],
  ])('names %s as "%s"', (choice, label) => {
    expect(musicLabel(choice, [{ id: '01jsong', filename: 'evening piano.mp3' }])).toBe(label);
  });
});
