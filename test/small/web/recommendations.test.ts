import { describe, expect, it } from 'vitest';
import { briefInput } from '../../../src/api/content.js';
import { quantileDots } from '../../../src/services/analytics/quantile-dots.js';
import {
  chanceText,
  dotplotSummary,
  multiplierText,
  verdictLabel,
} from '../../../src/web/features/recommendations/cardText.js';
import { layoutDotplot } from '../../../src/web/features/recommendations/dotplot.js';
import {
  draftProblem,
  toDraft,
  toSeriesBrief,
} from '../../../src/web/features/recommendations/nextBriefDrafts.js';
import { canPin, parsePins, togglePin, unpin } from '../../../src/web/features/recommendations/pins.js';

const best = { duration: '10-20s', postingHour: '18-21', hookStyle: 'question', voice: 'default' };

describe('recommendation cards in words', () => {
  it('says the effect with its 80 % range, the chance it is best and the verdict', () => {
    expect(multiplierText({ median: 1.6, low80: 1.31, high80: 1.96 })).toBe(
      '×1.6, likely between ×1.3 and ×2.0',
    );
    expect(multiplierText({ median: 0.8, low80: 0.55, high80: 12.4 })).toBe(
      '×0.8, likely between ×0.6 and ×12',
    );
    expect([chanceText(0.843), chanceText(1), chanceText(0)]).toEqual([
      '84 % chance it is the best',
      '99 % chance it is the best',
      '1 % chance it is the best',
    ]);
    expect(['winner', 'leaning', 'unknown'].map((v) => verdictLabel(v as 'winner'))).toEqual([
      'Clear winner',
      'Leaning',
      'Not enough evidence yet',
    ]);
    expect(dotplotSummary({ median: 1234, low80: 400, high80: 5600 })).toBe(
      'About 1.2K views after 7 days is the middle guess; 8 times in 10 it lands between 400 and 5.6K. ' +
        'Each dot is a 1-in-20 chance.',
    );
  });
});

describe('the dotplot layout', () => {
  // The server's dots: quantiles of a log-normal, dense in the middle and sparse in the tails.
  const dots = quantileDots({ median: 1000, low80: 280, high80: 3600 }, 20);

  it('places every dot in order on the axis, stacking the ones that would touch', () => {
    const layout = layoutDotplot(dots, 360);
    expect(layout.dots).toHaveLength(20);
    const xs = layout.dots.map((d) => d.cx);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    for (const d of layout.dots) {
      expect(d.cx).toBeGreaterThanOrEqual(layout.radius);
      expect(d.cx).toBeLessThanOrEqual(360 - layout.radius);
      expect(d.cy).toBeGreaterThan(0);
      expect(d.cy).toBeLessThan(layout.height);
    }
    // Dots sharing a column never overlap.
    const columns = new Map<number, number[]>();
    for (const d of layout.dots) columns.set(d.cx, [...(columns.get(d.cx) ?? []), d.cy]);
    expect(columns.size).toBeLessThan(20);
    for (const ys of columns.values()) {
      const sorted = [...ys].sort((a, b) => a - b);
      sorted.slice(1).forEach((y, i) => expect(y - sorted[i]!).toBeGreaterThanOrEqual(2 * layout.radius));
    }
    expect(layout.ticks.length).toBeGreaterThan(0);
    for (const tick of layout.ticks) expect(String(tick.value)).toMatch(/^[125]0*$/);
  });

  it('still draws a prediction with no spread, around its one value', () => {
    const layout = layoutDotplot(Array(20).fill(500), 360);
    expect(new Set(layout.dots.map((d) => d.cx)).size).toBe(1);
    expect(layout.dots[0]!.cx).toBeCloseTo(180, 0);
  });
});

describe('next briefs as drafts', () => {
  it('fills a brief from the levels, with the posting time as a suggestion and what it tries', () => {
    const draft = toDraft(
      {
        factors: { ...best, hookStyle: 'story', weekday: 'thu', captionStyle: 'pop', music: 'builtin:calm' },
        exploring: true,
      },
      best,
    );
    expect(draft).toMatchObject({
      topic: '',
      hookStyle: 'story',
      durationSeconds: 15,
      voice: 'default',
      captionStyle: 'pop',
      music: 'builtin:calm',
      postAt: 'Thursday, 18:00–21:00',
      exploring: true,
      tries: ['Hook style: Story'],
    });
  });

  it('makes a brief the series API takes once a topic is written, and says what is missing before', () => {
    const draft = toDraft({ factors: best, exploring: false }, best);
    expect(draft.tries).toEqual([]);
    expect(draftProblem(draft)).toMatch(/Say what this video is about/);
    const written = { ...draft, topic: '  Cold brew at home ' };
    expect(draftProblem(written)).toBeUndefined();
    expect(draftProblem({ ...written, durationSeconds: 5 })).toMatch(/between 10 and 90 seconds/);
    const brief = briefInput.parse(toSeriesBrief(written));
    expect(brief).toMatchObject({ topic: 'Cold brew at home', durationSeconds: 15, hookStyle: 'question' });
    const noHook = briefInput.parse(toSeriesBrief({ ...written, hookStyle: '' }));
    expect(noHook.hookStyle).toBeUndefined();
  });
});

describe('pins', () => {
  it('toggles a factor at a level, moves it to another level, and unpins', () => {
    const pinned = togglePin({}, 'duration', '10-20s');
    expect(pinned).toEqual({ duration: '10-20s' });
    expect(togglePin(pinned, 'duration', '21-40s')).toEqual({ duration: '21-40s' });
    expect(togglePin(pinned, 'duration', '10-20s')).toEqual({});
    expect(unpin({ ...pinned, voice: 'none' }, 'duration')).toEqual({ voice: 'none' });
  });

  it('reads back stored pins, dropping what a brief cannot set and anything unreadable', () => {
    expect(parsePins('{"duration":"10-20s","topic":"coffee","voice":3}')).toEqual({ duration: '10-20s' });
    for (const bad of [null, 'not json', '[1]', 'null']) expect(parsePins(bad)).toEqual({});
    expect([canPin('postingHour'), canPin('topic')]).toEqual([true, false]);
  });
});
