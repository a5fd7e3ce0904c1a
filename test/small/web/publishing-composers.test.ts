import { describe, expect, it } from 'vitest';
import type { PublicationView } from '../../../src/api/publishing.js';
import {
  byDay,
  dayKey,
  isPastDay,
  sameTimeOnDay,
  visibleDays,
  visibleRange,
} from '../../../src/web/features/calendar/calendarGrid.js';
import {
  captionCounts,
  clampCover,
  initialInstagramDraft,
  instagramCaptionError,
  instagramPayload,
} from '../../../src/web/features/publish/instagramComposerRules.js';
import { pollInterval } from '../../../src/web/features/publish/publicationStatus.js';
import { localInputToUtc, toLocalInputValue } from '../../../src/web/features/publish/scheduleTime.js';
import {
  initialYoutubeDraft,
  youtubeErrors,
  youtubePayload,
} from '../../../src/web/features/publish/youtubeComposerRules.js';

const NOW = new Date(2030, 2, 10, 12, 0);

describe('Instagram composer rules', () => {
  it('starts from the version’s caption and cover, shared to the feed, the cover kept inside the video', () => {
    expect(initialInstagramDraft('Hi', 1500, 30_000)).toEqual({
      caption: 'Hi',
      shareToFeed: true,
      coverAtMs: 1500,
    });
    expect(clampCover(40_000, 30_000)).toBe(29_999);
    expect(clampCover(-5, 30_000)).toBe(0);
  });

  it('counts characters, hashtags and mentions, and refuses past Instagram’s limits', () => {
    expect(captionCounts('Hi #one #two @ana mail@example.com')).toEqual({
      characters: { used: 34, max: 2200 },
      hashtags: { used: 2, max: 30 },
      mentions: { used: 1, max: 20 },
    });
    expect(instagramCaptionError('ok')).toBeUndefined();
    expect(instagramCaptionError('x'.repeat(2201))).toMatch(/limit is 2200/);
    expect(instagramCaptionError(Array.from({ length: 31 }, (_, i) => `#t${i}`).join(' '))).toMatch(
      /31 hashtags/,
    );
    expect(instagramCaptionError(Array.from({ length: 21 }, (_, i) => `@u${i}`).join(' '))).toMatch(
      /21 @mentions/,
    );
  });

  it('sends caption, share to feed and the cover in whole milliseconds', () => {
    expect(instagramPayload({ caption: 'c', shareToFeed: false, coverAtMs: 1234.6 })).toEqual({
      caption: 'c',
      shareToFeed: false,
      coverAtMs: 1235,
    });
  });
});

describe('YouTube composer rules', () => {
  const texts = { title: 'Cold brew', description: 'How to', tags: ['coffee', 'cold brew'] };
  const fresh = initialYoutubeDraft(texts, ['10', '22']);

  it('leaves privacy and "made for kids" unanswered, declares synthetic media, and picks category 22', () => {
    expect(fresh).toMatchObject({
      privacyStatus: '',
      madeForKids: null,
      containsSyntheticMedia: true,
      categoryId: '22',
    });
    const errors = youtubeErrors(fresh, NOW, localInputToUtc);
    expect(errors['youtube-privacy']).toBeDefined();
    expect(errors['youtube-kids']).toBeDefined();
  });

  it('needs a title within 100 characters', () => {
    expect(youtubeErrors({ ...fresh, title: ' ' }, NOW, localInputToUtc)['youtube-title']).toBe(
      'The YouTube title is empty; YouTube requires one.',
    );
    expect(
      youtubeErrors({ ...fresh, title: 'x'.repeat(101) }, NOW, localInputToUtc)['youtube-title'],
    ).toMatch(/limit is 100/);
  });

  it('a release time forces private and must lie ahead', () => {
    const later = { ...fresh, privacyStatus: 'public' as const, madeForKids: false, releaseLater: true };
    const past = youtubeErrors({ ...later, publishAtLocal: '2030-03-10T11:00' }, NOW, localInputToUtc);
    expect(past['youtube-publish-at']).toBe('Choose a release time in the future.');
    const ok = { ...later, publishAtLocal: '2030-03-11T09:30' };
    expect(youtubeErrors(ok, NOW, localInputToUtc)['youtube-publish-at']).toBeUndefined();
    expect(youtubePayload(ok, localInputToUtc)).toEqual({
      title: 'Cold brew',
      description: 'How to',
      tags: ['coffee', 'cold brew'],
      categoryId: '22',
      privacyStatus: 'private',
      madeForKids: false,
      containsSyntheticMedia: true,
      publishAt: new Date(2030, 2, 11, 9, 30).toISOString(),
    });
  });
});

describe('scheduling in the person’s time zone', () => {
  it('turns a local date-time into UTC and back', () => {
    const utc = localInputToUtc('2030-03-11T09:30');
    expect(utc).toBe(new Date(2030, 2, 11, 9, 30).toISOString());
    expect(toLocalInputValue(new Date(utc ?? ''))).toBe('2030-03-11T09:30');
    expect(localInputToUtc('')).toBeNull();
    expect(localInputToUtc('tomorrow')).toBeNull();
  });
});

const publication = (id: string, status: PublicationView['status'], at: Date | null, createdAt = NOW) =>
  ({
    id,
    status,
    scheduledAt: at?.toISOString() ?? null,
    createdAt: createdAt.toISOString(),
  }) as PublicationView;

describe('calendar', () => {
  it('a month shows whole weeks, Monday first, covering every day of the month', () => {
    const days = visibleDays('month', NOW);
    expect(days.length % 7).toBe(0);
    expect(days[0]?.getDay()).toBe(1);
    expect(days.map(dayKey)).toContain('2030-03-01');
    expect(days.map(dayKey)).toContain('2030-03-31');
    const week = visibleDays('week', NOW).map(dayKey);
    expect(week).toEqual([
      '2030-03-04',
      '2030-03-05',
      '2030-03-06',
      '2030-03-07',
      '2030-03-08',
      '2030-03-09',
      '2030-03-10',
    ]);
    expect(visibleRange('week', NOW)).toEqual({
      from: new Date(2030, 2, 4).toISOString(),
      to: new Date(2030, 2, 11).toISOString(),
    });
  });

  it('puts each publication on the day of its scheduled time, else of when it was asked for, in time order', () => {
    const grouped = byDay([
      publication('late', 'scheduled', new Date(2030, 2, 12, 18, 0)),
      publication('now', 'published', null, new Date(2030, 2, 10, 8, 0)),
      publication('early', 'queued', new Date(2030, 2, 12, 7, 0)),
    ]);
    expect(grouped.get('2030-03-12')?.map((p) => p.id)).toEqual(['early', 'late']);
    expect(grouped.get('2030-03-10')?.map((p) => p.id)).toEqual(['now']);
  });

  it('dragging to another day keeps the time of day; days before today take nothing', () => {
    const moved = sameTimeOnDay(new Date(2030, 2, 12, 18, 45).toISOString(), '2030-03-20');
    expect(moved).toEqual(new Date(2030, 2, 20, 18, 45));
    expect(isPastDay('2030-03-09', NOW)).toBe(true);
    expect(isPastDay('2030-03-10', NOW)).toBe(false);
  });

  it('reads lists again fast while something moves or is about to start, slowly while waiting, never once settled', () => {
    expect(pollInterval([publication('a', 'uploading', null)], NOW)).toBe(3000);
    expect(pollInterval([publication('a', 'scheduled', new Date(NOW.getTime() + 60_000))], NOW)).toBe(3000);
    expect(pollInterval([publication('a', 'scheduled', new Date(NOW.getTime() + 3_600_000))], NOW)).toBe(
      30_000,
    );
    const published = (url: string | null, minutesAgo: number) =>
      ({
        ...publication('p', 'published', null),
        url,
        publishedAt: new Date(NOW.getTime() - minutesAgo * 60_000).toISOString(),
      }) as PublicationView;
    expect(
      pollInterval([published('https://example.com/v/1', 1), publication('b', 'failed', null)], NOW),
    ).toBe(false);
    // TikTok tells the post's address after moderation: a fresh post without one is read again for a while.
    expect(pollInterval([published(null, 1)], NOW)).toBe(10_000);
    expect(pollInterval([published(null, 60)], NOW)).toBe(false);
  });
});
