import { describe, expect, it } from 'vitest';
import {
  durationLevel,
  factorsOfBrief,
  factorsOfMaking,
  FACTORS,
  HOOK_STYLES,
  musicLevel,
  observedFactors,
  postingTimeLevels,
  topicLevel,
} from '../../../src/domain/analytics/factors.js';
import { firstSentenceAsks, givenFigure, writtenHookStyle } from '../../../src/domain/hook-style.js';
import { makeBrief } from '../visuals/brief.js';

describe('factors of a video the product made', () => {
  const brief = makeBrief({
    topic: 'How a password manager helps',
    keyPoints: ['Use one long passphrase'],
    durationSeconds: 45,
    voice: 'en-calm',
    captionStyle: 'pop',
    stylePreset: 'bold-pop',
    music: 'library:abc123',
    hookStyle: 'story',
  });

  it('records every controlled parameter under its factor name, posting time in the account’s zone', () => {
    // 2026-03-02 is a Monday; 01:30 UTC is Sunday evening in New York.
    const factors = factorsOfBrief(brief, '2026-03-02T01:30:00.000Z', 'America/New_York');
    expect(factors).toEqual({
      hookStyle: 'story',
      duration: '41-60s',
      postingHour: '18-21',
      weekday: 'sun',
      voice: 'en-calm',
      captionStyle: 'pop',
      stylePreset: 'bold-pop',
      music: 'library',
      topic: 'password',
    });
    expect(Object.keys(factors).every((name) => (FACTORS as readonly string[]).includes(name))).toBe(true);
  });

  it('records the hook style as written: a statistic without the person’s number is a question', () => {
    const statistic = { ...brief, hookStyle: 'statistic' as const };
    expect(factorsOfMaking(statistic).hookStyle).toBe('question');
    expect(factorsOfMaking({ ...statistic, keyPoints: ['Save 3 hours a week'] }).hookStyle).toBe('statistic');
    expect(factorsOfMaking({ ...statistic, topic: '5 password rules' }).hookStyle).toBe('statistic');
  });

  it('leaves the hook style out when the brief left the hook to the tone', () => {
    const { hookStyle: _none, ...toneHook } = brief;
    expect(factorsOfMaking(toneHook)).not.toHaveProperty('hookStyle');
  });

  it('treats music without a field (older briefs) as none', () => {
    const { music: _none, ...older } = brief;
    expect(factorsOfMaking(older as typeof brief).music).toBe('none');
    expect(musicLevel('builtin:calm')).toBe('builtin:calm');
  });
});

describe('the topic level', () => {
  it.each([
    ['How a password manager helps', 'en', 'password'],
    ['Password managers for beginners', 'en', 'beginners'],
    ['Le café infusé à froid', 'fr', 'infuse'],
    ['Kaffee im Sommer', 'de', 'kaffee'],
    ['Cold brew', 'en', 'cold'], // the first of equally long words
  ])('%j (%s) → %j', (topic, language, level) => {
    expect(topicLevel(topic, language)).toBe(level);
  });

  it('is the same for topics on one subject worded differently, and null without a meaningful word', () => {
    expect(topicLevel('Why a password manager?', 'en')).toBe(topicLevel('Password manager tips', 'en'));
    expect(topicLevel('How to do it', 'en')).toBeNull();
  });
});

describe('factors observed on an imported post', () => {
  it('records duration, posting time in UTC and a question hook when the caption’s first sentence asks', () => {
    expect(
      observedFactors({
        durationSec: 12,
        publishedAt: '2026-03-04T13:05:00.000Z',
        title: 'Why does cold brew taste sweeter? Here is the answer. #coffee',
      }),
    ).toEqual({ duration: '10-20s', postingHour: '12-15', weekday: 'wed', hookStyle: 'question' });
  });

  it('guesses no other hook style and no topic, and skips an unknown duration', () => {
    const factors = observedFactors({
      durationSec: null,
      publishedAt: '2026-03-04T23:59:00.000Z',
      title: 'Cold brew in 3 steps. Would you try it?',
    });
    expect(factors).toEqual({ postingHour: '21-24', weekday: 'wed' });
    expect(observedFactors({ durationSec: 70, publishedAt: '2026-03-04T00:00:00.000Z' })).toEqual({
      duration: '61-90s',
      postingHour: '00-03',
      weekday: 'wed',
    });
  });
});

describe('hook style helpers', () => {
  it('lists the five styles', () => {
    expect(HOOK_STYLES).toEqual(['question', 'statistic', 'story', 'bold-claim', 'how-to']);
  });

  it.each([
    ['Why cold brew?', true],
    ['¿Sabías esto? Mira.', true],
    ['Ready? "Go!"', true],
    ['Cold brew. Why not?', false],
    ['Cold brew!', false],
    ['', false],
  ])('%j asks first: %s', (text, asks) => {
    expect(firstSentenceAsks(text)).toBe(asks);
  });

  it.each([
    [['Steep it for 12 hours'], 'Cold brew', { figure: '12 hours', inTopic: false }],
    [['Cuts costs by 50% of the price'], 'Coffee', { figure: '50%', inTopic: false }],
    [['Reach 10,000 viewers'], 'Growth', { figure: '10,000 viewers', inTopic: false }],
    [['Walk 10,000 steps a day'], 'Health', { figure: '10,000', inTopic: false }],
    [['No numbers here'], 'Save €5 a day', { figure: '€5', inTopic: true }],
    [['No numbers here'], 'Cold brew', null],
    [
      ['1. Use coarse coffee', '2) Steep it for 12 hours'],
      'Cold brew',
      { figure: '12 hours', inTopic: false },
    ],
    [['1. Use coarse coffee', '2) Filter it'], 'Cold brew', null],
  ])('key points %j, topic %j → %j', (keyPoints, topic, figure) => {
    expect(givenFigure({ keyPoints, topic, language: 'en' })).toEqual(figure);
  });

  it('writes the asked style, and no style when none is asked', () => {
    const base = { topic: 'Cold brew', keyPoints: [], language: 'en' };
    expect(writtenHookStyle({ ...base, hookStyle: 'how-to' })).toBe('how-to');
    expect(writtenHookStyle(base)).toBeNull();
    expect(durationLevel(20)).toBe('10-20s');
    expect(postingTimeLevels('2026-03-04T10:00:00.000Z', 'Not/AZone')).toEqual({
      postingHour: '09-12',
      weekday: 'wed',
    });
  });
});
