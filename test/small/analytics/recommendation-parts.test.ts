import { describe, expect, it } from 'vitest';
import { briefFieldsOf, settableSpace } from '../../../src/domain/analytics/brief-factors.js';
import { factorLabel, levelLabel } from '../../../src/domain/analytics/factor-labels.js';
import { DURATION_LEVELS, durationLevel, FACTORS } from '../../../src/domain/analytics/factors.js';
import { normalQuantile, quantileDots } from '../../../src/services/analytics/quantile-dots.js';

describe('labels for people', () => {
  it.each([
    ['duration', '10-20s', 'Length', '10–20 s'],
    ['postingHour', '18-21', 'Posting time', '18:00–21:00'],
    ['postingHour', '00-03', 'Posting time', '00:00–03:00'],
    ['hookStyle', 'bold-claim', 'Hook style', 'Bold claim'],
    ['weekday', 'fri', 'Posting day', 'Friday'],
    ['stylePreset', 'tech-grid', 'Style', 'Tech grid'],
    ['music', 'builtin:calm', 'Music', 'Calm (built-in)'],
    ['voice', 'none', 'Voice', 'No voice-over'],
    ['voice', 'en-gb-2', 'Voice', 'en-gb-2'],
  ])('%s %s reads “%s: %s”', (factor, level, factorName, levelName) => {
    expect(factorLabel(factor)).toBe(factorName);
    expect(levelLabel(factor, level)).toBe(levelName);
  });

  it('names every factor, and keeps an unknown one as it is', () => {
    for (const factor of FACTORS) expect(factorLabel(factor)).not.toBe(factor);
    expect(factorLabel('caption')).toBe('caption');
    expect(levelLabel('duration', 'long')).toBe('long');
  });
});

describe('levels into brief fields', () => {
  it('turns each length level into seconds that fall inside it', () => {
    for (const level of DURATION_LEVELS) {
      const seconds = briefFieldsOf({ duration: level }).durationSeconds!;
      expect(durationLevel(seconds)).toBe(level);
    }
  });

  it('keeps brief choices, leaves out the schedule and anything a brief cannot take', () => {
    expect(
      briefFieldsOf({
        hookStyle: 'question',
        duration: '10-20s',
        postingHour: '18-21',
        weekday: 'fri',
        captionStyle: 'pop',
        stylePreset: 'nonsense',
        music: 'library',
        voice: 'default',
        topic: 'cats',
      }),
    ).toEqual({ hookStyle: 'question', durationSeconds: 15, captionStyle: 'pop', voice: 'default' });
  });

  it('offers the voices used before next to the default and none', () => {
    expect(settableSpace(['en-gb', 'default']).voice).toEqual(['default', 'none', 'en-gb']);
    expect(settableSpace([]).music).toEqual(['none', 'builtin:calm', 'builtin:bright']);
  });
});

describe('quantile dots', () => {
  it('computes standard normal quantiles', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
    expect(normalQuantile(0.9)).toBeCloseTo(1.281552, 5);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });

  it('draws 20 equally likely dots of the log-normal through the median and the 80 % range', () => {
    const dots = quantileDots({ median: 1000, low80: 250, high80: 4000 });
    expect(dots).toHaveLength(20);
    // Symmetric on the log scale around the median.
    expect(Math.sqrt(dots[9]! * dots[10]!)).toBeCloseTo(1000, 6);
    expect(dots[0]! * dots[19]!).toBeCloseTo(1000 * 1000, 0);
    // The 10th percentile sits between the 2nd and 3rd dots (at 7.5 % and 12.5 %).
    expect(dots[1]!).toBeLessThan(250);
    expect(dots[2]!).toBeGreaterThan(250);
  });

  it('collapses to the median when the range has no width', () => {
    for (const dot of quantileDots({ median: 500, low80: 500, high80: 500 })) expect(dot).toBeCloseTo(500, 9);
  });
});
