import { describe, expect, it } from 'vitest';
import { briefInput } from '../../../src/api/content.js';
import { briefsFromCsv } from '../../../src/domain/briefs-csv.js';
import { HOOK_STYLES } from '../../../src/domain/content.js';
import { hookStyleField, hookStyles } from '../../../src/web/features/create/briefOptions.js';
import { exampleSeriesCsv, seriesColumns } from '../../../src/web/features/create/seriesCsv.js';

describe('the hook style in the create forms', () => {
  it('offers every style and "match the tone", which sends no style', () => {
    expect(hookStyles.map((choice) => choice.value)).toEqual(['tone', ...HOOK_STYLES]);
    const topic = 'Cold brew at home';
    expect(briefInput.parse({ topic, ...hookStyleField('tone') })).not.toHaveProperty('hookStyle');
    expect(briefInput.parse({ topic, ...hookStyleField('story') }).hookStyle).toBe('story');
  });

  it('documents the hookStyle column, and the example CSV uses it the way the server reads it', () => {
    expect(seriesColumns.map((column) => column.name)).toContain('hookStyle');
    const briefs = briefsFromCsv(exampleSeriesCsv).map((raw) => briefInput.parse(raw));
    expect(briefs.map((brief) => brief.hookStyle)).toEqual(['statistic', 'how-to', undefined]);
  });

  it('refuses an unknown hook style from a CSV row', () => {
    const [row] = briefsFromCsv('topic,hookStyle\nCold brew,cliffhanger\n');
    expect(briefInput.safeParse(row).success).toBe(false);
  });
});
