import { describe, expect, it } from 'vitest';
import { learnGrowth, logViewsAt7d, shiftTo7d } from '../../../src/domain/learning/growth.js';
import type { Observation } from '../../../src/domain/learning/index.js';

function video(id: number, snapshots: Observation['snapshots']): Observation {
  return {
    videoId: `v${id}`,
    accountId: 'yt',
    platform: 'youtube',
    factors: {},
    publishedAt: '2026-01-05T18:00:00.000Z',
    snapshots,
  };
}

describe('growth to 7 days', () => {
  it('uses the default curve before any video has both readings, with a spread that grows with the gap', () => {
    const none = learnGrowth([]);
    const from24h = shiftTo7d(none, 'youtube', 24);
    const from1h = shiftTo7d(none, 'youtube', 1);
    expect(from24h.mean).toBeCloseTo(0.4 * Math.log(7), 9);
    expect(from1h.mean).toBeGreaterThan(from24h.mean);
    expect(from1h.variance).toBeGreaterThan(from24h.variance);
    expect(shiftTo7d(none, 'youtube', 168)).toEqual({ mean: 0, variance: 0 });
  });

  it("learns a platform's growth from videos with both readings, and leaves other platforms at the default", () => {
    // On this platform, 7-day views are e ≈ 2.72 times the 24 h views (the default curve says 2.18).
    const pairs = Array.from({ length: 60 }, (_, i) =>
      video(i, [
        { ageHours: 24, views: 1000 + 10 * i },
        { ageHours: 168, views: Math.round(Math.E * (1000 + 10 * i)) },
      ]),
    );
    const growth = learnGrowth(pairs);
    const learned = shiftTo7d(growth, 'youtube', 24);
    expect(learned.mean).toBeGreaterThan(0.95);
    expect(learned.mean).toBeLessThan(1.0);
    expect(learned.variance).toBeLessThan(shiftTo7d(learnGrowth([]), 'youtube', 24).variance);
    expect(shiftTo7d(growth, 'tiktok', 24).mean).toBeCloseTo(0.4 * Math.log(7), 9);
  });

  it('places a video by its 7-day reading when it has one, ignores readings without numbers, and skips silent videos', () => {
    const growth = learnGrowth([]);
    const both = logViewsAt7d(
      growth,
      video(1, [
        { ageHours: 24, views: 10 },
        { ageHours: 168, views: 999 },
        { ageHours: 672, views: null },
      ]),
    );
    expect(both).toEqual({ value: Math.log(1000), variance: 0 });
    const early = logViewsAt7d(
      growth,
      video(2, [
        { ageHours: 24, views: 99 },
        { ageHours: 168, views: null },
      ]),
    );
    expect(early!.value).toBeCloseTo(Math.log(100) + 0.4 * Math.log(7), 9);
    expect(early!.variance).toBeGreaterThan(0);
    expect(logViewsAt7d(growth, video(3, [{ ageHours: 24, views: null }]))).toBeNull();
  });
});
