import { describe, expect, it } from 'vitest';
import {
  clockTime,
  dayStart,
  nextDayStart,
  tiktokBudget,
  youtubeBudget,
} from '../../../src/domain/publishing/budgets.js';

const at = (iso: string) => Date.parse(iso);

describe('calendar days in a zone', () => {
  it.each([
    ['UTC', '2026-03-10T17:42:00Z', '2026-03-10T00:00:00.000Z', '2026-03-11T00:00:00.000Z'],
    // Pacific daylight time (UTC-7): the quota day started at 07:00 UTC.
    ['America/Los_Angeles', '2026-07-10T05:00:00Z', '2026-07-09T07:00:00.000Z', '2026-07-10T07:00:00.000Z'],
    // Pacific standard time (UTC-8).
    ['America/Los_Angeles', '2026-01-10T20:00:00Z', '2026-01-10T08:00:00.000Z', '2026-01-11T08:00:00.000Z'],
    // The day daylight saving starts is 23 hours long.
    ['America/Los_Angeles', '2026-03-08T12:00:00Z', '2026-03-08T08:00:00.000Z', '2026-03-09T07:00:00.000Z'],
  ])('%s at %s: the day began %s and the next begins %s', (zone, now, start, next) => {
    expect(new Date(dayStart(zone, at(now))).toISOString()).toBe(start);
    expect(new Date(nextDayStart(zone, at(now))).toISOString()).toBe(next);
  });

  it('shows times of day in the person’s zone', () => {
    expect(clockTime(at('2026-03-11T00:05:00Z'), 'UTC')).toBe('00:05');
    expect(clockTime(at('2026-03-11T00:05:00Z'), 'Europe/Paris')).toBe('01:05');
  });
});

describe('TikTok budget', () => {
  const base = { perMinute: 6, dailyCap: 15, now: at('2026-03-10T17:42:00Z'), displayZone: 'UTC' };
  it.each([
    [0, 0, 'go'],
    [5, 14, 'go'],
  ])('%i in the last minute and %i today: go', (minute, today, verdict) => {
    expect(tiktokBudget({ ...base, startedLastMinute: minute, startedToday: today })).toBe(verdict);
  });

  it('the daily cap defers to just after the next UTC day begins, with the plain sentence', () => {
    expect(tiktokBudget({ ...base, startedLastMinute: 0, startedToday: 15 })).toEqual({
      reason: "TikTok's daily limit for this account is reached; it will go at 00:05",
      until: at('2026-03-11T00:05:00Z'),
    });
  });

  it('six inits in the last minute defer by a minute', () => {
    const verdict = tiktokBudget({ ...base, startedLastMinute: 6, startedToday: 6 });
    expect(verdict).toEqual({
      reason: 'TikTok takes at most 6 posts a minute from one account; it will go at 17:43',
      until: base.now + 60_000,
    });
  });

  it('a configured daily cap is respected', () => {
    expect(tiktokBudget({ ...base, dailyCap: 3, startedLastMinute: 0, startedToday: 3 })).not.toBe('go');
  });
});

describe('YouTube quota budget', () => {
  const base = { dailyUnits: 10_000, costPerUpload: 100, displayZone: 'UTC' };
  it.each([
    [0, 'go'],
    [99, 'go'],
  ])('%i uploads today: go', (today, verdict) => {
    expect(youtubeBudget({ ...base, startedToday: today, now: at('2026-07-10T05:00:00Z') })).toBe(verdict);
  });

  it('a spent quota defers to 5 minutes past midnight in Los Angeles', () => {
    expect(youtubeBudget({ ...base, startedToday: 100, now: at('2026-07-10T05:00:00Z') })).toEqual({
      reason: "YouTube's daily upload quota is used up; it will go at 07:05",
      until: at('2026-07-10T07:05:00Z'),
    });
  });

  it('the cost per upload is configurable (the legacy 1600 units allow 6 a day)', () => {
    const now = at('2026-07-10T05:00:00Z');
    expect(youtubeBudget({ ...base, costPerUpload: 1600, startedToday: 5, now })).toBe('go');
    expect(youtubeBudget({ ...base, costPerUpload: 1600, startedToday: 6, now })).not.toBe('go');
  });
});
